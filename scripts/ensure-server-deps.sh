#!/usr/bin/env bash
# The server tests (tests/server) and the real-server browser journey start a throwaway PostgreSQL 15 cluster with
# PostGIS 3, and nginx in front of two server instances (docs/deployment.md). Install Debian's postgresql-15,
# postgresql-15-postgis-3 and nginx when missing (as root, with apt-get; gdal-bin too, for the ogr2ogr import path
# of docs/server.md), or say in one line what to run.
# ENSURE_LIST=1 only prints what is missing (scripts/ensure-deps.sh installs everything in one apt-get call).
set -euo pipefail
cd "$(dirname "$0")"
list_missing() {
  missing=()
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || missing+=(postgresql-15-postgis-3)
  command -v ogr2ogr >/dev/null || missing+=(gdal-bin)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
}
list_missing
if [ "${ENSURE_LIST:-}" = 1 ]; then
  echo "${missing[*]}"
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the server tests (apt-get)…"
  source ./apt-install.sh
  apt_install "${missing[@]}"
  list_missing
  [ ${#missing[@]} -eq 0 ] && exit 0
  echo "Still missing after apt-get: ${missing[*]}" >&2
  exit 1
fi
echo "Server tests need: sudo apt-get install -y ${missing[*]}" >&2
exit 1
