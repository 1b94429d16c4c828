#!/usr/bin/env bash
# vigie's pipeline speed against the peer filters of ../shared/bench, in one run, on this machine.
#
# usage: scripts/bench-peers.sh [N_POSTS=200000] [PEERS...]
#   PEERS default: rustrict censor stfu alt-profanity-check hatesonar noop-rust
# env: RUNS=3 (medians), WORK=/tmp/vigie-bench, SHARED=<repo>/../shared,
#      CORPUS=<file> (default: $WORK/corpus-N.jsonl, made by make_corpus.py when missing),
#      PEERS_WORK=<dir> (the peers' builds and venv; default $WORK/peers: point it at an
#      earlier run's to skip rebuilding them), CARGO_TARGET_DIR (where vigie is built),
#      VIGIE=<binary> (measure this vigie binary instead of building one)
#
# vigie is measured in two modes: the full pipeline with the built-in classifier (the default),
# and rules only (`--no-classifier`: normalization, lexicons, threat patterns, policy).
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
CORPUS=${CORPUS:-$WORK/corpus-$N.jsonl}
PEERS_WORK=${PEERS_WORK:-$WORK/peers}
[ -s "$CORPUS" ] || python3 "$SHARED/bench/make_corpus.py" "$CORPUS" "$N" >&2
if [ -z "${VIGIE:-}" ]; then
  (cd "$ROOT" && cargo build --release --locked -p vigie-cli >&2)
  VIGIE=${CARGO_TARGET_DIR:-$ROOT/target}/release/vigie
fi
run_vigie() { # $1: round
  "$VIGIE" bench "$CORPUS" --runs "$RUNS" --peerstat >"$WORK/vigie.classifier.$1.out" 2>"$WORK/vigie.classifier.$1.err"
  "$VIGIE" bench "$CORPUS" --runs "$RUNS" --peerstat --no-classifier >"$WORK/vigie.rules.$1.out" 2>"$WORK/vigie.rules.$1.err"
}
run_vigie 1
# shellcheck disable=SC2086
RUNS=$RUNS WORK=$PEERS_WORK bash "$SHARED/bench/run_peers.sh" "$CORPUS" $PEERS >"$WORK/peers.md"
run_vigie 2
cat "$WORK/vigie.classifier.1.out" "$WORK/vigie.rules.1.out"
echo
cat "$WORK/peers.md"
echo
python3 - "$WORK" <<'PY'
import json, re, statistics, sys
work = sys.argv[1]
vigie = {}
for mode in ("classifier", "rules"):
    for run in (1, 2):
        for line in open(f"{work}/vigie.{mode}.{run}.err"):
            if line.startswith("PEERSTAT "):
                st = json.loads(line[9:])
                vigie.setdefault((mode, st["threads"]), []).append(st["posts_per_s"])
peers = {}
for line in open(f"{work}/peers.md"):
    m = re.match(r"\| (\S+) \| (\d+) \| ([\d,]+) \|", line)
    if m:
        peers[m.group(1)] = float(m.group(3).replace(",", ""))
others = [p for p in peers if p != "noop-rust" and peers[p] > 0]
print("| vigie mode | threads | posts/s | per core | " + " | ".join(f"× {p}" for p in others) + " |")
print("|---|---:|---:|---:|" + "---:|" * len(others))
for (mode, t) in sorted(vigie):
    pps = statistics.median(vigie[(mode, t)])
    per_core = pps / t
    ratios = " | ".join(f"{per_core / peers[p]:.1f}" for p in others)
    print(f"| {mode} | {t} | {pps:,.0f} | {per_core:,.0f} | {ratios} |")
PY
