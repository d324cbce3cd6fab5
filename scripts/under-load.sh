#!/usr/bin/env bash
# Runs a command while both cores are kept busy, the way CI meets a shared machine:
#   bash scripts/under-load.sh bash .ci/run
#   bash scripts/under-load.sh npm run test:browser
# The hog is stress-ng from Debian's packages when present, otherwise a busy loop per core; it is
# stopped when the command ends, whatever its result. The command's exit code is returned.
set -uo pipefail
cores="$(nproc)"
if command -v stress-ng >/dev/null 2>&1; then
  stress-ng --cpu "$cores" --cpu-method matrixprod --quiet &
  hog=$!
else
  for _ in $(seq "$cores"); do (while :; do :; done) & done
  hog="$(jobs -p | tr '\n' ' ')"
fi
trap 'kill $hog 2>/dev/null; wait 2>/dev/null' EXIT
echo "under-load: $cores busy cores (pid $hog) while running: $*"
start=$(date +%s)
"$@"
status=$?
echo "under-load: exit $status after $(( $(date +%s) - start )) s"
exit $status
