#!/usr/bin/env bash
# Runs the Yul frontend over the whole corpus and prints the counts:
#   1. every .yul file of ../shared/corpus/era-compiler-tests/yul;
#   2. the Yul (unoptimized `ir` and optimized `irOptimized`) that solc
#      produces for every contract of ../shared/corpus/solidity-semantic.
# Each file must parse, check and lower to verified LLVM IR (zkc --emit=llvm),
# and its `evm` dialect form must round-trip through zkc-opt. solc output is
# cached by content hash in ${XDG_CACHE_HOME:-~/.cache}/zkc/solc.
#
# Usage: scripts/yul-corpus.sh [era|solc|all] (default all). Failing files
# are listed in $ZKC_BUILD_DIR/yul-corpus/failures.txt.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ZKC_BUILD_DIR:-$root/build}
shared=${ZKC_SHARED_DIR:-$root/../shared}
which=${1:-all}
work=$build/yul-corpus
cache=${XDG_CACHE_HOME:-$HOME/.cache}/zkc/solc
mkdir -p "$work" "$cache"
: >"$work/failures.txt"

if [ ! -x "$build/bin/zkc" ] || [ ! -x "$build/bin/zkc-opt" ]; then
  echo "yul-corpus: build zkc and zkc-opt first (scripts/build.sh)" >&2
  exit 2
fi
# Copies, so that rebuilding during a run does not disturb it.
mkdir -p "$work/bin"
cp "$build/bin/zkc" "$build/bin/zkc-opt" "$work/bin/"
zkc=$work/bin/zkc
opt=$work/bin/zkc-opt

# check FILE TAG: 0 when FILE lowers to LLVM IR and its MLIR round-trips; 3
# when it is rejected for using a builtin the ZVM does not offer. The error
# is left in $work/TAG.err.
check() {
  local f=$1 t=$work/$2 err=$work/$2.err
  if ! "$zkc" --yul "$f" --emit=llvm -o /dev/null 2>"$err"; then
    if grep -q 'is not supported on the ZVM' "$err"; then return 3; fi
    return 1
  fi
  "$zkc" --yul "$f" --emit=mlir -o "$t.1.mlir" 2>"$err" &&
    "$opt" "$t.1.mlir" -o "$t.2.mlir" 2>"$err" &&
    "$opt" "$t.2.mlir" -o "$t.3.mlir" 2>"$err" &&
    { cmp -s "$t.2.mlir" "$t.3.mlir" || { echo "round trip differs" >"$err"; false; }; }
}

# run_set NAME FILES...: checks each file with progress; prints the counts.
run_set() {
  local name=$1; shift
  local total=$# n=0 ok=0 unsupported=0 failed=0 rc
  for f in "$@"; do
    n=$((n + 1))
    check "$f" "$name"; rc=$?
    case $rc in
      0) ok=$((ok + 1)) ;;
      3) unsupported=$((unsupported + 1))
         echo "unsupported $f: $(head -1 "$work/$name.err")" >>"$work/failures.txt" ;;
      *) failed=$((failed + 1))
         echo "FAILED $f: $(head -1 "$work/$name.err")" >>"$work/failures.txt" ;;
    esac
    if [ -t 2 ]; then printf '\r%s: %d/%d' "$name" "$n" "$total" >&2
    elif [ $((n % 50)) -eq 0 ]; then echo "$name: $n/$total" >&2; fi
  done
  [ -t 2 ] && echo >&2
  echo "$name: $total files, $ok lowered to LLVM IR, $unsupported rejected" \
       "(builtin the ZVM does not offer), $failed failed"
  [ "$failed" -eq 0 ]
}

status=0
if [ "$which" = all ] || [ "$which" = era ]; then
  mapfile -t era < <(find "$shared/corpus/era-compiler-tests/yul" -name '*.yul' | sort)
  run_set era-yul "${era[@]}" || status=1
fi

if [ "$which" = all ] || [ "$which" = solc ]; then
  solc_js=$root/.npm-tools/node_modules/solc
  if [ ! -d "$solc_js" ]; then
    echo "yul-corpus: solc not installed (scripts/setup.sh)" >&2
    exit 2
  fi
  out=$work/solc
  rm -rf "$out"; mkdir -p "$out"
  # Folders starting with '_' hold sources that tests import, not tests.
  find "$shared/corpus/solidity-semantic" -name '*.sol' -not -path '*/_*' |
    sort >"$work/sol.txt"
  # One node process compiles every file (loading solc once), splitting
  # isoltest's "==== Source: name ====" sections into separate sources.
  NODE_PATH=$root/.npm-tools/node_modules node - "$work/sol.txt" "$out" "$cache" \
    "$shared/corpus/solidity-semantic" <<'JS' || status=1
const fs = require('fs'), path = require('path'), crypto = require('crypto');
const solc = require('solc');
const [list, out, cache, base] = process.argv.slice(2);
const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
let contracts = 0, failedFiles = 0, i = 0;
for (const file of files) {
  i++;
  const dir = path.dirname(file);
  const text = fs.readFileSync(file, 'utf8').split(/^\/\/ ----\s*$/m)[0];
  const sources = {};
  const parts = text.split(/^==== (Source|ExternalSource): *(.*?) *====\s*$/m);
  if (parts.length === 1) sources['test.sol'] = {content: text};
  for (let k = 1; k + 2 < parts.length; k += 3) {
    if (parts[k] === 'Source') {
      sources[parts[k + 1] || 'test.sol'] = {content: parts[k + 2]};
    } else {
      // "name=path" or "path", relative to the test's directory.
      const [name, rel] = parts[k + 1].includes('=')
        ? parts[k + 1].split('=') : [parts[k + 1], parts[k + 1]];
      const p = path.join(dir, rel);
      if (fs.existsSync(p)) sources[name] = {content: fs.readFileSync(p, 'utf8')};
    }
  }
  // The imported files are part of the input the cache key covers.
  const importsSalt = () => fs.readdirSync(dir).join(',');
  // Imports not given as sources are read next to the test.
  const findImports = (p) => {
    for (const c of [path.join(dir, p), path.join(base, p)])
      if (fs.existsSync(c)) return {contents: fs.readFileSync(c, 'utf8')};
    return {error: 'not found: ' + p};
  };
  // isoltest's "// EVMVersion: <=berlin" and the like: compile for the
  // newest version the test allows.
  const forks = ['homestead', 'tangerineWhistle', 'spuriousDragon',
    'byzantium', 'constantinople', 'petersburg', 'istanbul', 'berlin',
    'london', 'paris', 'shanghai', 'cancun', 'prague'];
  const evm = /^\/\/ EVMVersion: *(<=|<|=)(\w+)/m.exec(
    fs.readFileSync(file, 'utf8'));
  const settings = {optimizer: {enabled: true}};
  if (evm && forks.includes(evm[2]))
    settings.evmVersion = forks[forks.indexOf(evm[2]) - (evm[1] === '<' ? 1 : 0)];
  const input = JSON.stringify({language: 'Solidity', sources, settings: {
    ...settings,
    outputSelection: {'*': {'*': ['ir', 'irOptimized']}}}});
  const key = crypto.createHash('sha256')
    .update(solc.version() + '\0' + input + '\0' + importsSalt(sources))
    .digest('hex');
  const cached = path.join(cache, key + '.json');
  let output;
  if (fs.existsSync(cached)) output = fs.readFileSync(cached, 'utf8');
  else {
    output = solc.compile(input, {import: findImports});
    fs.writeFileSync(cached, output);
  }
  const result = JSON.parse(output);
  const errors = (result.errors || []).filter(e => e.severity === 'error');
  if (errors.length) {
    failedFiles++;
    console.log('solc-error ' + path.relative(base, file) + ': ' +
                errors[0].message.split('\n')[0]);
  }
  const rel = path.relative(base, file).replace(/\.sol$/, '').replace(/\//g, '__');
  for (const [src, cs] of Object.entries(result.contracts || {}))
    for (const [name, c] of Object.entries(cs)) {
      if (!c.ir) continue;
      contracts++;
      fs.writeFileSync(path.join(out, `${rel}__${name}.yul`), c.ir);
      if (c.irOptimized)
        fs.writeFileSync(path.join(out, `${rel}__${name}.opt.yul`), c.irOptimized);
    }
  if (i % 25 === 0) process.stderr.write(`solc: ${i}/${files.length}\n`);
}
console.log(`solc ${solc.version()}: ${files.length} files, ${contracts} ` +
            `contracts, ${failedFiles} files with compile errors`);
JS
  mapfile -t ir < <(find "$out" -name '*.yul' ! -name '*.opt.yul' | sort)
  mapfile -t iropt < <(find "$out" -name '*.opt.yul' | sort)
  # The two sets in parallel, one per core.
  run_set solc-ir "${ir[@]}" >"$work/solc-ir.txt" &
  pid_ir=$!
  run_set solc-ir-optimized "${iropt[@]}" || status=1
  wait "$pid_ir" || status=1
  cat "$work/solc-ir.txt"
fi
echo "failures: $work/failures.txt"
exit $status
