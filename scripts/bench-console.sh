#!/usr/bin/env bash
# Server time of each moderator-console page with 100,000 cases stored (release build).
#   scripts/bench-console.sh                       # SQLite
#   VIGIE_BENCH_PG=1 scripts/bench-console.sh      # a PostgreSQL the bench starts
#   VIGIE_BENCH_CASES=1000000 scripts/bench-console.sh
# Prints, per page, the median and slowest of VIGIE_BENCH_ROUNDS (default 20) requests.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo test --release --locked -p vigie-server --test console_bench -- --ignored --nocapture
