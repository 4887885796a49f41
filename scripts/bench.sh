#!/usr/bin/env bash
# Runs Herald's benchmark (bench/Herald.Bench): builds Release, starts the project's PostgreSQL (a no-op when it is
# already running), then starts Herald on a fresh database beside a fast receiver, runs every scenario with its
# baselines, and writes docs/benchmarks.md. The database and the Herald process are removed at the end.
#   scripts/bench.sh            full run (a few minutes) -> docs/benchmarks.md
#   scripts/bench.sh --quick    smoke run (under a minute) -> .data/bench/benchmarks-quick.md; exits non-zero only
#                               on a functional failure (lost deliveries, bad signatures, out-of-order, refused publishes)
# More options: --out FILE, --only ingest,delivery,latency,fanout,backlog,retry,large, --keep-db, --pg CONNECTION.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

port="${HERALD_PG_PORT:-55432}"
# A PostgreSQL already answering on the port (this project's, or one started from another checkout) is used as it is.
if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  scripts/postgres.sh start
fi
dotnet build src/Api/Herald.Api.csproj -c Release -nologo -v q
dotnet build bench/Herald.Bench/Herald.Bench.csproj -c Release -nologo -v q

export HERALD_BENCH_PG="${HERALD_BENCH_PG:-Host=127.0.0.1;Port=$port;Username=herald;Password=herald;Database=postgres}"
export HERALD_BENCH_COMMAND="scripts/bench.sh${*:+ $*}"
exec dotnet bench/Herald.Bench/bin/Release/net10.0/Herald.Bench.dll "$@"
