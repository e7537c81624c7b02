#!/usr/bin/env bash
# Installs the reference tools of bench/evm-compare.py from npm: anvil
# (Foundry's EVM node) and resolc (a peer compiler, Solidity to PolkaVM),
# with the solc that resolc loads. They go into .npm-tools/bench/ of the
# checkout, a prefix of their own: npm removes from a prefix the packages a
# later install does not name, so sharing .npm-tools/ with scripts/setup.sh
# would make each install undo the other. Idempotent and silent when
# nothing is missing. Not needed to build or test zkc.
set -euo pipefail

ZKC_ANVIL_VERSION=1.7.1
ZKC_RESOLC_VERSION=0.3.0
ZKC_BENCH_SOLC_VERSION=0.8.30  # the solc that scripts/setup.sh pins

prefix="$(cd "$(dirname "$0")/.." && pwd)/.npm-tools/bench"
packages=(
  "@foundry-rs/anvil-linux-amd64@$ZKC_ANVIL_VERSION"
  "@parity/resolc@$ZKC_RESOLC_VERSION"
  "solc@$ZKC_BENCH_SOLC_VERSION"
)

if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "install-bench-tools: error: anvil's npm package is for Linux x86-64 only" >&2
  exit 1
fi
command -v npm >/dev/null 2>&1 || {
  echo "install-bench-tools: error: npm not found (scripts/setup.sh installs it)" >&2
  exit 1
}

installed_version() {
  sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' \
    "$prefix/node_modules/$1/package.json" 2>/dev/null
}
for spec in "${packages[@]}"; do
  if [ "$(installed_version "${spec%@*}")" != "${spec##*@}" ]; then
    echo "install-bench-tools: installing ${packages[*]} from npm into $prefix" >&2
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund \
      --loglevel=error "${packages[@]}" >/dev/null || {
      echo "install-bench-tools: error: could not install ${packages[*]} from npm" >&2
      exit 1
    }
    break
  fi
done
