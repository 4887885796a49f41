#!/usr/bin/env bash
# Measures what PostgreSQL carries per published event and per delivery on a running Herald (scripts/run.sh or
# scripts/cluster.sh): PostgreSQL's own counters (pg_stat_database, pg_stat_user_tables) before and after N publishes
# to one webhook on a local receiver, minus the idle background (membership heartbeats, reminder reads) measured first.
#
#   scripts/pg-cost.sh [events] [parallel publishers]     defaults: 300 events, 1 publisher
#
# Environment: HERALD_URL (default http://127.0.0.1:5080), Herald__AdminKey (default .data/admin-key),
# ConnectionStrings__Herald (default: scripts/postgres.sh url). Needs curl, psql and node.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

events="${1:-300}"
parallel="${2:-1}"
url="${HERALD_URL:-http://127.0.0.1:5080}"
admin="${Herald__AdminKey:-$(cat .data/admin-key)}"
npgsql="${ConnectionStrings__Herald:-$(scripts/postgres.sh url)}"
# Npgsql "Host=…;Port=…;Username=…;Password=…;Database=…" to libpq "host=… port=… user=… password=… dbname=…"
pg="$(tr ';' '\n' <<<"$npgsql" | sed -E 's/^Host=/host=/I; s/^Port=/port=/I; s/^Username=/user=/I; s/^Password=/password=/I; s/^Database=/dbname=/I' | grep -E '^(host|port|user|password|dbname)=' | tr '\n' ' ')"
sql() { psql "$pg" -Atq -F ' ' -c "$1"; }

port=$((20000 + RANDOM % 20000))
node -e "require('http').createServer((q,s)=>{q.resume();q.on('end',()=>s.end('ok'))}).listen($port,'127.0.0.1')" &
receiver=$!
trap 'kill $receiver 2>/dev/null || true' EXIT

key=$(curl -fs -X POST "$url/v1/accounts" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"name":"pg-cost"}' | sed -E 's/.*"api_key":"([^"]+)".*/\1/')
webhook=$(curl -fs -X POST "$url/v1/webhooks" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$port/hook\",\"events\":[\"cost.*\"]}" | sed -E 's/.*"id":"(wh_[^"]+)".*/\1/')

stats() { # transactions, rows inserted, updated, deleted; then per table "table ins upd"
  sql "select xact_commit, tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = current_database()"
}
tables() {
  sql "select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables order by relname"
}
settle() { sleep 11; } # backends flush their statistics at most every 10 s when idle (PostgreSQL 15)

echo "pg-cost: measuring the idle background for 20 s" >&2
settle
read -r i0 n0 u0 d0 < <(stats)
sleep 20
read -r i1 n1 u1 d1 < <(stats)
tables > /tmp/pg-cost.before

echo "pg-cost: publishing $events events with $parallel publisher(s) to $webhook" >&2
started=$(date +%s.%N)
seq 1 "$events" | xargs -P "$parallel" -I{} curl -fs -o /dev/null -X POST "$url/v1/events" \
  -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{"type":"cost.tick","data":{"n":{}}}'
until [ "$(sql "select count(*) from herald_deliveries where endpoint_id = '$webhook' and status = 'succeeded'")" -ge "$events" ]; do
  sleep 0.2
done
finished=$(date +%s.%N)
settle
read -r i2 n2 u2 d2 < <(stats)
tables > /tmp/pg-cost.after

awk -v e="$events" -v p="$parallel" -v i0="$i0" -v i1="$i1" -v i2="$i2" -v n0="$n0" -v n1="$n1" -v n2="$n2" \
    -v u0="$u0" -v u1="$u1" -v u2="$u2" -v d0="$d0" -v d1="$d1" -v d2="$d2" -v s="$started" -v f="$finished" 'BEGIN {
  idle = 20; run = (f - s) + 11
  printf "events %d, publishers %d, published and delivered in %.1f s (%.0f events/s)\n", e, p, f - s, e / (f - s)
  printf "idle background: %.1f transactions/s\n", (i1 - i0) / idle
  printf "per event (one webhook, background subtracted): %.2f transactions, %.2f rows inserted, %.2f rows updated, %.2f rows deleted\n",
    ((i2 - i1) - (i1 - i0) / idle * run) / e, ((n2 - n1) - (n1 - n0) / idle * run) / e, ((u2 - u1) - (u1 - u0) / idle * run) / e,
    ((d2 - d1) - (d1 - d0) / idle * run) / e
}'
echo "per table (inserts, updates per event):"
join /tmp/pg-cost.before /tmp/pg-cost.after | awk -v e="$events" '{ di = $5 - $2; du = $6 - $3; if (di + du > 0) printf "  %-28s %6.2f %6.2f\n", $1, di / e, du / e }'
