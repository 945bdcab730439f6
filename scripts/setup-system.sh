#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when one is missing (apt-get update only then).
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
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all system packages present"
  exit 0
fi
echo "setup-system: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
