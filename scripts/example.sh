#!/usr/bin/env bash
# Sets up, builds, then assembles the example program and runs it in the
# emulator: deploys it and calls it to compute fib(20).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ZKC_BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
"$root/scripts/build.sh" >/dev/null
"$build/bin/zvm-as" "$root/examples/fib.s" -o "$build/fib.zbin"
# fib(uint256) with argument 20.
exec "$build/bin/zvm-run" "$build/fib.zbin" \
  --calldata 0x$(printf '%064x' 20)
