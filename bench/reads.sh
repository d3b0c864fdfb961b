#!/usr/bin/env bash
# Read throughput of the producer's JSON API against a running local stack (./run.sh in another terminal), measured
# with wrk (Debian package `wrk`) from the same machine. Prints requests/s and latency for an item page and a
# filtered, sorted catalogue page, after a warm-up so the JIT has compiled the hot path.
#
#   bench/reads.sh [seconds per run, default 20] [connections, default 32]
#
# For throughput figures start the stack with the full JIT (the launcher's default favours start-up time):
#   STOCKROOM_SERVICE_JVM_OPTS="-XX:+UseParallelGC -Xms256m -Xmx1g" ./run.sh --no-build
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
connections="${2:-32}"
base="${STOCKROOM_URL:-http://127.0.0.1:8080}"
secrets=".data/dev-secrets.properties"

command -v wrk >/dev/null || { echo "bench: install wrk first (apt-get install wrk)" >&2; exit 1; }
[[ -f "$secrets" ]] || { echo "bench: $secrets not found; start the stack with ./run.sh" >&2; exit 1; }
user="$(sed -n 's/^admin.username=//p' "$secrets")"
password="$(sed -n 's/^admin.password=//p' "$secrets")"
auth="Authorization: Basic $(printf '%s:%s' "$user" "$password" | base64 -w0)"

sku="$(curl -fsS -H "$auth" "$base/api/items?size=1" | sed -n 's/.*"sku":"\([^"]*\)".*/\1/p')"
[[ -n "$sku" ]] || { echo "bench: the catalogue is empty (the dev profile seeds it)" >&2; exit 1; }

run() {
  local name="$1" path="$2"
  wrk -t2 -c"$connections" -d10s -H "$auth" "$base$path" >/dev/null 2>&1   # warm-up
  echo "== $name: GET $path ($connections connections, ${seconds}s)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$auth" "$base$path" \
    | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|Socket errors'
}

echo "bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk on the same machine"
run "item page" "/api/items/$sku"
run "catalogue page" "/api/items?sort=price&size=20"
