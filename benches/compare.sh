#!/usr/bin/env bash
# factcheck at archive scale, side by side with ripgrep, on both shapes of
# fact base (see docs/performance.md).
#
#   benches/compare.sh [FACTS] [ARTICLES]     # defaults: 100000 facts, 6000 articles (about 30 MB)
#
# For each shape (SHAPES, default "bench real": examples/generate.rs
# --shape bench, every name unique and eight facts an event sharing only
# its own phrase; --shape real, a newsroom's base of shared phrases,
# surnames and occasions' names), generates a fact base and a corpus (seed
# 1) and a 1% fact base with the same seed (the first 1% of the same
# events), then measures:
#   A   factcheck check CORPUS --facts BIG --format json -o /dev/null
#   C   the same against the 1% base
#   B   rg -c -F -f KEYWORDS CORPUS (case-sensitive; every name, alias,
#       title, unit and about phrase of the big base as written)
# with hyperfine (A and C with the fact-base cache, as a user's second run
# has it: hyperfine's warm-up run writes it), and prints A/C and A/B; then
# A and C alternately, pair by pair, with the cache and with --no-cache;
# then `facts validate` of the big base (it never uses the cache: cold),
# `check` of one article against the big base with a warm cache, and the
# peak memory of A (with and without the cache).
#
# A base the engine refuses (exit 2 from `facts validate`) is reported as
# refused, with its first error, and not timed.
#
# Debian's hyperfine and ripgrep: apt-get install -y hyperfine ripgrep.
# Environment: OUT (work folder, default target/compare), RUNS (hyperfine
# runs of A, C and B, default 3), PAIRS (alternating runs of A and C,
# default 5), SHAPES (default "bench real").
set -euo pipefail
cd "$(dirname "$0")/.."

FACTS=${1:-100000}
ARTICLES=${2:-6000}
OUT=${OUT:-target/compare}
RUNS=${RUNS:-3}
PAIRS=${PAIRS:-5}
SHAPES=${SHAPES:-bench real}

for tool in hyperfine rg python3; do
    command -v "$tool" >/dev/null || {
        echo "error: $tool is not installed (apt-get install -y hyperfine ripgrep)" >&2
        exit 2
    }
done

cargo build -q --release --bin factcheck --example generate
FC=target/release/factcheck
GEN=target/release/examples/generate
mkdir -p "$OUT"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "factcheck $("$FC" --version | cut -d' ' -f2), $(rg --version | head -1), $(hyperfine --version)"

for SHAPE in $SHAPES; do
    W=$OUT/$SHAPE
    mkdir -p "$W"
    echo
    echo "=== shape $SHAPE: $FACTS facts, $ARTICLES articles ==="
    "$GEN" --shape "$SHAPE" --facts "$FACTS" --articles "$ARTICLES" --seed 1 --out "$W/big"
    "$GEN" --shape "$SHAPE" --facts $((FACTS / 100)) --articles 0 --seed 1 --out "$W/small"
    CORPUS=$W/big/articles
    BIG=$W/big/claims
    SMALL=$W/small/claims
    KEYWORDS=$W/big/keywords.txt
    # (sed, not head: head would close the pipe early, and pipefail would stop here)
    ONE=$(find "$CORPUS" -name '*.md' | sort | sed -n 1p)
    # Every run starts without a cache: the first run of A and C writes it.
    rm -rf "$W/big/.factcheck_cache" "$W/small/.factcheck_cache"
    echo "corpus: $(du -sb "$CORPUS" | cut -f1) bytes in $ARTICLES articles; keywords: $(wc -l <"$KEYWORDS")"

    refused=
    for base in "$BIG" "$SMALL"; do
        if ! "$FC" facts validate "$base" >/dev/null 2>"$W/validate.err"; then
            refused="$base: $(grep -c '^error' "$W/validate.err") errors, the first: $(grep -m1 '^error' "$W/validate.err")"
            break
        fi
    done
    if [ -n "$refused" ]; then
        echo "REFUSED (facts validate exit 2), not timed: $refused"
        echo "{\"shape\": \"$SHAPE\", \"refused\": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$refused")}" >"$W/summary.json"
        continue
    fi

    A="$FC check $CORPUS --facts $BIG --format json -o /dev/null"
    C="$FC check $CORPUS --facts $SMALL --format json -o /dev/null"
    B="rg -c -F -f $KEYWORDS $CORPUS"
    # factcheck exits 1 when it finds discrepancies, rg 1 when nothing
    # matches: neither is a failure of the measurement.
    hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$W/hyperfine.json" -n A "$A" -n C "$C" -n B "$B"

    # hyperfine runs all of A, then all of C: on a shared machine a slow
    # spell can fall on one of them only. Alternating them, pair by pair,
    # gives a ratio that such a spell moves much less.
    echo "A and C alternating, $PAIRS pairs, with the cache and without:"
    python3 - "$PAIRS" "$A" "$C" "$W/pairs.json" <<'EOF'
import json, shlex, statistics, subprocess, sys, time
pairs, a, c, out = int(sys.argv[1]), shlex.split(sys.argv[2]), shlex.split(sys.argv[3]), sys.argv[4]
def run(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start
result = {}
for name, extra in (("cache", []), ("no cache", ["--no-cache"])):
    times = [(run(a + extra), run(c + extra)) for _ in range(pairs)]
    ratios = [ta / tc for ta, tc in times]
    result[name] = {"a": [t[0] for t in times], "c": [t[1] for t in times], "median": statistics.median(ratios)}
    print(f"  {name}: A " + ", ".join(f"{ta:.2f}" for ta, _ in times) + " s")
    print(f"  {name}: C " + ", ".join(f"{tc:.2f}" for _, tc in times) + " s")
    print(f"  {name}: A/C pair by pair: {', '.join(f'{r:.2f}' for r in ratios)}; median {statistics.median(ratios):.2f}")
json.dump(result, open(out, "w"))
EOF

    echo "facts validate of the big base (no cache: cold):"
    hyperfine --warmup 1 --runs 5 -N -i --export-json "$W/validate.json" "$FC facts validate $BIG" 2>&1 |
        grep -E "Time|Range"
    echo "one article ($(wc -c <"$ONE") bytes) against the big base, warm cache:"
    "$FC" check "$ONE" --facts "$BIG" --format json -o /dev/null 2>/dev/null || true
    hyperfine --warmup 3 --runs 30 -N -i --export-json "$W/one.json" \
        "$FC check $ONE --facts $BIG --format json -o /dev/null" 2>&1 | grep -E "Time|Range"
    echo "one article against the big base, no cache:"
    hyperfine --warmup 1 --runs 5 -N -i --export-json "$W/one-cold.json" \
        "$FC check $ONE --facts $BIG --format json -o /dev/null --no-cache" 2>&1 | grep -E "Time|Range"
    echo "peak memory of A:"
    # shellcheck disable=SC2086
    /usr/bin/time -f "%M" -o "$W/peak.txt" $A 2>/dev/null || true
    # shellcheck disable=SC2086
    /usr/bin/time -f "%M" -o "$W/peak-cold.txt" $A --no-cache 2>/dev/null || true
    echo "  $(tail -1 "$W/peak.txt") KB with the cache, $(tail -1 "$W/peak-cold.txt") KB without"

    python3 - "$W" "$SHAPE" <<'EOF'
import json, sys
w, shape = sys.argv[1], sys.argv[2]
runs = {r["command"]: r["mean"] for r in json.load(open(f"{w}/hyperfine.json"))["results"]}
pairs = json.load(open(f"{w}/pairs.json"))
mean = lambda name: json.load(open(f"{w}/{name}.json"))["results"][0]["mean"]
peak = lambda name: int(open(f"{w}/{name}.txt").read().split()[-1]) / 1024
s = {
    "shape": shape, "A": runs["A"], "C": runs["C"], "B": runs["B"],
    "A/C": runs["A"] / runs["C"], "A/B": runs["A"] / runs["B"],
    "A/C pairs (cache)": pairs["cache"]["median"], "A/C pairs (no cache)": pairs["no cache"]["median"],
    "validate": mean("validate"), "one article (warm cache)": mean("one"), "one article (no cache)": mean("one-cold"),
    "peak MB": peak("peak"), "peak MB (no cache)": peak("peak-cold"),
}
json.dump(s, open(f"{w}/summary.json", "w"))
EOF
done

echo
echo "=== summary ($FACTS facts, $ARTICLES articles) ==="
python3 - "$OUT" $SHAPES <<'EOF'
import json, sys
out, shapes = sys.argv[1], sys.argv[2:]
rows = [
    ("A: check the corpus against the big base (s)", "A", None, "{:.2f}"),
    ("C: the same against the 1% base (s)", "C", None, "{:.2f}"),
    ("B: rg -c -F -f KEYWORDS (s)", "B", None, "{:.3f}"),
    ("A/C, hyperfine", "A/C", 1.5, "{:.2f}"),
    ("A/C, alternating pairs, cache", "A/C pairs (cache)", 1.5, "{:.2f}"),
    ("A/C, alternating pairs, no cache", "A/C pairs (no cache)", 1.5, "{:.2f}"),
    ("A/B", "A/B", 3, "{:.1f}"),
    ("facts validate of the big base, cold (s)", "validate", 0.5, "{:.3f}"),
    ("one article, warm cache (s)", "one article (warm cache)", 0.05, "{:.3f}"),
    ("one article, no cache (s)", "one article (no cache)", None, "{:.3f}"),
    ("peak memory of A (MB)", "peak MB", 500, "{:.0f}"),
    ("peak memory of A, no cache (MB)", "peak MB (no cache)", 500, "{:.0f}"),
]
s = {shape: json.load(open(f"{out}/{shape}/summary.json")) for shape in shapes}
print(f"{'':46}" + "".join(f"{shape:>22}" for shape in shapes) + "    target")
for label, key, target, fmt in rows:
    cells = []
    for shape in shapes:
        v = s[shape].get(key)
        if v is None:
            cells.append("refused" if "refused" in s[shape] else "-")
        else:
            met = "" if target is None else (" (met)" if v <= target else " (MISSED)")
            cells.append(fmt.format(v) + met)
    print(f"{label:46}" + "".join(f"{c:>22}" for c in cells) + (f"    <= {target}" if target else ""))
for shape in shapes:
    if "refused" in s[shape]:
        print(f"{shape}: refused: {s[shape]['refused']}")
EOF
