#!/usr/bin/env bash
# The transparency report on a generated month: fills a fresh store (SQLite by default) with
# ≥ 100,000 decisions, their cases and moderators' decisions, ≥ 1,000 notices of every kind
# with deadlines met and missed, and appeals; then times `vigie report` (goal: ≤ 5 s for the
# HTML, CSV and JSON) and takes a screenshot of report.html with headless chromium.
#
# usage: scripts/bench-report.sh [DECISIONS=100000] [NOTICES=1000]
# env: WORK=/tmp/vigie-bench-report, RUNS=3, DATABASE_URL=postgres://… (instead of SQLite),
#      SCREENSHOT=docs/screenshots/report.png (empty: none), CHROMIUM=/usr/bin/chromium
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DECISIONS=${1:-100000}
NOTICES=${2:-1000}
WORK=${WORK:-/tmp/vigie-bench-report}
RUNS=${RUNS:-3}
SCREENSHOT=${SCREENSHOT-$ROOT/docs/screenshots/report.png}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
(cd "$ROOT" && cargo build --release --locked -p vigie-cli >&2)
VIGIE=$ROOT/target/release/vigie
rm -rf "$WORK" && mkdir -p "$WORK"
if [ -n "${DATABASE_URL:-}" ]; then STORE=(--database-url "$DATABASE_URL"); else STORE=(--data-dir "$WORK/data"); fi

echo "generating $DECISIONS decisions and $NOTICES notices…" >&2
PERIOD=$("$VIGIE" report generate-month --decisions "$DECISIONS" --notices "$NOTICES" "${STORE[@]}")
echo "period: $PERIOD" >&2
# shellcheck disable=SC2086
for run in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  "$VIGIE" report $PERIOD --out "$WORK/report" --platform "forum.example (generated month)" "${STORE[@]}"
  end=$(date +%s.%N)
  echo "run $run: $(echo "$end - $start" | bc) s wall (process start to files written)"
done
ls -l "$WORK/report"
if [ -n "$SCREENSHOT" ] && [ -x "$CHROMIUM" ]; then
  mkdir -p "$(dirname "$SCREENSHOT")"
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$SCREENSHOT" --window-size=1280,2000 "file://$WORK/report/report.html" >&2 2>/dev/null || true
  ls -l "$SCREENSHOT"
fi
