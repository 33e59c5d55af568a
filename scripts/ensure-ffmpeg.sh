#!/usr/bin/env bash
# The demo's camera video (scripts/demo-video.sh) is a test-pattern HLS stream written by Debian's ffmpeg at
# predev/prebuild; the camera-video journey plays it. Install ffmpeg when missing (as root, with apt-get), or say in
# one line what to run.
# ENSURE_LIST=1 only prints what is missing (scripts/ensure-deps.sh installs everything in one apt-get call).
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
if [ "${ENSURE_LIST:-}" = 1 ]; then
  echo "${missing[*]}"
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the demo video (apt-get)…"
  source ./apt-install.sh
  apt_install "${missing[@]}"
  command -v ffmpeg >/dev/null && exit 0
  echo "Still missing after apt-get: ffmpeg" >&2
  exit 1
fi
echo "The demo video needs: sudo apt-get install -y ${missing[*]}" >&2
exit 1
