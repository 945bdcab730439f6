#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when one is missing, and upgrades chromium (below).
# chromium: the browser of the integration/UI tests; build-essential python3 libkrb5-dev: code-server's
# native modules; libquartz2-java libspring-context-java default-jdk-headless: the Quartz and Spring
# references for the cron tests; fonts-wqy-microhei: Chinese glyphs for the zh-cn UI test's screenshots.
set -euo pipefail
packages=(chromium build-essential python3 libkrb5-dev libquartz2-java libspring-context-java default-jdk-headless fonts-wqy-microhei)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
# The UI tests run on Debian's chromium, which moves with security updates: take the newest, refreshing
# the package lists only when they are more than a day old (else this takes a second). Only with
# --upgrade-browser (npm test, CI) and as root: `npm start` must not touch apt or ask for a password.
# apt waits for another apt (a parallel run) instead of failing on its lock.
apt_get=(apt-get -o DPkg::Lock::Timeout=300)
if [ "${1:-}" = "--upgrade-browser" ] && [ "$(id -u)" -eq 0 ] && [[ ! " ${missing[*]} " =~ " chromium " ]]; then
  if ! find /var/lib/apt/lists -maxdepth 1 -name '*InRelease' -mmin -1440 | grep -q .; then "${apt_get[@]}" update -q; fi
  "${apt_get[@]}" install -y -q --only-upgrade chromium >/dev/null
  echo "setup-system: chromium $(dpkg-query -W -f='${Version}' chromium)"
fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all system packages present"
  exit 0
fi
echo "setup-system: installing ${missing[*]}"
"${sudo_cmd[@]}" "${apt_get[@]}" update -q
"${sudo_cmd[@]}" "${apt_get[@]}" install -y -q --no-install-recommends "${missing[@]}"
