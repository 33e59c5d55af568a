#!/usr/bin/env bash
# The server tests (tests/server) and the real-server browser journey start a throwaway PostgreSQL 15 cluster with
# PostGIS 3, and nginx in front of two server instances (docs/deployment.md). Install Debian's postgresql-15,
# postgresql-15-postgis-3 and nginx when missing (as root, with apt-get; gdal-bin too, for the ogr2ogr import path
# of docs/server.md), or say in one line what to run.
set -euo pipefail
has_all() {
  [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] &&
    command -v ogr2ogr >/dev/null && [ -x /usr/sbin/nginx ]
}
has_all && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing PostgreSQL 15 + PostGIS 3, nginx and gdal-bin for the server tests (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  # The packages' own services (PostgreSQL's cluster on 5432, nginx's default site on port 80) are not wanted: the
  # tests start their own on free ports of 127.0.0.1. Where no policy says so already, refuse service starts.
  policy=/usr/sbin/policy-rc.d
  added_policy=false
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added_policy=true
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3 gdal-bin nginx >/dev/null
  if [ "$added_policy" = true ]; then rm -f "$policy"; fi
  has_all && exit 0
  echo "PostgreSQL 15 / PostGIS 3 / nginx still missing after apt-get" >&2
  exit 1
fi
echo "Server tests need: sudo apt-get install -y postgresql-15 postgresql-15-postgis-3 gdal-bin nginx" >&2
exit 1
