#!/usr/bin/env python3
"""Latency of `cinder lsp`: the time from a `didChange` inside one function of a generated
5,000-line module to the `publishDiagnostics` for that version, median of many edits.

Also measured in the same run:
- edits that leave a syntax error inside one function (and the edits that undo them);
- a burst of edits sent back to back (the time until the last one's diagnostics), which
  shows that stale work is cancelled rather than queued;
- the reference point: `python3`'s own `compile()` of the same module (parse + bytecode).

Usage: python3 bench/lsp_latency.py [--bin target/release/cinder] [--edits 200]

Measured (release build, 200 edits, this machine: 2 cores shared with other jobs, load
average 12-16 during the runs; the two binaries alternated):
- before incremental parsing (commit 1141b3f): median 54-80 ms; an edit leaving a
  syntax error 19-21 ms;
- with it (every edit reparses only the function it is in): median 9-20 ms, p90 18-39 ms;
  an edit leaving a syntax error about 1 ms.
The target is under 20 ms.
Builds the release binary first when --bin is not given and it is missing. Stdlib only.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate_module(lines):
    """A module of typed functions, about `lines` lines long. Returns (text, edit sites)."""
    out = ['"""Generated for the LSP latency benchmark."""', "from typing import List", ""]
    sites = []  # (line, column) of a digit to rewrite, one per function
    i = 0
    while len(out) < lines:
        out += [
            f"def function_{i}(values: List[int], scale: int) -> int:",
            f'    """Function number {i}."""',
            "    total = 0",
            "    for v in values:",
            "        if v > scale:",
            "            total += v * scale",
            "        else:",
            "            total -= 1",
        ]
        sites.append((len(out), len("    result = total + ")))
        out += ["    result = total + 7", "    return result", ""]
        i += 1
    return "\n".join(out) + "\n", sites


class Client:
    """Speaks JSON-RPC to the server. Reads on the calling thread: a reader thread and a
    queue would add two thread hand-offs per message to every measurement."""

    def __init__(self, argv, cwd):
        self.proc = subprocess.Popen(
            argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.next_id = 0

    def _read(self):
        """The next message and when it was read, or None at the end of the output."""
        stream = self.proc.stdout
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        body = stream.read(length)
        return time.perf_counter(), json.loads(body)

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)[1]

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def wait(self, pred):
        while True:
            got = self._read()
            if got is None:
                raise EOFError("cinder lsp stopped answering")
            if pred(got[1]):
                return got

    def diagnostics(self, uri, version):
        return self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version
        )


def change(line, col, text):
    rng = {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}}
    return {"range": rng, "text": text}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", help="the cinder binary (default: target/release/cinder, built if missing)")
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--lines", type=int, default=5000)
    args = parser.parse_args()

    binary = args.bin or os.path.join(ROOT, "target", "release", "cinder")
    if not args.bin and not os.path.exists(binary):
        print("building the release binary...", file=sys.stderr)
        subprocess.run(["cargo", "build", "--release", "--bin", "cinder"], cwd=ROOT, check=True)

    text, sites = generate_module(args.lines)
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "big_module.py")
        with open(path, "w") as f:
            f.write(text)
        uri = "file://" + path

        # Reference: CPython compiling the same module.
        runs = []
        for _ in range(20):
            start = time.perf_counter()
            compile(text, path, "exec")
            runs.append(time.perf_counter() - start)
        python_compile = statistics.median(runs) * 1000

        client = Client([binary, "lsp"], work)
        client.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": None, "capabilities": {},
             "workspaceFolders": [{"uri": "file://" + work, "name": "bench"}]},
        )
        client.notify("initialized", {})
        doc = {"uri": uri, "languageId": "python", "version": 0, "text": text}
        client.notify("textDocument/didOpen", {"textDocument": doc})
        client.diagnostics(uri, 0)

        # One edit at a time: rewrite the digit of `result = total + N` in some function.
        # Every edit changes the text: the digit goes 7 -> 1..9, never to what it was.
        latencies = []
        version = 0
        digits = {}
        for n in range(args.edits):
            site = (n * 37) % len(sites)
            line, col = sites[site]
            digit = digits.get(site, 7) % 9 + 1
            digits[site] = digit
            version += 1
            sent = time.perf_counter()
            client.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version},
                 "contentChanges": [change(line, col, str(digit))]},
            )
            at, _ = client.diagnostics(uri, version)
            latencies.append((at - sent) * 1000)

        # Edits that leave a syntax error inside one function (an open parenthesis), each
        # followed by the edit that takes it back.
        broken = []
        for n in range(40):
            line, col = sites[(n * 53) % len(sites)]
            digit = digits.get((n * 53) % len(sites), 7)
            for edit in ("(", str(digit)):
                version += 1
                sent = time.perf_counter()
                client.notify(
                    "textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version},
                     "contentChanges": [change(line, col, edit)]},
                )
                at, msg = client.diagnostics(uri, version)
                if edit == "(":
                    assert msg["params"]["diagnostics"], "the open parenthesis is reported"
                    broken.append((at - sent) * 1000)

        # A burst of 50 keystrokes sent back to back, as fast as the pipe takes them.
        line, col = sites[len(sites) // 2]
        sent = time.perf_counter()
        for n in range(50):
            version += 1
            client.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version},
                 "contentChanges": [change(line, col, str(n % 9 + 1))]},
            )
        at, _ = client.diagnostics(uri, version)
        burst = (at - sent) * 1000

        client.request("shutdown", None)
        client.notify("exit", None)
        client.proc.wait(timeout=30)

    latencies.sort()
    p90 = latencies[int(len(latencies) * 0.9) - 1]
    print(f"module: {text.count(chr(10))} lines, {len(text)} bytes; {args.edits} edits, one at a time")
    print(f"cinder lsp  didChange -> publishDiagnostics: median {statistics.median(latencies):.2f} ms, "
          f"p90 {p90:.2f} ms, min {latencies[0]:.2f} ms, max {latencies[-1]:.2f} ms")
    print(f"cinder lsp  edit leaving a syntax error -> publishDiagnostics: median "
          f"{statistics.median(broken):.2f} ms")
    print(f"cinder lsp  burst of 50 edits -> last publishDiagnostics: {burst:.2f} ms")
    print(f"python3     compile() of the same module (reference): median {python_compile:.2f} ms")


if __name__ == "__main__":
    main()
