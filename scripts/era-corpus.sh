#!/usr/bin/env bash
# Runs the era-compiler-tests Yul corpus (../shared/corpus/era-compiler-tests/
# yul) through zkc-test at every optimisation level and prints one summary
# line per level. The counts must be the same at every level; the script
# fails if any case fails or if two levels disagree.
#
# Usage: scripts/era-corpus.sh [zkc-test options...]
#   ZKC_BUILD_DIR   the build to use (default build/)
#   ZKC_SHARED_DIR  where the corpora live (default ../shared)
#   JOBS            threads (default: the number of CPUs)
# JSON reports are written to $ZKC_BUILD_DIR/era-corpus/O<level>.json.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ZKC_BUILD_DIR:-$root/build}
shared=${ZKC_SHARED_DIR:-$root/../shared}
corpus=$shared/corpus/era-compiler-tests/yul
jobs=${JOBS:-$(nproc)}
work=$build/era-corpus

if [ ! -x "$build/bin/zkc-test" ]; then
  echo "era-corpus: build zkc-test first (ninja -C $build zkc-test)" >&2
  exit 2
fi
if [ ! -d "$corpus" ]; then
  echo "era-corpus: no corpus at $corpus" >&2
  exit 2
fi
mkdir -p "$work"

status=0
first=""
for level in 0 1 2 3 s z; do
  out=$("$build/bin/zkc-test" "$corpus" -O"$level" -j"$jobs" --quiet \
        --json "$work/O$level.json" "$@")
  rc=$?
  summary=$(printf '%s\n' "$out" | tail -n 1)
  printf '%s\n' "$out" | sed '$d'
  echo "-O$level: $summary"
  [ "$rc" -eq 0 ] || status=1
  if [ -z "$first" ]; then
    first=$summary
  elif [ "$summary" != "$first" ]; then
    echo "era-corpus: -O$level disagrees with -O0 ($first)" >&2
    status=1
  fi
done
exit $status
