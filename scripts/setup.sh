#!/usr/bin/env bash
# Installs everything a fresh Debian bookworm machine lacks to build and test
# zkc. Idempotent and silent when nothing is missing.
set -euo pipefail

APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config python3
  clang-19 llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools
  libclang-rt-19-dev
  libboost-program-options-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nettle-dev libgmp-dev libsecp256k1-dev
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Node.js and npm, for the JavaScript build of solc ---
# Only when there is no npm at all: a Node.js from elsewhere (which brings
# its own npm) is left alone, since Debian's npm package conflicts with it.
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing nodejs npm" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# --- solc and forge from npm ---
# solc (npm package `solc`, the official compiler built for JavaScript) is
# where zkc's Solidity input, zkc-test and scripts/yul-corpus.sh find it when
# no native solc is on PATH (docs/solc.md); forge (Foundry's binary, npm
# package @foundry-rs/forge-linux-amd64) runs test/Driver/forge.test, which
# builds a Foundry project with zkc as its solc. Both go into .npm-tools/ of
# the checkout, in one `npm install`: npm removes from a prefix the packages
# a later install does not name.
ZKC_SOLC_VERSION=0.8.30
ZKC_FORGE_VERSION=1.7.1
npm_tools="$(cd "$(dirname "$0")/.." && pwd)/.npm-tools"
installed_version() {
  sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' \
    "$npm_tools/node_modules/$1/package.json" 2>/dev/null
}
npm_packages=("solc@$ZKC_SOLC_VERSION")
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  npm_packages+=("@foundry-rs/forge-linux-amd64@$ZKC_FORGE_VERSION")
fi
for spec in "${npm_packages[@]}"; do
  if [ "$(installed_version "${spec%@*}")" != "${spec##*@}" ]; then
    echo "setup: installing ${npm_packages[*]} from npm into $npm_tools" >&2
    mkdir -p "$npm_tools"
    npm install --prefix "$npm_tools" --no-save --no-audit --no-fund \
      --loglevel=error "${npm_packages[@]}" >/dev/null || {
      echo "setup: error: could not install ${npm_packages[*]} from npm" >&2
      exit 1
    }
    break
  fi
done
