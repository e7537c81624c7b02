#!/usr/bin/env python3
"""Helpers for the Standard JSON tests.

  standard-json.py input LANGUAGE FILE... [--select OUTPUT]... [--settings JSON]
      prints a Standard JSON input with the files' contents as sources
      (named by their base names) and OUTPUT selected for every contract.
  standard-json.py code OUTPUT.json FILE CONTRACT KEY DEST.zbin
      writes the hex of contracts[FILE][CONTRACT].evm[KEY].object as bytes.
  standard-json.py link OUTPUT.json FILE CONTRACT KEY ADDRESS DEST.zbin
      as `code`, with ADDRESS written at every linkReferences entry: what a
      linker that knows only solc's format does.
"""
import json
import os
import sys


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "input":
        language, rest = args[0], args[1:]
        files, select, settings = [], [], {}
        i = 0
        while i < len(rest):
            if rest[i] == "--select":
                select.append(rest[i + 1])
                i += 2
            elif rest[i] == "--settings":
                settings = json.loads(rest[i + 1])
                i += 2
            else:
                files.append(rest[i])
                i += 1
        sources = {}
        for f in files:
            with open(f) as fh:
                sources[os.path.basename(f)] = {"content": fh.read()}
        settings.setdefault("outputSelection", {"*": {"*": select}})
        json.dump({"language": language, "sources": sources,
                   "settings": settings}, sys.stdout)
        return 0
    with open(args[0]) as fh:
        out = json.load(fh)
    code = out["contracts"][args[1]][args[2]]["evm"][args[3]]
    data = bytearray.fromhex(code["object"])
    if cmd == "link":
        address = bytes.fromhex(args[4][2:])
        for libs in code["linkReferences"].values():
            for refs in libs.values():
                for ref in refs:
                    assert ref["length"] == 20
                    data[ref["start"]:ref["start"] + 20] = address
    with open(args[-1], "wb") as fh:
        fh.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
