#!/usr/bin/env bash
# Configures (once) and builds zkc into build/ with Ninja, clang-19 and ccache.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ZKC_BUILD_DIR:-$root/build}
if [ ! -f "$build/build.ninja" ]; then
  CC=${CC:-clang-19} CXX=${CXX:-clang++-19} \
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "$@" >/dev/null
fi
cmake --build "$build" -- -j"$(nproc)" ${NINJA_FLAGS:-}
