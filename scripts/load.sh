#!/usr/bin/env bash
# Load benchmark of `POST /v1/posts` with a separate load client (wrk, from Debian's packages):
# sustained requests/s and latency percentiles, on SQLite and on PostgreSQL.
#
# usage: scripts/load.sh [sqlite|postgres|both] [SECONDS=10] [CONNECTIONS="2 8 32 64"]
#   VIGIE_BIN=path    use this vigie binary instead of building target/release/vigie
#   VIGIE_NO_CLASSIFIER=true (or any other VIGIE_* setting) is passed on to `vigie serve`
# Every request is a new post (scripts/load-post.lua), so the whole path is measured: decide,
# store durably, append to the audit chain. The audit chain is verified after each run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=${1:-sqlite}; SECS=${2:-10}; CONNS=${3:-"2 8 32 64"}
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
if [ -z "${VIGIE_BIN:-}" ]; then
  (cd "$ROOT" && cargo build --release --locked -p vigie-cli >&2)
fi
VIGIE=${VIGIE_BIN:-$ROOT/target/release/vigie}
WORK=$(mktemp -d /tmp/vigie-load.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() { [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null; [ -n "${PGDATA:-}" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT

# groups, posts, busy and committing microseconds of the store's writer, and its WAL fsyncs
# and their microseconds (SQLite), from /metrics
writer_stats() {
  curl -sf "http://127.0.0.1:$PORT/metrics" | awk '
    $1 == "vigie_store_write_groups_total" { g = $2 } $1 == "vigie_store_written_posts_total" { p = $2 }
    $1 == "vigie_store_write_busy_microseconds_total" { u = $2 }
    $1 == "vigie_store_write_commit_microseconds_total" { c = $2 }
    $1 == "vigie_store_wal_syncs_total" { n = $2 } $1 == "vigie_store_wal_sync_microseconds_total" { f = $2 }
    END { print g + 0, p + 0, u + 0, c + 0, n + 0, f + 0 }'
}
# CPU time (user + system, in clock ticks of 10 ms) used by the server so far
server_cpu() { awk '{ print $14 + $15 }' "/proc/$SERVER/stat"; }
# CPU seconds (user + system) of the finished children of this shell (wrk, curl) in the output
# of `times` saved in $1: the load client runs on the same cores as the server, so its share
# is reported too. (`times` runs in this shell: a $(…) subshell would count its own children.)
client_cpu() { awk 'NR == 2 { gsub(/[ms]/, " "); print $1 * 60 + $2 + $3 * 60 + $4 }' "$1"; }

run() { # $1: label, rest: storage flags
  local label=$1; shift
  export VIGIE_KEY
  VIGIE_KEY=$("$VIGIE" keys create --scope ingest --name load "$@" 2>/dev/null)
  VIGIE_RATE_LIMIT_PER_SECOND=0 "$VIGIE" serve "$@" --listen "127.0.0.1:$PORT" >"$WORK/$label.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.1; done
  echo "| storage | connections | requests/s | p50 | p99 | errors | posts per commit | writer busy/time per commit (of which COMMIT) | writer time per post | WAL fsyncs/s, mean | server CPU per request | client CPU per request |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for c in $CONNS; do
    times >"$WORK/times0"; before=$(writer_stats); cpu0=$(server_cpu)
    out=$(wrk -t2 -c"$c" -d"${SECS}s" --latency -s "$ROOT/scripts/load-post.lua" "http://127.0.0.1:$PORT")
    times >"$WORK/times1"; after=$(writer_stats); cpu1=$(server_cpu)
    client0=$(client_cpu "$WORK/times0"); client1=$(client_cpu "$WORK/times1")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    err=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    reqs=$(awk '/requests in/ {print $1}' <<<"$out")
    # posts per commit (how many share one fsync), the share of the run the writer was busy,
    # its time per group (and in COMMIT: writing the WAL, SQLite only) and per post, and the
    # WAL fsyncs the answers waited for (SQLite: on a thread beside the writer)
    stats=$(awk -v b="$before" -v a="$after" -v s="$SECS" 'BEGIN { split(b, x); split(a, y);
      g = y[1] - x[1]; p = y[2] - x[2]; u = y[3] - x[3]; c = y[4] - x[4]; n = y[5] - x[5]; f = y[6] - x[6];
      printf "%.1f|%.0f%%/%.2fms (%.2fms)|%.0f µs|%.0f, %.2fms", (g ? p / g : 0), u / (s * 10000),
        (g ? u / g / 1000 : 0), (g ? c / g / 1000 : 0), (p ? u / p : 0), n / s, (n ? f / n / 1000 : 0) }')
    cpu=$(( (cpu1 - cpu0) * 10000000 / (reqs > 0 ? reqs : 1) / 1000 ))
    client=$(awk -v a="$client0" -v b="$client1" -v n="$reqs" 'BEGIN { printf "%.0f", (b - a) * 1e6 / (n > 0 ? n : 1) }')
    echo "| $label | $c | $rps | $p50 | $p99 | ${err:-0} | $stats | ${cpu} µs | ${client} µs |"
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
