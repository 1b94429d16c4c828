#!/usr/bin/env bash
# The transparency report on a generated month: fills a fresh store (SQLite by default) with
# ≥ 100,000 decisions, their cases and moderators' decisions, ≥ 1,000 notices of every kind
# with deadlines met and missed, and appeals; then times `vigie report` (goal: ≤ 5 s for the
# HTML, CSV and JSON), optionally `vigie export sor` on the month, and takes a screenshot of
# report.html with headless chromium. Delete $WORK afterwards (a month's SQLite database is
# a few hundred MB).
#
# usage: scripts/bench-report.sh [DECISIONS=100000] [NOTICES=1000]
# env: WORK=/tmp/vigie-bench-report, RUNS=3, VIGIE=path/to/vigie (default: built in release),
#      DATABASE_URL=postgres://… of an empty database (instead of SQLite in $WORK),
#      EXPORT=1 (also time `vigie export sor` on the month; 0: not),
#      SCREENSHOT=docs/screenshots/report.png (empty: none), CHROMIUM=/usr/bin/chromium
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DECISIONS=${1:-100000}
NOTICES=${2:-1000}
WORK=${WORK:-/tmp/vigie-bench-report}
RUNS=${RUNS:-3}
SCREENSHOT=${SCREENSHOT-$ROOT/docs/screenshots/report.png}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -z "${VIGIE:-}" ]; then
  (cd "$ROOT" && cargo build --release --locked -p vigie-cli >&2)
  VIGIE=$ROOT/target/release/vigie
fi
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
  echo "report run $run: $(echo "$end - $start" | bc) s wall (process start to the three files written)"
done
ls -l "$WORK/report"
if [ "${EXPORT:-1}" = 1 ]; then
  # Statements of reasons of every restriction of the month: the first export builds,
  # validates and stores them; the second reads them back.
  FROM=${PERIOD#--from }; FROM=${FROM%% *}; TO=${PERIOD##* }
  for run in 1 2; do
    rm -rf "$WORK/sor"
    start=$(date +%s.%N)
    "$VIGIE" export sor --since "$FROM" --until "$TO" --include-submitted --out "$WORK/sor" "${STORE[@]}"
    end=$(date +%s.%N)
    echo "export sor run $run: $(echo "$end - $start" | bc) s wall, $(find "$WORK/sor" -name '*.json' | wc -l) batch files"
  done
fi
if [ -n "$SCREENSHOT" ] && [ -x "$CHROMIUM" ]; then
  mkdir -p "$(dirname "$SCREENSHOT")"
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$SCREENSHOT" --window-size=1280,2400 "file://$WORK/report/report.html" >/dev/null 2>&1 || true
  ls -l "$SCREENSHOT"
fi
