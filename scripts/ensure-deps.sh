#!/usr/bin/env bash
# Everything `npm test` needs from Debian, in one apt-get call: each ensure-*.sh lists what it misses
# (ENSURE_LIST=1), the union is installed at once, and each script then checks its own again.
set -euo pipefail
cd "$(dirname "$0")"
scripts=(ensure-browser.sh ensure-peers.sh ensure-server-deps.sh ensure-ffmpeg.sh)
missing=()
for script in "${scripts[@]}"; do
  read -r -a listed <<<"$(ENSURE_LIST=1 bash "$script")"
  missing+=("${listed[@]}")
done
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the tests (apt-get)…"
  source ./apt-install.sh
  apt_install "${missing[@]}"
fi
for script in "${scripts[@]}"; do bash "$script"; done
