#!/usr/bin/env bash
# Runs every fuzz target for a short time (FUZZTIME, default 5s each); CI
# runs it as is. A longer run, e.g. before a release:
#   FUZZTIME=60s ./scripts/fuzz.sh
# Any failure leaves its input in the package's testdata/fuzz/ to commit
# as a regression seed.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-5s}
targets=(
  "./ingest FuzzFromBytes"
  "./ingest FuzzWalk"
  "./clean FuzzDocument"
  "./annotate/tokenize FuzzSplit"
  "./annotate/timex FuzzExtract"
  "./annotate/entities FuzzTag"
  "./annotate/quantity FuzzExtract"
  "./annotate/quotes FuzzExtract"
  "./resolve/namematch FuzzCompare"
  "./compare FuzzExtract"
  "./compare FuzzCompare"
  "./compare/timeline FuzzBuild"
  "./store/sqlite FuzzSearch"
  "./present/web FuzzHighlight"
  "./present/web FuzzHandlers"
)
for t in "${targets[@]}"; do
  set -- $t
  echo "== fuzz $1 $2 ($fuzztime)"
  go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$fuzztime" -parallel 2
done
