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
# Measured 2026-11-29 (2 shared cores, load average 7-9, databases on tmpfs: /dev/shm as TMPDIR,
# so commits cost no fsync): 1,000,000 open cases, 50-case pages over 9 queues, 1,800 pages;
#   SQLite      median 4.6 ms, p99 44.7 ms, max 62 ms; 234 decisions/s with 10 moderators
#   PostgreSQL  median 4.0 ms, p99 20.9 ms, max 41 ms; 100 decisions/s with 10 moderators
# (SQLite measured at 8e25a13, before band queries were sorted apart, 81090f3.)
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
