#!/usr/bin/env bash
# Runs the shared test corpora (../shared/corpus: era-compiler-tests, Yul and
# Solidity, and the Solidity semantic tests) through zkc-test at every
# optimisation level, and compares the failures with the list of known ones
# (test/corpus-known-failures.txt, each with its reason in docs/testing.md).
#
# Fails when a case fails that is not listed, when a listed one passes (the
# list is then out of date), or when two levels give different counts.
# solc's output is cached (docs/solc.md): only the first run on a machine
# waits for solc.
#
# Usage: scripts/corpus.sh [zkc-test options...]
#   ZKC_BUILD_DIR   the build to use (default build/)
#   ZKC_SHARED_DIR  where the corpora live (default ../shared)
#   JOBS            threads (default: the number of CPUs)
# JSON reports are written to $ZKC_BUILD_DIR/corpus/<corpus>-O<level>.json.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ZKC_BUILD_DIR:-$root/build}
shared=${ZKC_SHARED_DIR:-$root/../shared}
jobs=${JOBS:-$(nproc)}
known=$root/test/corpus-known-failures.txt
work=$build/corpus

if [ ! -x "$build/bin/zkc-test" ]; then
  echo "corpus: build zkc-test first (ninja -C $build zkc-test)" >&2
  exit 2
fi
if [ ! -d "$shared/corpus" ]; then
  echo "corpus: no corpus at $shared/corpus" >&2
  exit 2
fi
mkdir -p "$work"

status=0
for corpus in era-compiler-tests solidity-semantic; do
  first=""
  for level in 0 1 2 3 s z; do
    report=$work/$corpus-O$level.json
    out=$("$build/bin/zkc-test" "$shared/corpus/$corpus" -O"$level" \
          -j"$jobs" --quiet --json "$report" "$@")
    summary=$(printf '%s\n' "$out" | tail -n 1)
    echo "$corpus -O$level: $summary"
    if [ -z "$first" ]; then
      first=$summary
    elif [ "$summary" != "$first" ]; then
      echo "corpus: $corpus -O$level disagrees with -O0 ($first)" >&2
      status=1
    fi
  done
done

# Failures, as "path::case" relative to the corpus folder, against the list.
python3 - "$known" "$shared/corpus" "$work"/*.json <<'PY' || status=1
import json, os, sys

known_file, corpus_root, reports = sys.argv[1], sys.argv[2], sys.argv[3:]
known = set()
for line in open(known_file):
    line = line.split('#', 1)[0].strip()
    if line:
        known.add(line)
failed, seen = set(), set()
for report in reports:
    for t in json.load(open(report))['tests']:
        name = os.path.relpath(t['path'], corpus_root)
        if t.get('case'):
            name += '::' + t['case']
        seen.add(name)
        if t['status'] == 'FAIL':
            failed.add(name)
ok = True
for name in sorted(failed - known):
    print(f'corpus: unexpected failure: {name}', file=sys.stderr)
    ok = False
for name in sorted((known & seen) - failed):
    print(f'corpus: listed as failing but passes: {name} '
          '(remove it from test/corpus-known-failures.txt)', file=sys.stderr)
    ok = False
print(f'corpus: {len(failed)} known failures, '
      f'{"no" if ok else "some"} unexpected results')
sys.exit(0 if ok else 1)
PY
exit $status
