#!/usr/bin/env python3
"""Export wordfreq 3.1.1's Swedish "large" list as `word<TAB>bucket` lines.

Step one of building the compiled-in lexicon (step two:
`cargo run --release --example build_lexicon`, which writes data/lexicon.fst).

The input is pinned: the wordfreq 3.1.1 wheel from PyPI, checked against its
sha256 before anything is read. The data is CC-BY-SA-4.0 (see NOTICE).

    pip install msgpack
    python3 tools/export_wordfreq.py            # downloads the wheel with pip
    python3 tools/export_wordfreq.py WHEEL      # or reads one already downloaded

Output (deterministic, sorted by word): tools/wordfreq-sv.tsv, one
`word<TAB>zipf` line per word, the same format `Lexicon::with_words` reads.
wordfreq's "cB" format puts a word in bucket i for a frequency of 10^(-i/100);
its Zipf value (log10 of the frequency per billion words) is 9 - i/100.
"""
import gzip
import hashlib
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import msgpack

VERSION = "3.1.1"
WHEEL = f"wordfreq-{VERSION}-py3-none-any.whl"
SHA256 = "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473"
MEMBER = "wordfreq/data/large_sv.msgpack.gz"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wordfreq-sv.tsv")

# Swedish letters only: drops tokens with digits, punctuation and letters of
# other alphabets, which OCR restoration never needs and which would only grow the map.
SWEDISH = re.compile(r"[a-zåäöé]+")


def wheel_path(argv):
    if len(argv) > 1:
        return argv[1], None
    tmp = tempfile.TemporaryDirectory()
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         "-d", tmp.name, f"wordfreq=={VERSION}"],
        check=True,
    )
    return os.path.join(tmp.name, WHEEL), tmp


def main(argv):
    path, _keep = wheel_path(argv)
    data = open(path, "rb").read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"{path}: sha256 {digest}, expected {SHA256}")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        packed = gzip.decompress(z.read(MEMBER))
    table = msgpack.unpackb(packed, raw=False)
    header = table[0]
    if header.get("format") != "cB":
        sys.exit(f"unexpected wordfreq format {header!r}")
    best = {}
    for bucket, words in enumerate(table[1:], start=1):
        for w in words:
            if SWEDISH.fullmatch(w) and w not in best:
                best[w] = bucket
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for w in sorted(best):
            f.write(f"{w}\t{9 - best[w] / 100:.2f}\n")
    print(f"{OUT}: {len(best)} words from wordfreq {VERSION} large_sv", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
