#!/usr/bin/env bash
# Runs Herald's reliability suite (tests/Herald.Reliability, see docs/reliability.md): builds Release, starts the
# project's PostgreSQL (a no-op when one already answers on the port), then checks Herald's promises under faults
# against real processes on 127.0.0.1: (1) chaos receivers, (2) a PostgreSQL outage (on a server of the suite's own,
# never the shared one), (3) SIGKILL of a silo of two, (4) hostile requests. Every process, database and data folder
# it makes is removed at the end. Exits non-zero when any promise is broken.
#   scripts/reliability.sh            full run (the issue's durations, about 10 minutes) -> rewrites the generated section of docs/reliability.md
#   scripts/reliability.sh --quick    the four shortened and side by side (CI) -> .data/reliability/reliability-last.md
# More options: --only chaos,outage,kill,hostile, --seed N (hostile requests), --replay N (send hostile request N alone
# and print it with its answer), --out FILE | --no-out, --pg CONNECTION. Process logs: .data/reliability/<time>/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The project's PostgreSQL, or the server already answering on its port (postgres.sh detects and uses it).
scripts/postgres.sh start
port="${HERALD_PG_PORT:-55432}"
# Builds the suite and, through its project references, the Release API and silo hosts it starts.
dotnet build tests/Herald.Reliability/Herald.Reliability.csproj -c Release -nologo -v q

export HERALD_RELIABILITY_PG="${HERALD_RELIABILITY_PG:-Host=127.0.0.1;Port=$port;Username=herald;Password=herald;Database=postgres}"
export HERALD_RELIABILITY_COMMAND="scripts/reliability.sh${*:+ $*}"
exec dotnet tests/Herald.Reliability/bin/Release/net10.0/Herald.Reliability.dll "$@"
