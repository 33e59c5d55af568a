#!/usr/bin/env bash
# Sourced by the ensure-*.sh scripts: `apt_install PACKAGE...` installs Debian packages as root with apt-get, in one
# call, asking for the package lists (`apt-get update`, tens of seconds) only when there are none or the install
# cannot find what it needs. The packages' own services (PostgreSQL's cluster on 5432, nginx's default site on port
# 80) are not wanted: the tests start their own on free ports of 127.0.0.1, so where no policy says so already,
# service starts are refused for the install.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  local policy=/usr/sbin/policy-rc.d added_policy=false status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added_policy=true
  fi
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then apt-get update -qq || status=$?; fi
  if [ "$status" -eq 0 ] && ! apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null || status=$?
  fi
  if [ "$added_policy" = true ]; then rm -f "$policy"; fi
  return "$status"
}
