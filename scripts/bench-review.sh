#!/usr/bin/env bash
# Review workflow benchmark through the real HTTP API (issue 5), on SQLite and PostgreSQL:
# bulk-loads N open cases, measures queue page latency (median, p99; first pages and pages
# further down by cursor) on every queue of the example config, then decisions per second
# with M concurrent simulated moderators (list the top of the queue, claim, decide, repeat).
#
# usage: scripts/bench-review.sh [sqlite|postgres|both] [CASES=1000000] [MODERATORS=10] [SECONDS=20]
#   PAGES=200                     queue pages timed per queue
#   VIGIE_BENCH_PG_URL=postgres://…  use this database instead of a throw-away PostgreSQL 15
# Code: crates/vigie-server/examples/review_bench.rs. Output: markdown tables on stdout.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=${1:-both}; CASES=${2:-1000000}; MODERATORS=${3:-10}; SECS=${4:-20}; PAGES=${PAGES:-200}
(cd "$ROOT" && cargo build --release --locked -p vigie-server --example review_bench >&2)
BENCH=$ROOT/target/release/examples/review_bench
case $MODE in
  both) BACKENDS="sqlite postgres" ;;
  sqlite|postgres) BACKENDS=$MODE ;;
  *) echo "usage: $0 [sqlite|postgres|both] [CASES] [MODERATORS] [SECONDS]" >&2; exit 2 ;;
esac
for backend in $BACKENDS; do
  "$BENCH" --backend "$backend" --cases "$CASES" --moderators "$MODERATORS" \
    --seconds "$SECS" --pages "$PAGES"
  echo
done
