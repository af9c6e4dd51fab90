#!/usr/bin/env bash
# `beslut check` over a generated archive, side by side with `rg -c` and the
# Python baseline (tools/heading_scan.py) searching the same files for the
# section headings. Needs hyperfine and ripgrep (Debian: apt-get install
# hyperfine ripgrep).
#
#   tools/bulk_compare.sh [DIR [N [SEED]]]     # default /tmp/beslut-bulk 20000 2026
#
# Prints hyperfine's table (wall time, 1 warm-up, 3 runs) and the peak
# memory of each command from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/beslut-bulk}
n=${2:-20000}
seed=${3:-2026}
cargo build --release --quiet --bin beslut --example gen_corpus
if [ ! -d "$dir" ]; then
    target/release/examples/gen_corpus "$dir" "$n" "$seed"
fi
pattern=$(python3 tools/heading_scan.py --rg-pattern)
check="target/release/beslut check --format jsonl $dir"
rg_cmd="rg -c -i '$pattern' $dir"
py="python3 tools/heading_scan.py $dir"
# check exits 1 when some document is invalid, which generated ones are.
hyperfine --warmup 1 --runs 3 --export-markdown /dev/stdout \
    -n "beslut check --format jsonl" "$check > /dev/null || [ \$? -eq 1 ]" \
    -n "rg -c" "$rg_cmd > /dev/null" \
    -n "python3 tools/heading_scan.py" "$py > /dev/null 2>&1"
for name in check rg_cmd py; do
    /usr/bin/time -f "$name: peak %M KB, %e s wall, %U s user" \
        bash -c "${!name} > /dev/null 2>&1 || true" 2>&1 | tail -1
done
