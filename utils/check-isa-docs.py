#!/usr/bin/env python3
"""Checks that every instruction in ZVMInstrs.def is documented in docs/isa.md.

An instruction counts as documented when its mnemonic appears in backquotes
(as `add` or at the start of `add A, B, C`) or in a list like
`lti`, `gti` in the document.
"""
import re
import sys


def main():
    root = sys.argv[1]
    table = open(f"{root}/include/zkc/ISA/ZVMInstrs.def").read()
    mnemonics = re.findall(r'^ZVM_INSTR\(\w+,\s*"([a-z0-9]+)"', table, re.M)
    doc = open(f"{root}/docs/isa.md").read()
    quoted = set()
    for span in re.findall(r"`([^`]+)`", doc):
        word = span.split()[0].rstrip(",")
        quoted.add(word)
    missing = [m for m in mnemonics if m not in quoted]
    for m in missing:
        print(f"error: instruction '{m}' is not documented in docs/isa.md")
    print(f"{len(mnemonics) - len(missing)} of {len(mnemonics)} instructions documented")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
