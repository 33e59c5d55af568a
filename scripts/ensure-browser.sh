#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium) and need CJK fonts so Chinese renders in
# screenshots. Install them when missing (as root, with apt-get), or say in one line what to run.
# ENSURE_LIST=1 only prints what is missing (scripts/ensure-deps.sh installs everything in one apt-get call).
set -euo pipefail
cd "$(dirname "$0")"
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
# Read the whole font list first: `fc-list | grep -q` under pipefail fails when grep stops early (SIGPIPE).
fonts=$(fc-list 2>/dev/null || true)
case "$fonts" in *"Noto Sans CJK"*) ;; *) missing+=(fonts-noto-cjk) ;; esac
if [ "${ENSURE_LIST:-}" = 1 ]; then
  echo "${missing[*]}"
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the browser tests (apt-get)…"
  source ./apt-install.sh
  apt_install "${missing[@]}"
  exit 0
fi
echo "Browser tests need: sudo apt-get install -y ${missing[*]}" >&2
exit 1
