#!/usr/bin/env bash
# Load test of kooperacja-server on loopback with wrk, bounded in time:
#   1. GET the report (no token: an aggregated read),
#   2. POST single facts (each acknowledged only once committed),
#   3. POST batches of 1,000 facts.
# Prints requests/s, latency percentiles and facts/s for each, and the targets
# of issue 6 beside them. The client and the server share the machine.
#
#   scripts/load-http.sh [SECONDS per run, default 10] [CONNECTIONS, default 32]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-10}"
connections="${2:-32}"
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
cargo build --quiet --release -p kooperacja-http

work="$(mktemp -d)"
trap 'kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; rm -rf "$work"' EXIT
db="$work/load.sqlite3"
project=kooperacja-makroregion-ii
server=target/release/kooperacja-server
start() {
    "$server" serve --db "$db" --listen 127.0.0.1:0 \
        --project fixtures/projects/kooperacja-makroregion-ii.toml \
        --facts "$project=fixtures/facts/kooperacja-sample.jsonl" > "$work/out" 2> "$work/err" &
    pid=$!
    for _ in $(seq 100); do
        grep -q "listening on" "$work/out" 2> /dev/null && break
        sleep 0.1
    done
    url="$(sed -n 's/^listening on //p' "$work/out")"
    [ -n "$url" ] || { cat "$work/err" >&2; exit 1; }
}
start
token="$("$server" token create --project "$project" --org rops-torun --db "$db" 2> /dev/null | tail -n 1)"

echo "machine: $(nproc) cores, $(uname -m); wrk -t2 -c$connections -d${seconds}s; server and client on loopback"
summary() { # label, wrk output file, facts per request, target text
    local rps p50 p99 errors
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$2")"
    p50="$(awk '$1 == "50%" {print $2}' "$2")"
    p99="$(awk '$1 == "99%" {print $2}' "$2")"
    errors="$(awk '/^non-2xx responses:/ {print $3} /Non-2xx or 3xx responses:/ {print $5}' "$2" | head -n 1)"
    printf '%-26s %10s req/s  %10s facts/s  p50 %-9s p99 %-9s non-2xx %-6s target: %s\n' \
        "$1" "$rps" "$(awk -v r="$rps" -v n="$3" 'BEGIN {printf "%d", r * n}')" "$p50" "$p99" "${errors:-0}" "$4"
}

wrk -t2 -c"$connections" -d"${seconds}s" --latency \
    "$url/v1/projects/$project/report?as_of=2020-09-30" > "$work/get.txt"
summary "GET report" "$work/get.txt" 0 ">= 20000 req/s, p99 <= 10 ms"

TOKEN="$token" PROJECT="$project" BATCH=1 RUN=single wrk -t2 -c"$connections" -d"${seconds}s" --latency \
    -s scripts/http/post-fact.lua "$url" > "$work/single.txt"
summary "POST one fact (durable)" "$work/single.txt" 1 ">= 5000 facts/s"

TOKEN="$token" PROJECT="$project" BATCH=1000 RUN=batch wrk -t2 -c4 -d"${seconds}s" --latency \
    -s scripts/http/post-fact.lua "$url" > "$work/batch.txt"
summary "POST batches of 1000" "$work/batch.txt" 1000 ">= 100000 facts/s"

if [ -n "${LOAD_VERBOSE:-}" ]; then cat "$work"/*.txt; fi
