#!/usr/bin/env bash
# vigie's pipeline speed against the peer filters of ../shared/bench, in one run, on this machine.
#
# usage: scripts/bench-peers.sh [N_POSTS=200000] [PEERS...]
#   PEERS default: rustrict censor stfu alt-profanity-check hatesonar noop-rust
# env: RUNS=3 (medians), WORK=/tmp/vigie-bench, SHARED=<repo>/../shared, VIGIE_ARGS (extra
#      arguments for `vigie bench`, e.g. "--no-classifier")
#
# vigie is measured before and after the peers (noise spreads over both) with `vigie bench`,
# which times the scoring loop only, like the peers' harness. The peers run on one thread:
# compare "per core" figures.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
WORK=${WORK:-/tmp/vigie-bench}
RUNS=${RUNS:-3}
N=${1:-200000}; shift || true
PEERS=${*:-"rustrict censor stfu alt-profanity-check hatesonar noop-rust"}
mkdir -p "$WORK"
CORPUS=$WORK/corpus-$N.jsonl
[ -s "$CORPUS" ] || python3 "$SHARED/bench/make_corpus.py" "$CORPUS" "$N" >&2
(cd "$ROOT" && cargo build --release --locked -p vigie-cli >&2)
VIGIE=$ROOT/target/release/vigie
# shellcheck disable=SC2086
"$VIGIE" bench "$CORPUS" --runs "$RUNS" --peerstat ${VIGIE_ARGS:-} >"$WORK/vigie.1.out" 2>"$WORK/vigie.1.err"
# shellcheck disable=SC2086
RUNS=$RUNS WORK=$WORK/peers bash "$SHARED/bench/run_peers.sh" "$CORPUS" $PEERS >"$WORK/peers.md"
# shellcheck disable=SC2086
"$VIGIE" bench "$CORPUS" --runs "$RUNS" --peerstat ${VIGIE_ARGS:-} >"$WORK/vigie.2.out" 2>"$WORK/vigie.2.err"
cat "$WORK/vigie.1.out"
echo
cat "$WORK/peers.md"
echo
python3 - "$WORK" <<'PY'
import json, re, statistics, sys
work = sys.argv[1]
vigie = {}
for run in (1, 2):
    for line in open(f"{work}/vigie.{run}.err"):
        if line.startswith("PEERSTAT "):
            st = json.loads(line[9:])
            vigie.setdefault(st["threads"], []).append(st["posts_per_s"])
peers = {}
for line in open(f"{work}/peers.md"):
    m = re.match(r"\| (\S+) \| (\d+) \| ([\d,]+) \|", line)
    if m:
        peers[m.group(1)] = float(m.group(3).replace(",", ""))
one = statistics.median(vigie.get(1, [0]))
print("| vigie threads | posts/s | per core | " + " | ".join(f"× {p}" for p in peers if p != "noop-rust") + " |")
print("|---:|---:|---:|" + "---:|" * len([p for p in peers if p != "noop-rust"]))
for t in sorted(vigie):
    pps = statistics.median(vigie[t])
    per_core = pps / t
    ratios = " | ".join(f"{per_core / v:.1f}" for p, v in peers.items() if p != "noop-rust" and v > 0)
    print(f"| {t} | {pps:,.0f} | {per_core:,.0f} | {ratios} |")
PY
