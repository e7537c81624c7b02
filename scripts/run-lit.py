#!/usr/bin/env python3
"""Runs lit over the build's test tree and prints one summary line.

The lit suite includes the GoogleTest unit tests (lit's GoogleTest format), so
this is the single place every test is run from. The last line printed is
"N passed, N failed, N skipped" so that CI can read it.
"""
import json
import os
import subprocess
import sys
import tempfile

LIT = "/usr/lib/llvm-19/build/utils/lit/lit.py"


def main():
    if len(sys.argv) < 2:
        print("usage: run-lit.py BUILD/test [lit args...]", file=sys.stderr)
        return 2
    suite, extra = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "results.json")
        cmd = [sys.executable, LIT, "-s", "-v", "-j", str(os.cpu_count() or 2),
               "-o", out, suite] + extra
        rc = subprocess.call(cmd)
        try:
            with open(out) as f:
                tests = json.load(f).get("tests", [])
        except (OSError, ValueError):
            print("0 passed, 1 failed, 0 skipped")
            print("lit did not produce results", file=sys.stderr)
            return rc or 1
    counts = {"pass": 0, "fail": 0, "skip": 0}
    for t in tests:
        code = t.get("code", "")
        if code in ("PASS", "XFAIL"):
            counts["pass"] += 1
        elif code in ("UNSUPPORTED", "SKIPPED", "EXCLUDED"):
            counts["skip"] += 1
        else:
            counts["fail"] += 1
    print(f"{counts['pass']} passed, {counts['fail']} failed, "
          f"{counts['skip']} skipped")
    return 0 if counts["fail"] == 0 and rc == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
