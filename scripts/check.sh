#!/usr/bin/env bash
# `npm run check`: the typecheck, the lint and the format check are independent and each runs on one core, so they
# run side by side (each one's output is printed whole when it ends, with its time); then the unit tests, which
# use every core themselves. Fails if any step fails.
set -uo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
steps=(typecheck lint format:check)
pids=()
for step in "${steps[@]}"; do
  (
    started=$SECONDS
    npm run --silent "$step" >"$logs/$step.log" 2>&1
    status=$?
    echo "── npm run $step: exit $status, $((SECONDS - started)) s" >>"$logs/$step.log"
    exit "$status"
  ) &
  pids+=($!)
done
failed=0
for index in "${!steps[@]}"; do
  wait "${pids[$index]}" || failed=1
  cat "$logs/${steps[$index]}.log"
done
[ "$failed" -eq 0 ] || exit 1
npm run --silent test:unit
