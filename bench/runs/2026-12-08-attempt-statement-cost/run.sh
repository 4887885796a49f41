#!/usr/bin/env bash
# PostgreSQL's CPU per attempt recorded by the attempt statement (src/Grains/Storage/AttemptStatement.cs as of 24d8338's
# parent, with and without its failure-outbox part and its request headers) and by the pipe's statement, in batches of
# B successes (B=11 by default: the batch size of one strict webhook's sustained traffic). Needs the project's server
# (scripts/postgres.sh start) and nothing else busy on it; creates the database "exp". Each variant records about
# 19,800 attempts; the CPU is that of every postgres process (cpu.sh), so the commits' WAL flushes count.
#   bash bench/runs/2026-12-08-attempt-statement-cost/run.sh            # set up and measure, B=11
#   B=30 SETUP=no bash bench/runs/2026-12-08-attempt-statement-cost/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
export PGPASSWORD=herald
P="psql -h 127.0.0.1 -p 55432 -U herald -q -v ON_ERROR_STOP=1"
if [ "${SETUP:-yes}" = yes ]; then
  $P -d postgres -c "drop database if exists exp" -c "create database exp"
  for f in $(ls "$root"/src/Grains/Storage/Migrations/*.sql | sort); do $P -1 -d exp -f "$f" >/dev/null; done
  $P -d exp -f "$here/setup.sql"
  $P -d exp -f "$here/procs.sql"
fi
$P -d exp -c "truncate herald_attempts, herald_failure_outbox" -c "update herald_deliveries set status = 'pending', attempts = 0" \
   -c "vacuum full herald_deliveries" -c "vacuum analyze herald_deliveries" -c "vacuum analyze herald_attempts"
hz=$(getconf CLK_TCK)
measure() { local name=$1 call=$2 n=$3 a b s e
  a=$("$here/cpu.sh"); s=$(date +%s.%N); $P -d exp -c "$call"; e=$(date +%s.%N); b=$("$here/cpu.sh")
  echo "$name: $(echo "($b-$a)*1000000/$hz/$n" | bc) us CPU/row, $(echo "($e-$s)*1000000/$n" | bc) us wall/row"; }
B=${B:-11}; N=$((19800 / B * B)); start=1
for round in 1 2; do
  measure "herald, as before        b=$B" "call rec_herald($start, $N, $B, true, true)" $N; start=$((start + N))
  measure "pipe                     b=$B" "call rec_pipe($start, $N, $B)" $N; start=$((start + N))
  measure "herald, no headers       b=$B" "call rec_herald($start, $N, $B, false, true)" $N; start=$((start + N))
  measure "herald, no outbox (now)  b=$B" "call rec_herald($start, $N, $B, true, false)" $N; start=$((start + N))
done
