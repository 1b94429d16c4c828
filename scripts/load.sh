#!/usr/bin/env bash
# Load benchmark of `POST /v1/posts` with a separate load client (wrk, from Debian's packages):
# sustained requests/s and latency percentiles, on SQLite and on PostgreSQL.
#
# usage: scripts/load.sh [sqlite|postgres|both] [SECONDS=10] [CONNECTIONS="2 8 32 64"]
# Every request is a new post (scripts/load-post.lua), so the whole path is measured: decide,
# store durably, append to the audit chain. The audit chain is verified after each run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=${1:-sqlite}; SECS=${2:-10}; CONNS=${3:-"2 8 32 64"}
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
(cd "$ROOT" && cargo build --release --locked -p vigie-cli >&2)
VIGIE=$ROOT/target/release/vigie
WORK=$(mktemp -d /tmp/vigie-load.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() { [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null; [ -n "${PGDATA:-}" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT

run() { # $1: label, rest: storage flags
  local label=$1; shift
  export VIGIE_KEY
  VIGIE_KEY=$("$VIGIE" keys create --scope ingest --name load "$@" 2>/dev/null)
  VIGIE_RATE_LIMIT_PER_SECOND=0 "$VIGIE" serve "$@" --listen "127.0.0.1:$PORT" >"$WORK/$label.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.1; done
  echo "| storage | connections | requests/s | p50 | p99 | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  for c in $CONNS; do
    out=$(wrk -t2 -c"$c" -d"${SECS}s" --latency -s "$ROOT/scripts/load-post.lua" "http://127.0.0.1:$PORT")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    err=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    echo "| $label | $c | $rps | $p50 | $p99 | ${err:-0} |"
  done
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  "$VIGIE" audit verify "$@" | tail -1
}

if [ "$MODE" = sqlite ] || [ "$MODE" = both ]; then
  run sqlite --data-dir "$WORK/data"
fi
if [ "$MODE" = postgres ] || [ "$MODE" = both ]; then
  PGBIN=${VIGIE_PG_BIN:-/usr/lib/postgresql/15/bin}
  PGDATA=$WORK/pg; mkdir -p "$PGDATA"; chown postgres "$PGDATA" "$WORK"
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1" -l "$PGDATA/log" start >/dev/null
  run postgres --database-url "postgres://postgres@127.0.0.1:$PGPORT/postgres"
fi
