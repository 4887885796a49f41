#!/usr/bin/env bash
# Measures the customer portal's page load with 1,000 webhooks and 10,000 deliveries (issue 12): the portal's test
# Herald (tests/Herald.Tests/Portal/PortalLoadBenchmark.cs, which scripts/test.sh otherwise skips) on a fresh database
# of the project's PostgreSQL, seeded through the REST API, then the endpoints page and an endpoint's deliveries page
# opened 5 times each in headless chromium. scripts/test.sh does the set-up (PostgreSQL, node packages, the portal's
# build, chromium). Prints and writes .data/portal-bench.json; docs/portal.md quotes a run.
#   HERALD_PG_PORT=55432 scripts/portal-bench.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rm -f .data/portal-bench.json
HERALD_PORTAL_BENCH=1 timeout 1800 scripts/test.sh --filter "FullyQualifiedName~Herald.Tests.Portal.PortalLoadBenchmark"
cat .data/portal-bench.json
