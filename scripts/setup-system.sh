#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when one is missing, and upgrades chromium (below).
# chromium: the browser of the integration/UI tests; build-essential python3 libkrb5-dev: code-server's
# native modules; libquartz2-java libspring-context-java default-jdk-headless: the Quartz and Spring
# references for the cron tests.
set -euo pipefail
packages=(chromium build-essential python3 libkrb5-dev libquartz2-java libspring-context-java default-jdk-headless)
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
# the package lists only when they are more than a day old (else this takes a second). Only as root (CI,
# a fresh machine): `npm start` as a user must not ask for a sudo password on every run.
if [ "$(id -u)" -eq 0 ] && [[ ! " ${missing[*]} " =~ " chromium " ]]; then
  if ! find /var/lib/apt/lists -maxdepth 1 -name '*InRelease' -mmin -1440 | grep -q .; then "${sudo_cmd[@]}" apt-get update -q; fi
  "${sudo_cmd[@]}" apt-get install -y -q --only-upgrade chromium >/dev/null
  echo "setup-system: chromium $(dpkg-query -W -f='${Version}' chromium)"
fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all system packages present"
  exit 0
fi
echo "setup-system: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
