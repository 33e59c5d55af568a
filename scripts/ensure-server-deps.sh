#!/usr/bin/env bash
# The server tests (tests/server) start a throwaway PostgreSQL 15 cluster with PostGIS 3. Install Debian's
# postgresql-15 and postgresql-15-postgis-3 when missing (as root, with apt-get; gdal-bin too, for the ogr2ogr
# import path of docs/server.md), or say in one line what to run.
set -euo pipefail
has_all() {
  [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] &&
    command -v ogr2ogr >/dev/null
}
has_all && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing PostgreSQL 15 + PostGIS 3 and gdal-bin for the server tests (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3 gdal-bin >/dev/null
  has_all && exit 0
  echo "PostgreSQL 15 / PostGIS 3 still missing after apt-get" >&2
  exit 1
fi
echo "Server tests need: sudo apt-get install -y postgresql-15 postgresql-15-postgis-3 gdal-bin" >&2
exit 1
