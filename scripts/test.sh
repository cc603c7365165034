#!/usr/bin/env bash
# The project's test command (see README): installs what the tests need on a
# fresh Debian machine, then runs every test of the main module.
#   - Debian's chromium, for the end-to-end browser tests of the web UI.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian chromium for the browser tests..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium not found and cannot install it: browser tests will be skipped" >&2
  fi
fi

go test -count=1 "$@" ./...
