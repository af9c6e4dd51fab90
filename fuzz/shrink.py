#!/usr/bin/env python3
"""Cut a crashing input down to the smallest one that fails the same way.

    python3 fuzz/shrink.py ARTIFACT "panic message words" [BINARY]

BINARY defaults to the fuzz target built by `cargo fuzz` (it runs one input
when given a file). Lines are dropped first, then single bytes, as long as
the output still contains the message; libFuzzer's own `-minimize_crash`
accepts any crash, and drifts to whichever known bug is nearest. Prints the
result as a Python literal, ready for a test in tests/regressions.rs.
"""
import os
import subprocess
import sys
import tempfile

TARGET = "fuzz/target/x86_64-unknown-linux-gnu/release/pipeline"


def fails(binary, needle, data):
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(data)
    try:
        run = subprocess.run(
            [binary, f.name],
            capture_output=True,
            timeout=30,
            env={**os.environ, "RUST_BACKTRACE": "0"},
        )
        return needle.encode() in run.stdout + run.stderr
    except subprocess.TimeoutExpired:
        return needle == "TIMEOUT"
    finally:
        os.unlink(f.name)


def ddmin(units, join, fails):
    """Delta debugging: drop ever smaller chunks while the input still fails."""
    n = 2
    while len(units) >= 2:
        chunk = max(1, len(units) // n)
        for i in range(0, len(units), chunk):
            candidate = units[:i] + units[i + chunk :]
            if candidate and fails(join(candidate)):
                units, n = candidate, max(n - 1, 2)
                break
        else:
            if chunk == 1:
                break
            n = min(len(units), n * 2)
    return units


def main(path, needle, binary=TARGET):
    data = open(path, "rb").read()
    check = lambda d: fails(binary, needle, d)
    if not check(data):
        sys.exit(f"{path} does not fail with {needle!r}")
    data = b"\n".join(ddmin(data.split(b"\n"), b"\n".join, check))
    data = b"".join(ddmin([bytes([b]) for b in data], b"".join, check))
    print(repr(data.decode("utf-8", "replace")))


if __name__ == "__main__":
    main(*sys.argv[1:])
