"""Compares `zvm-prove --list-supported` with the list in docs/circuit.md."""
import re
import sys

tool = set(open(sys.argv[1]).read().split())
doc = open(sys.argv[2]).read()
section = doc.split("## Supported instructions")[1].split("\n## ")[0]
listed = set(re.findall(r"`([a-z0-9]+)`", section))
for m in sorted(tool - listed):
    print("error: %s is supported but not listed in docs/circuit.md" % m)
for m in sorted(listed - tool):
    print("error: %s is listed in docs/circuit.md but not supported" % m)
if tool == listed:
    print("%d supported instructions, all documented" % len(tool))
