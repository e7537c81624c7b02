#!/usr/bin/env python3
"""Compares zkc and the ZVM with the EVM and with resolc on the same contracts.

For every contract of the manifest (bench/contracts/calls.json):
  - compiles it with zkc (Solidity -> solc's Yul IR -> ZVM) and runs its
    calls in zvm-run: cycles, gas, return data;
  - compiles it with solc to EVM bytecode (via-IR, optimiser: the settings
    zkc asks solc for), deploys it on anvil and sends the same calls:
    opcodes executed (debug_traceTransaction), gas, return data;
  - checks both give the same outcome, return data and logs;
  - compiles it with resolc (Solidity -> Yul -> LLVM -> PolkaVM);
  - times solc producing the Yul IR, zkc (with solc's output cached) and
    resolc, each the median of --repeat runs.
Prints tables (Markdown) and writes the figures as JSON. Exits with 1 when
a call disagrees or a step fails, 2 when a tool is missing.

The manifest: {"sender": ADDRESS, "contracts": [{"file": path from the
checkout's root, "contract": name, "args": optional constructor arguments
as "(types): values", "calls": ["f(types): values", ...]}, ...]}, values
written as for zvm-run --calldata (docs/cli.md). Each contract is deployed
afresh and its calls are sent in order, from the sender, on both machines.

anvil and resolc come from scripts/install-bench-tools.sh, which this script
runs first (it installs only what is missing). Not part of the test suite:
it takes minutes, mostly in solc's and resolc's JavaScript and WebAssembly
builds.
"""

import argparse
import collections
import hashlib
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_TOOLS = ROOT / ".npm-tools" / "bench" / "node_modules"
# What zkc asks solc for (lib/Driver/Solidity.cpp): the Yul IR through the
# via-IR pipeline with the optimiser on. The EVM bytecode is compiled with
# the same settings, so both targets start from the same optimised Yul.
SOLC_SETTINGS = {"viaIR": True, "optimizer": {"enabled": True}}
YUL_OUTPUTS = ["irOptimized", "evm.methodIdentifiers"]
EVM_OUTPUTS = ["evm.bytecode.object", "evm.deployedBytecode.object",
               "evm.methodIdentifiers"]
# resolc's own defaults, as its command line (`resolc --bin`) uses them.
RESOLC_SETTINGS = {"optimizer": {"mode": "z", "enabled": True, "runs": 200,
                                 "fallback_to_optimizing_for_size": True}}
TX_GAS = 30_000_000


def progress(msg):
    print(f"evm-compare: {msg}", file=sys.stderr, flush=True)


def fail_setup(msg):
    print(f"evm-compare: error: {msg}", file=sys.stderr)
    sys.exit(2)


# --- ABI encoding of 'f(types): values', the syntax zvm-run accepts -------

def parse_type(s, i=0):
    """One ABI type starting at s[i]; returns (type, next index). Types are
    tuples: ('uint', bits), ('int', bits), ('address',), ('bool',),
    ('fixedbytes', n), ('bytes',), ('string',), ('array', elem, n|None),
    ('tuple', [elems])."""
    if s[i] == "(":
        elems, i = parse_type_list(s, i + 1, ")")
        t = ("tuple", elems)
    else:
        m = re.compile(r"[a-z]+[0-9]*").match(s, i)
        if not m:
            raise ValueError(f"bad type at column {i + 1} of '{s}'")
        name, i = m.group(), m.end()
        if name in ("uint", "int"):
            name += "256"
        if re.fullmatch(r"u?int\d+", name):
            t = ("uint" if name[0] == "u" else "int",
                 int(name.lstrip("uint")))
        elif name in ("address", "bool", "bytes", "string"):
            t = (name,)
        elif re.fullmatch(r"bytes\d+", name):
            t = ("fixedbytes", int(name[5:]))
        else:
            raise ValueError(f"unsupported type '{name}'")
    while i < len(s) and s[i] == "[":
        j = s.index("]", i)
        t = ("array", t, int(s[i + 1:j]) if j > i + 1 else None)
        i = j + 1
    return t, i


def parse_type_list(s, i, close):
    elems = []
    if s[i] == close:
        return elems, i + 1
    while True:
        t, i = parse_type(s, i)
        elems.append(t)
        if s[i] == close:
            return elems, i + 1
        if s[i] != ",":
            raise ValueError(f"expected ',' at column {i + 1} of '{s}'")
        i += 1


TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<punct>[\[\](),])'
                   r'|(?P<word>[^\s\[\](),"]+))')
ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t", "0": "\0"}


def unquote(lit):
    out, i, body = bytearray(), 0, lit[1:-1]
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode()
            i += 1
        elif body[i + 1] == "x":
            out.append(int(body[i + 2:i + 4], 16))
            i += 4
        else:
            out += ESCAPES[body[i + 1]].encode()
            i += 2
    return bytes(out)


def parse_values(text):
    """Comma-separated values; lists for [...] and (...), bytes for string
    literals, str for anything else."""
    tokens, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot read values at column {pos + 1}")
        pos = m.end()
        if m.group("str"):
            tokens.append(("str", unquote(m.group("str"))))
        elif m.group("punct"):
            tokens.append(("p", m.group("punct")))
        elif m.group("word"):
            tokens.append(("w", m.group("word")))

    def value(k):
        kind, v = tokens[k]
        if kind == "p" and v in "[(":
            items, k = seq(k + 1, "]" if v == "[" else ")")
            return items, k
        if kind == "p":
            raise ValueError(f"unexpected '{v}'")
        return v, k + 1

    def seq(k, close):
        items = []
        if k < len(tokens) and tokens[k] == ("p", close):
            return items, k + 1
        while True:
            v, k = value(k)
            items.append(v)
            if close is None and k == len(tokens):
                return items, k
            if k < len(tokens) and tokens[k] == ("p", close):
                return items, k + 1
            if k >= len(tokens) or tokens[k] != ("p", ","):
                raise ValueError("expected ','")
            k += 1

    return seq(0, None)[0] if tokens else []


def is_dynamic(t):
    if t[0] in ("bytes", "string"):
        return True
    if t[0] == "array":
        return t[2] is None or is_dynamic(t[1])
    if t[0] == "tuple":
        return any(is_dynamic(e) for e in t[1])
    return False


def word(n):
    return (n % 2**256).to_bytes(32, "big")


def pad(b):
    return b + bytes(-len(b) % 32)


def as_bytes(v):
    return v if isinstance(v, bytes) else bytes.fromhex(v[2:] if v.startswith("0x") else v)


def encode(t, v):
    kind = t[0]
    if kind in ("uint", "int", "address"):
        n = int(v, 16) if kind == "address" else int(v, 0)
        if kind == "int" and not -2**(t[1] - 1) <= n < 2**(t[1] - 1) or \
                kind != "int" and not 0 <= n < 2**(160 if kind == "address" else t[1]):
            raise ValueError(f"{v} does not fit {kind}{t[1:] or ''}")
        return word(n)
    if kind == "bool":
        return word({"true": 1, "false": 0}[v])
    if kind == "fixedbytes":
        b = as_bytes(v)
        if len(b) > t[1]:
            raise ValueError(f"{v} does not fit bytes{t[1]}")
        return pad(b)
    if kind in ("bytes", "string"):
        b = as_bytes(v)
        return word(len(b)) + pad(b)
    if kind == "array":
        if t[2] is not None and len(v) != t[2]:
            raise ValueError(f"expected {t[2]} elements")
        body = encode_tuple([t[1]] * len(v), v)
        return body if t[2] is not None else word(len(v)) + body
    return encode_tuple(t[1], v)


def encode_tuple(types, values):
    if len(types) != len(values):
        raise ValueError(f"expected {len(types)} values, got {len(values)}")
    heads, tails = [], []
    head_size = sum(32 if is_dynamic(t) else len(encode(t, v))
                    for t, v in zip(types, values))
    for t, v in zip(types, values):
        enc = encode(t, v)
        if is_dynamic(t):
            heads.append(word(head_size + sum(map(len, tails))))
            tails.append(enc)
        else:
            heads.append(enc)
    return b"".join(heads + tails)


def encode_call(text, selectors=None):
    """'f(uint256,string): 3, "x"' -> (signature, bytes); '(types): values'
    (constructor arguments) has no selector."""
    sig, _, vals = text.partition(":")
    sig = sig.strip()
    paren = sig.index("(")
    types, end = parse_type_list(sig, paren + 1, ")")
    if end != len(sig):
        raise ValueError(f"trailing text after '{sig[:end]}'")
    data = encode_tuple(types, parse_values(vals))
    if paren == 0:
        return sig, data
    if sig not in selectors:
        raise ValueError(f"no function '{sig}' in the contract's ABI")
    return sig, bytes.fromhex(selectors[sig]) + data


# --- solc and resolc in one Node.js process ---------------------------------

# Loads each compiler once and runs every job `repeat` times, timing each
# compile in the process: what is measured is the compilers' work, not
# Node.js loading their 9 MB (solc) and 44 MB (resolc) WebAssembly builds.
# The first job of each compiler is compiled a few more times, untimed,
# first: the first compiles in a process are slower, while V8 is still
# optimising the compiler's code (resolc's for several compiles, since it
# instantiates its WebAssembly module afresh for each). CPU time is that of
# the whole Node.js process, V8's background threads included.
NODE_DRIVER = r"""
const fs = require('fs'), path = require('path');
const [solcDir, resolcDir] = process.argv.slice(1);
const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
const compilers = {};
function load(kind) {
  if (kind === 'solc') {
    const solc = require(solcDir);
    return (input, base) => JSON.parse(solc.compile(input, {import: p => {
      try { return {contents: fs.readFileSync(path.resolve(base, p), 'utf8')}; }
      catch (e) { return {error: 'not found: ' + p}; }
    }}));
  }
  return require(path.join(resolcDir, 'dist', 'resolc.js')).resolc;
}
const results = [];
for (const job of jobs) {
  const input = JSON.stringify(job.input), times = [];
  let run = compilers[job.kind], output;
  if (!run) {  // loaded on first use, warmed up with this job, untimed
    run = compilers[job.kind] = load(job.kind);
    for (let i = 0; i < job.warmup; i++) {
      process.stderr.write(`evm-compare: ${job.kind} ${job.name} (warm-up ${i + 1}/${job.warmup})\n`);
      output = run(input, job.base);
    }
  }
  const cpu = [];
  for (let i = 0; i < job.repeat; i++) {
    process.stderr.write(`evm-compare: ${job.kind} ${job.name} (${i + 1}/${job.repeat})\n`);
    const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
    output = run(input, job.base);
    const c = process.cpuUsage(c0);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpu.push((c.user + c.system) / 1e3);
  }
  results.push({name: job.name, kind: job.kind, times_ms: times, cpu_ms: cpu, output});
}
process.stdout.write(JSON.stringify(results));
"""


def run_node(jobs, solc_dir, resolc_dir):
    if not jobs:
        return []
    proc = subprocess.run(
        ["node", "-e", NODE_DRIVER, str(solc_dir), str(resolc_dir or "")],
        input=json.dumps(jobs), capture_output=False, stdout=subprocess.PIPE,
        text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"node (solc/resolc) failed with exit code {proc.returncode}")
    return json.loads(proc.stdout)


def standard_json(source_key, content, settings, outputs):
    return {"language": "Solidity",
            "sources": {source_key: {"content": content}},
            "settings": dict(settings, outputSelection={"*": {"*": outputs}})}


def compile_errors(output):
    return [e.get("formattedMessage", e.get("message", ""))
            for e in output.get("errors", []) if e.get("severity") == "error"]


# --- anvil over JSON-RPC ----------------------------------------------------

class Anvil:
    def __init__(self, exe, hardfork):
        with socket.socket() as s:  # a free port, for this run only
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [exe, "--host", "127.0.0.1", "--port", str(self.port),
             "--hardfork", hardfork, "--steps-tracing", "--silent",
             "--gas-limit", str(10 * TX_GAS)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.next_id = 0
        deadline = time.monotonic() + 60
        while True:
            try:
                self.version = self.rpc("web3_clientVersion")
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    err = self.proc.stderr.read().decode(errors="replace")
                    self.stop()
                    raise RuntimeError(f"anvil did not start: {err.strip()}")
                time.sleep(0.2)

    def rpc(self, method, *params):
        self.next_id += 1
        req = urllib.request.Request(
            self.url, headers={"Content-Type": "application/json"},
            data=json.dumps({"jsonrpc": "2.0", "id": self.next_id,
                             "method": method, "params": list(params)}).encode())
        with urllib.request.urlopen(req, timeout=300) as r:
            reply = json.load(r)
        if "error" in reply:
            raise RuntimeError(f"anvil {method}: {reply['error']}")
        return reply["result"]

    def transact(self, sender, to, data):
        tx = {"from": sender, "data": "0x" + data.hex(), "gas": hex(TX_GAS)}
        if to:
            tx["to"] = to
        h = self.rpc("eth_sendTransaction", tx)
        receipt = None
        for _ in range(600):  # mined at once, though not always by the reply
            receipt = self.rpc("eth_getTransactionReceipt", h)
            if receipt:
                break
            time.sleep(0.05)
        else:
            raise RuntimeError(f"transaction {h} was not mined")
        trace = self.rpc("debug_traceTransaction", h, {
            "disableStack": True, "disableMemory": True,
            "disableStorage": True, "enableReturnData": False})
        logs = trace["structLogs"]
        # Execution gas: what the code consumed, before refunds; the
        # receipt's gasUsed adds the intrinsic 21000 and calldata cost
        # (or EIP-7623's calldata floor) and subtracts refunds.
        exec_gas = logs[0]["gas"] - (logs[-1]["gas"] - logs[-1]["gasCost"]) if logs else 0
        return {
            "outcome": "success" if int(receipt["status"], 16) == 1 else "revert",
            "data": trace.get("returnValue", "").removeprefix("0x"),
            "logs": [([int(t, 16) for t in log["topics"]],
                      log["data"].removeprefix("0x")) for log in receipt["logs"]],
            "ops": len(logs),
            "gas": int(receipt["gasUsed"], 16),
            "exec_gas": exec_gas,
            "address": receipt.get("contractAddress"),
            "op_counts": dict(collections.Counter(step["op"] for step in logs)),
        }

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# --- zkc and zvm-run --------------------------------------------------------

def run_zvm(zvm_run, zbin, sender, args_hex, calls, trace=None):
    cmd = [zvm_run, str(zbin), "--sender", sender, "--gas", str(TX_GAS)]
    if trace:
        cmd += ["--trace", str(trace)]
    if args_hex:
        cmd += ["--args", "0x" + args_hex.hex()]
    for data in calls:
        cmd += ["--calldata", "0x" + data.hex()]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 3):  # 3: a transaction reverted
        raise RuntimeError(f"zvm-run failed ({proc.returncode}): {proc.stderr.strip()}")
    txs = []
    for line in proc.stdout.splitlines():
        m = re.match(r"(deploy|call): (.*)", line)
        if m:
            txs.append({"outcome": m.group(2), "data": "", "logs": []})
            continue
        key, _, val = line.strip().partition(": ")
        if key in ("return data", "revert data"):
            txs[-1]["data"] = val.removeprefix("0x")
        elif key == "gas used":
            txs[-1]["gas"] = int(val)
        elif key == "cycles":
            txs[-1]["cycles"] = int(val)
        elif key == "log":
            m = re.match(r"address \S+ topics \[(.*)\] data 0x(.*)", val)
            topics = [int(t, 16) for t in m.group(1).split(",") if t.strip()]
            txs[-1]["logs"].append((topics, m.group(2)))
    if len(txs) != len(calls) + 1:
        raise RuntimeError(f"zvm-run printed {len(txs)} transactions, expected "
                           f"{len(calls) + 1}:\n{proc.stdout}{proc.stderr}")
    if trace:
        for tx, ops in zip(txs, zvm_op_counts(trace)):
            tx["op_counts"] = ops
    return txs


# Instruction classes, to see where cycles and opcodes go (--profile).
CLASSES = [
    ("stack shuffling", r"PUSH\d*|DUP\d+|SWAP\d+|POP"),
    ("constants, moves", r"li|ldc|mov|select"),
    ("control flow", r"JUMP|JUMPI|JUMPDEST|PC|jmp|jnz|jz|b(eq|ne|ltu?|geu?)|jr|fcallr?|fret|enter"),
    ("frame (spills, locals)", r"spld|spst|spaddr|stload8?|ststore8?"),
    ("heap memory", r"MLOAD|MSTORE8?|MCOPY|MSIZE|mload8?|mstore8?|mcopy|msize"),
    ("storage", r"SLOAD|SSTORE|TLOAD|TSTORE|sload|sstore|tload|tstore"),
    ("keccak", r"KECCAK256|SHA3|keccak256"),
    ("calldata, code, environment", r"CALLDATA\w+|CODE\w+|RETURNDATA\w+|EXTCODE\w+"
     r"|ADDRESS|BALANCE|SELFBALANCE|ORIGIN|CALLER|CALLVALUE|GASPRICE|COINBASE|TIMESTAMP"
     r"|NUMBER|PREVRANDAO|GASLIMIT|CHAINID|BASEFEE|BLOBBASEFEE|BLOBHASH|BLOCKHASH|GAS"
     r"|cd\w+|rd\w+|\w*code\w*|address|balance|selfbalance|origin|caller|callvalue"
     r"|gas\w*|coinbase|timestamp|number|prevrandao|chainid|basefee|blob\w+|blockhash"),
    ("logs, calls, exit", r"LOG\d|(STATIC|DELEGATE)?CALL(CODE)?|CREATE2?|RETURN|REVERT|STOP"
     r"|INVALID|log\d|(static|delegate)?call|create2?|return|revert|stop|invalid"),
]
ARITH_EVM = r"ADD|SUB|MUL|DIV|SDIV|MOD|SMOD|ADDMOD|MULMOD|EXP|SIGNEXTEND|LT|GT|SLT|SGT|EQ|ISZERO|AND|OR|XOR|NOT|BYTE|SHL|SHR|SAR|CLZ"


def op_class(op):
    if re.fullmatch(ARITH_EVM, op) or op.islower() and not any(
            re.fullmatch(rx, op) for _, rx in CLASSES):
        return "arithmetic, logic"
    for name, rx in CLASSES:
        if re.fullmatch(rx, op):
            return name
    return "arithmetic, logic"


def zvm_op_counts(trace):
    """Per transaction, how often each ZVM instruction ran, from a trace."""
    txs = []
    with open(trace) as f:
        for line in f:
            step = json.loads(line)
            if step["cycle"] == 0 and step["depth"] == 0:
                txs.append({})
            txs[-1][step["op"]] = txs[-1].get(step["op"], 0) + 1
    return txs


def runtime_size(objdump, zbin):
    """Bytes of the runtime object nested in a deploy object."""
    out = subprocess.run([objdump, "-h", str(zbin)], capture_output=True,
                         text=True, check=True).stdout
    m = re.search(r"^\s+object \"[^\"]*\": (\d+) bytes", out, re.M)
    return int(m.group(1)) if m else None


def timed(cmd, cwd):
    """Wall-clock and CPU (user + system) milliseconds of one process."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = (time.perf_counter() - t0) * 1000
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed:\n{proc.stderr}")
    return elapsed, (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000


# --- reporting --------------------------------------------------------------

def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt(x, digits=0):
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:.{digits}f}" if digits else f"{x:,.0f}"
    return f"{x:,}"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(map(str, r)) + " |" for r in rows]
    return "\n".join(lines)


def ratio(a, b):
    return a / b if a is not None and b else None


def find_tools(args):
    build = Path(args.build_dir)
    tools = {n: build / "bin" / n for n in ("zkc", "zvm-run", "zvm-objdump")}
    for n, p in tools.items():
        if not os.access(p, os.X_OK):
            fail_setup(f"{p} not found: build zkc first (scripts/build.sh)")
    if not shutil.which("node"):
        fail_setup("node not found (scripts/setup.sh installs Node.js)")
    # The solc zkc runs (docs/solc.md), so that both targets start from the
    # same compiler; the benchmark's own copy otherwise.
    solc = None
    for d in (os.environ.get("ZKC_SOLCJS_DIR"),
              ROOT / ".npm-tools" / "node_modules" / "solc",
              BENCH_TOOLS / "solc"):
        if d and (Path(d) / "soljson.js").exists():
            solc = Path(d)
            break
    if not solc:
        fail_setup("the npm package solc was not found: run scripts/setup.sh")
    tools["solc"] = solc
    tools["anvil"] = shutil.which(args.anvil or "anvil", path=None if args.anvil else
                                  f"{BENCH_TOOLS / '.bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    if not tools["anvil"]:
        fail_setup("anvil not found: run scripts/install-bench-tools.sh "
                   "(or give --anvil PATH)")
    tools["resolc"] = None
    if not args.no_resolc:
        d = Path(args.resolc or BENCH_TOOLS / "@parity" / "resolc")
        if not (d / "dist" / "resolc.js").exists():
            fail_setup(f"resolc not found in {d}: run scripts/install-bench-tools.sh "
                       "(or give --resolc DIR, or --no-resolc)")
        tools["resolc"] = d
    return tools


def package_version(d):
    return json.loads((Path(d) / "package.json").read_text())["version"]


def main():
    ap = argparse.ArgumentParser(
        description="Runs the same contracts and calls on the ZVM (zkc, "
        "zvm-run) and on the EVM (solc, anvil), checks they agree, and "
        "compares opcodes executed, gas and cycles, code sizes, and compile "
        "times of zkc, solc and resolc. Tables go to standard output, "
        "progress to standard error. Exit codes: 0 all calls agree, "
        "1 a call disagrees or a step failed, 2 a tool is missing.",
        epilog="Needs a zkc build (scripts/build.sh); anvil and resolc are "
        "installed by scripts/install-bench-tools.sh, run first unless "
        "--no-install. See docs/benchmarks.md.")
    ap.add_argument("--manifest", default=ROOT / "bench" / "contracts" / "calls.json",
                    help="contracts and calls (default: %(default)s)")
    ap.add_argument("--build-dir", default=os.environ.get("ZKC_BUILD_DIR", ROOT / "build"),
                    help="zkc's build folder (default: %(default)s)")
    ap.add_argument("--json", help="write the figures here (default: "
                    "BUILD_DIR/evm-compare/results.json)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="timed compiles per compiler and contract; the "
                    "median is reported (default: 3); 0 skips compile times")
    ap.add_argument("--no-resolc", action="store_true", help="leave resolc out")
    ap.add_argument("--filter", action="append", default=[],
                    help="only contracts whose file contains TEXT (repeatable)")
    ap.add_argument("--profile", action="store_true",
                    help="also count executed instructions by class on both "
                    "machines (zvm-run --trace) and print where they go")
    ap.add_argument("--no-install", action="store_true",
                    help="do not run scripts/install-bench-tools.sh first")
    ap.add_argument("--anvil", help="the anvil executable")
    ap.add_argument("--resolc", help="the directory of the npm package @parity/resolc")
    ap.add_argument("--hardfork", default="prague",
                    help="anvil's hardfork; solc's default EVM version (default: %(default)s)")
    args = ap.parse_args()

    if not args.no_install and not (args.anvil and (args.resolc or args.no_resolc)):
        # Installs anvil and resolc when missing; silent otherwise.
        if subprocess.run([ROOT / "scripts" / "install-bench-tools.sh"]).returncode != 0:
            fail_setup("scripts/install-bench-tools.sh failed")
    tools = find_tools(args)
    manifest = json.loads(Path(args.manifest).read_text())
    sender = manifest["sender"]
    contracts = [c for c in manifest["contracts"]
                 if not args.filter or any(f in c["file"] for f in args.filter)]
    work = Path(args.build_dir) / "evm-compare"
    cache = work / "solc-cache"
    cache.mkdir(parents=True, exist_ok=True)
    solc_version = package_version(tools["solc"])
    progress(f"solc {solc_version} ({tools['solc']}), anvil {tools['anvil']}, "
             f"resolc {package_version(tools['resolc']) if tools['resolc'] else '-'}")

    # 1. EVM bytecode from solc, cached by the hash of compiler and input
    # (solc's JavaScript build takes seconds per contract).
    for c in contracts:
        c["source"] = (ROOT / c["file"]).read_text()
        c["evm_input"] = standard_json(c["file"], c["source"], SOLC_SETTINGS, EVM_OUTPUTS)
        key = hashlib.sha256(json.dumps([solc_version, c["evm_input"]],
                                        sort_keys=True).encode()).hexdigest()
        c["evm_cache"] = cache / f"{key}.json"
    todo = [c for c in contracts if not c["evm_cache"].exists()]
    for r, c in zip(run_node([{"name": c["file"], "kind": "solc", "input": c["evm_input"],
                               "base": str(ROOT), "repeat": 1, "warmup": 0} for c in todo],
                             tools["solc"], None), todo):
        if compile_errors(r["output"]):
            sys.exit("evm-compare: solc: " + "\n".join(compile_errors(r["output"])))
        c["evm_cache"].write_text(json.dumps(r["output"]))
    for c in contracts:
        out = json.loads(c["evm_cache"].read_text())["contracts"][c["file"]][c["contract"]]
        c["evm_deploy"] = bytes.fromhex(out["evm"]["bytecode"]["object"])
        c["evm_runtime"] = bytes.fromhex(out["evm"]["deployedBytecode"]["object"])
        c["selectors"] = out["evm"]["methodIdentifiers"]

    # 2. zkc: one compile that fills solc's cache, then the timed ones.
    for c in contracts:
        out = work / "zvm" / f"{Path(c['file']).stem}-{c['contract']}"
        out.mkdir(parents=True, exist_ok=True)
        cmd = [tools["zkc"], c["file"], "--bin", "-o", out, "--overwrite"]
        progress(f"zkc {c['file']}")
        timed(cmd, ROOT)
        c["zkc_ms"], c["zkc_cpu_ms"] = [], []
        for i in range(args.repeat):
            wall, cpu = timed(cmd, ROOT)
            c["zkc_ms"].append(wall)
            c["zkc_cpu_ms"].append(cpu)
        c["zbin"] = out / f"{c['contract']}.zbin"
        c["zvm_size"] = c["zbin"].stat().st_size
        c["zvm_runtime_size"] = runtime_size(tools["zvm-objdump"], c["zbin"])

    # 3. Compile times of solc (to the Yul IR zkc compiles) and resolc.
    jobs, owners = [], []
    if args.repeat:
        jobs += [{"name": c["file"], "kind": "solc", "base": str(ROOT), "repeat": args.repeat,
                  "warmup": 2,
                  "input": standard_json(c["file"], c["source"], SOLC_SETTINGS, YUL_OUTPUTS)}
                 for c in contracts]
        owners += contracts
    if tools["resolc"]:
        jobs += [{"name": c["file"], "kind": "resolc", "base": str(ROOT),
                  "repeat": max(args.repeat, 1), "warmup": 3 if args.repeat else 0,
                  "input": standard_json(c["file"], c["source"], RESOLC_SETTINGS,
                                         ["abi", "evm.bytecode"])}
                 for c in contracts]
        owners += contracts
    for c, r in zip(owners, run_node(jobs, tools["solc"], tools["resolc"])):
        errors = compile_errors(r["output"])
        if errors:
            sys.exit(f"evm-compare: {r['kind']}: " + "\n".join(errors))
        if r["kind"] == "solc":
            c["solc_yul_ms"], c["solc_yul_cpu_ms"] = r["times_ms"], r["cpu_ms"]
        else:
            c["resolc_ms"] = r["times_ms"] if args.repeat else []
            c["resolc_cpu_ms"] = r["cpu_ms"] if args.repeat else []
            obj = r["output"]["contracts"][c["file"]][c["contract"]]["evm"]["bytecode"]["object"]
            c["resolc_size"] = len(bytes.fromhex(obj))

    # 4. The same transactions on the ZVM and on anvil.
    failures = []
    calls = []
    anvil = Anvil(tools["anvil"], args.hardfork)
    try:
        progress(f"{anvil.version} on {anvil.url}")
        for c in contracts:
            progress(f"running {c['contract']} ({len(c['calls'])} calls)")
            ctor = encode_call(c["args"])[1] if c.get("args") else b""
            encoded = [encode_call(text, c["selectors"]) for text in c["calls"]]
            zvm = run_zvm(tools["zvm-run"], c["zbin"], sender, ctor,
                          [data for _, data in encoded],
                          work / "trace.jsonl" if args.profile else None)
            evm = [anvil.transact(sender, None, c["evm_deploy"] + ctor)]
            if evm[0]["outcome"] != "success" or zvm[0]["outcome"] != "success":
                failures.append(f"{c['contract']}: deployment: EVM {evm[0]['outcome']}, "
                                f"ZVM {zvm[0]['outcome']}")
                continue
            for _, data in encoded:
                evm.append(anvil.transact(sender, evm[0]["address"], data))
            for i, (e, z) in enumerate(zip(evm, zvm)):
                name = "(deploy)" if i == 0 else c["calls"][i - 1]
                row = {"contract": c["contract"], "call": name, "deploy": i == 0,
                       "outcome": e["outcome"], "evm_ops": e["ops"],
                       "evm_gas": e["gas"], "evm_exec_gas": e["exec_gas"],
                       "zvm_cycles": z["cycles"], "zvm_gas": z["gas"],
                       "return_data": "" if i == 0 else "0x" + e["data"],
                       "agree": True}
                if args.profile:
                    row["evm_op_counts"] = e["op_counts"]
                    row["zvm_op_counts"] = z.get("op_counts", {})
                # Deployment returns the runtime code, which differs by design.
                checks = [("outcome", e["outcome"], z["outcome"])]
                if i:
                    checks += [("return data", e["data"], z["data"]),
                               ("logs", e["logs"], z["logs"])]
                for what, ev, zv in checks:
                    if ev != zv:
                        row["agree"] = False
                        failures.append(f"{c['contract']}: {name}: {what}: "
                                        f"EVM {ev}, ZVM {zv}")
                calls.append(row)
    finally:
        anvil.stop()

    # 5. Report.
    call_rows = [r for r in calls if not r["deploy"]]
    print("## Per call (EVM exec gas: before refunds, without the intrinsic "
          "21000 and calldata cost; gas: the receipt's gasUsed)\n")
    print(table(["contract", "call", "outcome", "EVM ops", "EVM exec gas",
                 "EVM gas", "ZVM cycles", "ZVM gas", "cycles / ops"],
                [[r["contract"], f"`{r['call'] if len(r['call']) < 48 else r['call'][:45] + '...'}`",
                  r["outcome"] + ("" if r["agree"] else " MISMATCH"),
                  fmt(r["evm_ops"]), fmt(r["evm_exec_gas"]), fmt(r["evm_gas"]),
                  fmt(r["zvm_cycles"]), fmt(r["zvm_gas"]),
                  fmt(ratio(r["zvm_cycles"], r["evm_ops"]), 3)] for r in calls]))
    med = {
        "calls": len(call_rows),
        "evm_ops": median([r["evm_ops"] for r in call_rows]),
        "evm_exec_gas": median([r["evm_exec_gas"] for r in call_rows]),
        "zvm_cycles": median([r["zvm_cycles"] for r in call_rows]),
        "cycles_per_op": median([ratio(r["zvm_cycles"], r["evm_ops"]) for r in call_rows]),
        "total_cycles_per_total_ops": ratio(sum(r["zvm_cycles"] for r in call_rows),
                                            sum(r["evm_ops"] for r in call_rows)),
    }
    print(f"\nMedians over {med['calls']} calls (deployments left out): EVM ops "
          f"{fmt(med['evm_ops'])}, EVM exec gas {fmt(med['evm_exec_gas'])}, ZVM cycles "
          f"{fmt(med['zvm_cycles'])}, cycles/ops {fmt(med['cycles_per_op'], 3)}; "
          f"all calls' cycles / all calls' ops {fmt(med['total_cycles_per_total_ops'], 3)}.")

    if args.profile:
        print_profile(call_rows)

    per_contract = []
    for c in contracts:
        row = {"contract": c["contract"], "file": c["file"],
               "evm_deploy_bytes": len(c["evm_deploy"]),
               "evm_runtime_bytes": len(c["evm_runtime"]),
               "zvm_bytes": c["zvm_size"], "zvm_runtime_bytes": c["zvm_runtime_size"],
               "resolc_bytes": c.get("resolc_size"),
               "zkc_ms": median(c["zkc_ms"]),
               "solc_yul_ms": median(c.get("solc_yul_ms", [])),
               "resolc_ms": median(c.get("resolc_ms", [])),
               "zkc_cpu_ms": median(c["zkc_cpu_ms"]),
               "solc_yul_cpu_ms": median(c.get("solc_yul_cpu_ms", [])),
               "resolc_cpu_ms": median(c.get("resolc_cpu_ms", [])),
               "times_ms": {"zkc": c["zkc_ms"], "solc_yul": c.get("solc_yul_ms", []),
                            "resolc": c.get("resolc_ms", [])},
               "cpu_ms": {"zkc": c["zkc_cpu_ms"], "solc_yul": c.get("solc_yul_cpu_ms", []),
                          "resolc": c.get("resolc_cpu_ms", [])}}
        row["zvm_evm_runtime_size"] = ratio(row["zvm_runtime_bytes"], row["evm_runtime_bytes"])
        row["zkc_solc_time"] = ratio(row["zkc_ms"], row["solc_yul_ms"])
        row["resolc_solc_time"] = ratio(row["resolc_ms"], row["solc_yul_ms"])
        row["zkc_solc_cpu"] = ratio(row["zkc_cpu_ms"], row["solc_yul_cpu_ms"])
        row["resolc_solc_cpu"] = ratio(row["resolc_cpu_ms"], row["solc_yul_cpu_ms"])
        per_contract.append(row)
    keys = ["evm_deploy_bytes", "evm_runtime_bytes", "zvm_bytes", "zvm_runtime_bytes",
            "resolc_bytes", "zvm_evm_runtime_size", "solc_yul_ms", "zkc_ms",
            "zkc_solc_time", "resolc_ms", "resolc_solc_time"]
    med_contract = {k: median([r[k] for r in per_contract]) for k in keys + [
        "solc_yul_cpu_ms", "zkc_cpu_ms", "resolc_cpu_ms", "zkc_solc_cpu", "resolc_solc_cpu"]}
    print(f"\n## Per contract (times: median of {args.repeat} runs, ms)\n")
    print(table(["contract", "EVM deploy B", "EVM runtime B", "ZVM .zbin B",
                 "ZVM runtime B", "resolc PVM B", "ZVM/EVM runtime", "solc to Yul ms",
                 "zkc ms", "zkc/solc", "resolc ms", "resolc/solc"],
                [[r["contract"]] + [fmt(r[k], 2) if isinstance(r[k], float) and k in (
                    "zvm_evm_runtime_size", "zkc_solc_time", "resolc_solc_time")
                    else fmt(r[k]) for k in keys] for r in per_contract] +
                [["**median**"] + [fmt(med_contract[k], 2) if k in (
                    "zvm_evm_runtime_size", "zkc_solc_time", "resolc_solc_time")
                    else fmt(med_contract[k]) for k in keys]]))
    if args.repeat:
        print(f"\nCPU time (user + system), medians per contract: solc to Yul "
              f"{fmt(med_contract['solc_yul_cpu_ms'])} ms, zkc {fmt(med_contract['zkc_cpu_ms'])} ms "
              f"(zkc/solc {fmt(med_contract['zkc_solc_cpu'], 2)}), resolc "
              f"{fmt(med_contract['resolc_cpu_ms'])} ms (resolc/solc "
              f"{fmt(med_contract['resolc_solc_cpu'], 2)}).")
    cyc_ok = med["cycles_per_op"] is not None and med["cycles_per_op"] <= 1 / 3
    time_ok = med_contract["zkc_solc_time"] is not None and med_contract["zkc_solc_time"] <= 1
    print(f"\nTargets: ZVM cycles at most 1/3 of EVM opcodes (median per call): "
          f"{'met' if cyc_ok else 'NOT met'}; zkc's compile time within solc's "
          f"(median per contract): {'met' if time_ok else 'NOT met' if args.repeat else 'not measured'}.")

    result = {"machine": cpu_model(), "date": time.strftime("%Y-%m-%d"),
              "solc": solc_version, "anvil": anvil.version,
              "resolc": package_version(tools["resolc"]) if tools["resolc"] else None,
              "hardfork": args.hardfork, "repeat": args.repeat,
              "calls": calls, "call_medians": med, "contracts": per_contract,
              "contract_medians": med_contract,
              "targets": {"cycles_le_third_of_ops": cyc_ok, "compile_within_solc": time_ok},
              "failures": failures}
    json_path = Path(args.json or work / "results.json")
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(result, indent=1) + "\n")
    progress(f"wrote {json_path}")
    if failures:
        print("\nFAILURES:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    return 0


def print_profile(rows):
    evm, zvm = collections.Counter(), collections.Counter()
    for r in rows:
        evm.update(r["evm_op_counts"])
        zvm.update(r["zvm_op_counts"])
    by_class = {}
    for counts, side in ((evm, 0), (zvm, 1)):
        for op, n in counts.items():
            by_class.setdefault(op_class(op), [0, 0])[side] += n
    te, tz = sum(evm.values()), sum(zvm.values())
    print(f"\n## Where they go, over all calls ({te:,} EVM ops, {tz:,} ZVM cycles)\n")
    print(table(["class", "EVM ops", "%", "ZVM cycles", "%"],
                [[k, fmt(e), f"{100 * e / te:.1f}", fmt(z), f"{100 * z / tz:.1f}"]
                 for k, (e, z) in sorted(by_class.items(), key=lambda kv: -kv[1][0])]))
    # The EVM's stack shuffling and jump labels have no counterpart on a
    # register machine; what is left is the work both machines do.
    work = [r["zvm_cycles"] / max(1, r["evm_ops"] - sum(
        n for op, n in r["evm_op_counts"].items()
        if op == "JUMPDEST" or op_class(op) == "stack shuffling")) for r in rows]
    print(f"\nZVM cycles per EVM opcode other than PUSH, DUP, SWAP, POP and "
          f"JUMPDEST: median per call {median(work):.2f}, "
          f"min {min(work):.2f}, max {max(work):.2f}.")
    top = lambda c: ", ".join(f"{op} {100 * n / sum(c.values()):.1f}%" for op, n in c.most_common(12))
    print(f"\nMost executed EVM opcodes: {top(evm)}.\n\nMost executed ZVM instructions: {top(zvm)}.")


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return f"{line.split(':', 1)[1].strip()}, {os.cpu_count()} cores"
    except OSError:
        pass
    return None


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, ValueError) as e:
        print(f"evm-compare: error: {e}", file=sys.stderr)
        sys.exit(1)
