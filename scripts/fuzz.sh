#!/usr/bin/env bash
# Builds one libFuzzer target with ASan and UBSan in build-fuzz/ and runs it.
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]
# TARGET is ZvmAsmFuzzer or ZbinLoaderFuzzer. The run starts from the
# committed seeds (fuzz/corpus/TARGET) in a working corpus under build-fuzz/,
# so the committed corpus only changes by hand. Crashes are written to
# build-fuzz/artifacts/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 2 ]; then
  echo "usage: $0 TARGET SECONDS [libFuzzer flags...]" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
build=${ZKC_FUZZ_BUILD_DIR:-$root/build-fuzz}
if [ ! -f "$build/build.ninja" ]; then
  CC=clang-19 CXX=clang++-19 \
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DZKC_ENABLE_FUZZERS=ON >/dev/null
fi
# Only the target: the rest of the tree need not build with sanitizers.
cmake --build "$build" --target "$target"

corpus=$build/corpus/$target
mkdir -p "$corpus" "$build/artifacts"
if [ -d "$root/fuzz/corpus/$target" ]; then
  cp -n "$root/fuzz/corpus/$target/"* "$corpus/" 2>/dev/null || true
fi
flags=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-")
if [ -f "$root/fuzz/$target.dict" ]; then
  flags+=(-dict="$root/fuzz/$target.dict")
fi
exec "$build/bin/$target" "${flags[@]}" "$@" "$corpus"
