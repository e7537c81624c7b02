#!/usr/bin/env python3
"""Copies a file, changing bytes: patch.py IN OUT [OFFSET=HEX]... [truncate=N]
[append=HEX]. OFFSET=HEX writes the bytes HEX (one or more) at OFFSET."""
import sys

data = bytearray(open(sys.argv[1], "rb").read())
for arg in sys.argv[3:]:
    key, value = arg.split("=", 1)
    if key == "truncate":
        del data[int(value):]
    elif key == "append":
        data += bytes.fromhex(value)
    else:
        offset = int(key, 0)
        new = bytes.fromhex(value)
        data[offset:offset + len(new)] = new
open(sys.argv[2], "wb").write(data)
