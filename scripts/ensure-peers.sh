#!/usr/bin/env bash
# The provider tests (tests/providers) run the OGC API – Features and WFS adapters against a real MapServer 8
# on 127.0.0.1 (the ArcGIS adapter runs against Koop, an npm devDependency). Install Debian's mapserver-bin when
# `mapserv` is missing (as root, with apt-get), or say in one line what to run. The Open311 and files peers are
# small node:http servers and need nothing installed.
# ENSURE_LIST=1 only prints what is missing (scripts/ensure-deps.sh installs everything in one apt-get call).
set -euo pipefail
cd "$(dirname "$0")"
# Read mapserv's answer whole: `| grep -q` under pipefail can fail on SIGPIPE.
has_ogcapi() { case "$(mapserv -v 2>/dev/null || true)" in *OGCAPI_SERVER*) return 0 ;; *) return 1 ;; esac; }
if command -v mapserv >/dev/null && has_ogcapi; then
  [ "${ENSURE_LIST:-}" = 1 ] && echo
  exit 0
fi
if [ "${ENSURE_LIST:-}" = 1 ]; then
  echo mapserver-bin
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing mapserver-bin for the OGC API – Features peer test (apt-get)…"
  source ./apt-install.sh
  apt_install mapserver-bin
  has_ogcapi && exit 0
  echo "mapserv is installed but lacks OGCAPI_SERVER (need MapServer 8)" >&2
  exit 1
fi
echo "Provider peer tests need: sudo apt-get install -y mapserver-bin   (MapServer 8 with OGC API)" >&2
exit 1
