#!/usr/bin/env bash
# Sets up, builds and runs every test (unit tests and lit tests) in parallel.
# Ends with a line "N passed, N failed, N skipped".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ZKC_BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
"$root/scripts/build.sh" >/dev/null
exec python3 "$root/scripts/run-lit.py" "$build/test" "$build/unittests" "$@"
