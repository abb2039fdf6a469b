#!/usr/bin/env bash
# factcheck at archive scale, side by side with ripgrep (see docs/performance.md).
#
#   benches/compare.sh [FACTS] [ARTICLES]     # defaults: 100000 facts, 6000 articles (about 30 MB)
#
# Generates a fact base and a corpus (examples/generate.rs, seed 1), a 1% fact
# base with the same seed (the first 1% of the same events), then times with
# hyperfine, in one run:
#   A  factcheck check CORPUS --facts BIG --format json -o /dev/null
#   B  rg -c -i -F -f KEYWORDS CORPUS          (the floor the issue names)
#   B' rg -c -F -f KEYWORDS CORPUS             (the same search, case-sensitive)
#   C  factcheck check CORPUS --facts SMALL --format json -o /dev/null
# and prints A/B, A/B' and A/C; then A/C again from A and C run alternately,
# pair by pair; then the peak memory of A, A on one core, loading the big
# fact base alone, one 5 KB article against the sample fact base, and time
# against article size.
#
# Debian's hyperfine and ripgrep: apt-get install -y hyperfine ripgrep.
# Environment: OUT (work folder, default target/compare), RUNS (default 3),
# PAIRS (alternating runs of A and C after hyperfine's, default 5),
# B_TIMEOUT (seconds allowed for one run of B, default 600: with tens of
# thousands of patterns, `rg -i` compiles them into an automaton too large
# for its lazy DFA and can run for hours; a run cut off counts as this many
# seconds, so A/B is then an upper bound).
set -euo pipefail
cd "$(dirname "$0")/.."

FACTS=${1:-100000}
ARTICLES=${2:-6000}
OUT=${OUT:-target/compare}
RUNS=${RUNS:-3}
B_TIMEOUT=${B_TIMEOUT:-600}

for tool in hyperfine rg; do
    command -v "$tool" >/dev/null || {
        echo "error: $tool is not installed (apt-get install -y hyperfine ripgrep)" >&2
        exit 2
    }
done

cargo build -q --release --bin factcheck --example generate
FC=target/release/factcheck
GEN=target/release/examples/generate
mkdir -p "$OUT"
"$GEN" --facts "$FACTS" --articles "$ARTICLES" --seed 1 --out "$OUT/big"
"$GEN" --facts $((FACTS / 100)) --articles 0 --seed 1 --out "$OUT/small"
CORPUS=$OUT/big/articles
BIG=$OUT/big/claims
SMALL=$OUT/small/claims
KEYWORDS=$OUT/big/keywords.txt

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "corpus: $(du -sb "$CORPUS" | cut -f1) bytes in $ARTICLES articles; keywords: $(wc -l <"$KEYWORDS")"
echo "factcheck $("$FC" --version | cut -d' ' -f2), $(rg --version | head -1), $(hyperfine --version)"
echo

A="$FC check $CORPUS --facts $BIG --format json -o /dev/null"
B="timeout $B_TIMEOUT rg -c -i -F -f $KEYWORDS $CORPUS"
B2="rg -c -F -f $KEYWORDS $CORPUS"
C="$FC check $CORPUS --facts $SMALL --format json -o /dev/null"
# factcheck exits 1 when it finds discrepancies, rg 1 when nothing matches,
# timeout 124 when it cuts B off: none is a failure of the measurement.
hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$OUT/hyperfine.json" \
    -n A "$A" -n C "$C" -n "B'" "$B2"
hyperfine --runs 1 -i --export-json "$OUT/hyperfine-b.json" -n B "$B"

python3 - "$OUT/hyperfine.json" "$OUT/hyperfine-b.json" "$B_TIMEOUT" <<'EOF'
import json, sys
runs = {}
for path in sys.argv[1:3]:
    for r in json.load(open(path))["results"]:
        runs[r["command"]] = r
limit = float(sys.argv[3])
a, c, b2, b = (runs[k]["mean"] for k in ("A", "C", "B'", "B"))
cut = any(code == 124 for code in runs["B"].get("exit_codes", []))
print()
print(f"A  {a:8.2f} s   factcheck, the whole fact base")
print(f"B  {b:8.2f} s   rg -i{' (cut off at %d s)' % limit if cut else ''}")
print(f"B' {b2:8.2f} s   rg, case-sensitive")
print(f"C  {c:8.2f} s   factcheck, 1% fact base")
print()
print(f"A/B  = {a / b:6.2f}{' (upper bound: B was cut off)' if cut else ''}   target <= 3")
print(f"A/B' = {a / b2:6.2f}")
print(f"A/C  = {a / c:6.2f}   target <= 1.5")
EOF

# hyperfine runs all of A, then all of C: on a shared machine a slow spell
# can fall on one of them only. Alternating them, pair by pair, gives a
# ratio that such a spell moves much less.
PAIRS=${PAIRS:-5}
echo
echo "A and C alternating, $PAIRS pairs:"
python3 - "$PAIRS" "$A" "$C" <<'EOF'
import shlex, statistics, subprocess, sys, time
pairs, a, c = int(sys.argv[1]), shlex.split(sys.argv[2]), shlex.split(sys.argv[3])
def run(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start
times = [(run(a), run(c)) for _ in range(pairs)]
ratios = [ta / tc for ta, tc in times]
print("  A: " + ", ".join(f"{ta:.2f}" for ta, _ in times) + " s")
print("  C: " + ", ".join(f"{tc:.2f}" for _, tc in times) + " s")
print(f"  A/C pair by pair: {', '.join(f'{r:.2f}' for r in ratios)}; median {statistics.median(ratios):.2f}")
EOF

echo
echo "peak memory and CPU of A:"
/usr/bin/time -f "  %e s wall, %U s user, %S s system, %P CPU, %M KB peak" $A || true
echo "A on one core (RAYON_NUM_THREADS=1):"
RAYON_NUM_THREADS=1 /usr/bin/time -f "  %e s wall, %U s user, %P CPU" $A || true
echo "loading the big fact base alone (facts validate):"
hyperfine --warmup 1 --runs 5 -N -i "$FC facts validate $BIG" 2>&1 | grep -E "Time|Range"
# About 5 KB: the sample article and the bodies of two from the accuracy corpus.
body() { awk 'n >= 2; /^---$/ { n++ }' "$1"; }
{
    cat articles/paris-summit.md
    body tests/corpus/analysis.md
    body tests/corpus/explainer.md
} >"$OUT/five-kb.md"
echo "one $(wc -c <"$OUT/five-kb.md")-byte article against the sample fact base (the whole process):"
hyperfine --warmup 3 --runs 30 -N -i "$FC check $OUT/five-kb.md --format json -o /dev/null" 2>&1 |
    grep -E "Time|Range"

# Time against size: 10, 100 and 1,000 generated articles' bodies in one file
# (50 KB to 5 MB), against the 1% fact base so that loading it is no part of it.
# (sed, not head: head would close the pipe early, and pipefail would stop here)
first=$(find "$CORPUS" -name '*.md' | sort | sed -n '1,1000p')
for n in 10 100 1000; do
    for f in $(echo "$first" | sed -n "1,${n}p"); do body "$f"; done >"$OUT/long-$n.txt"
done
echo "one file of 10, 100 and 1,000 articles' bodies, 1% fact base:"
hyperfine --warmup 1 --runs 3 -N -i --export-json "$OUT/hyperfine-long.json" \
    -n 10 "$FC check $OUT/long-10.txt --published 2026-01-07 --facts $SMALL --format json -o /dev/null" \
    -n 100 "$FC check $OUT/long-100.txt --published 2026-01-07 --facts $SMALL --format json -o /dev/null" \
    -n 1000 "$FC check $OUT/long-1000.txt --published 2026-01-07 --facts $SMALL --format json -o /dev/null" >/dev/null
python3 - "$OUT/hyperfine-long.json" "$OUT" <<'EOF'
import json, os, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
for n in ("10", "100", "1000"):
    size = os.path.getsize(f"{sys.argv[2]}/long-{n}.txt")
    print(f"  {n:>4} bodies, {size:>8} bytes: {r[n]:7.3f} s, {r[n] / size * 1e9:6.0f} ns a byte")
print(f"  10x larger: {r['100'] / r['10']:.1f}x and {r['1000'] / r['100']:.1f}x the time")
EOF
