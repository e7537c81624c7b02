"""Writes a world state with the given object as the code of 0xc0ffee and
6000 wei for the caller at 0xc0de."""
import json
import sys

code = open(sys.argv[1], "rb").read().hex()
print(json.dumps({
    "block": {"number": 7, "timestamp": "0x64"},
    "accounts": {
        "0xc0ffee": {"code": "0x" + code},
        "0xc0de": {"balance": "6000"},
    },
}))
