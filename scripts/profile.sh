#!/usr/bin/env bash
# Profiles Herald inside one moment of a benchmark run: starts scripts/bench.sh with the given options (perf maps on),
# waits for a line of its log matching PATTERN, then records SECONDS of Herald's CPU with perf and PostgreSQL's
# statements with pg_stat_statements over the same seconds. Bounded: the bench stops by itself.
#   scripts/profile.sh NAME PATTERN SECONDS [bench options]
#   scripts/profile.sh drain1 '1 ingest \| publish \(202\) latency p99' 10 --only ingest
#   scripts/profile.sh sus100 'drain-100-1: order checked' 9 --only delivery --skip-baselines
# Writes .data/bench/profile-NAME.perf (perf report -i FILE --no-children --sort dso,sym), profile-NAME.log and
# profile-NAME.statements.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
name="${1:?name}"; pattern="${2:?log pattern}"; seconds="${3:?seconds}"; shift 3
command -v perf >/dev/null || { echo "profile.sh: perf is needed (apt-get install linux-perf)" >&2; exit 1; }
out=".data/bench/profile-$name"
mkdir -p .data/bench
log="$out.log"
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 scripts/bench.sh --no-out "$@" >"$log" 2>&1 &
bench=$!
trap 'kill $bench 2>/dev/null || true' EXIT
deadline=$((SECONDS + 900))
wait_for() {
  until grep -qE "$1" "$log"; do
    kill -0 $bench 2>/dev/null || { echo "profile.sh: the bench ended before '$1' (see $log)" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "profile.sh: no '$1' within 15 min (see $log)" >&2; exit 1; }
    sleep 0.5
  done
}
wait_for "Herald pid [0-9]+"
herald="$(grep -oE 'Herald pid [0-9]+' "$log" | head -1 | awk '{print $3}')"
postmaster="$(grep -oE 'postmaster pid [0-9]+' "$log" | head -1 | awk '{print $3}')"
database="$(grep -oE 'database herald_bench_[0-9_]+' "$log" | head -1 | awk '{print $2}')"
port="$(ss -ltnp | grep "pid=$postmaster," | grep -oE '127\.0\.0\.1:[0-9]+' | head -1 | cut -d: -f2)"
sql() { PGPASSWORD=herald psql -h 127.0.0.1 -p "$port" -U herald -d "$database" "$@"; }
wait_for "$pattern"
sql -qc "create extension if not exists pg_stat_statements; select pg_stat_statements_reset();" >/dev/null
perf record -F 499 -g -p "$herald" -o "$out.perf" -- sleep "$seconds" 2>/dev/null
sql -c "select calls, round(total_exec_time::numeric, 1) as ms, round((total_exec_time / calls * 1000)::numeric, 1) as us_per_call,
               rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160) as statement
        from pg_stat_statements order by total_exec_time desc limit 25" >"$out.statements.txt"
wait $bench || true
trap - EXIT
echo "profile.sh: $out.perf, $out.statements.txt (bench log: $log)"
