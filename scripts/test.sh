#!/usr/bin/env bash
# Runs every test: starts the project's PostgreSQL, installs the node verifiers and browser-test packages the tests
# call, builds the portal (its browser tests drive it in Debian's chromium), runs the
# solution's tests, and ends with "N passed, N failed" read from the test results (TRX) themselves.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/postgres.sh start
# the tests create their databases on this server
export HERALD_TEST_PG="${HERALD_TEST_PG:-Host=127.0.0.1;Port=${HERALD_PG_PORT:-55432};Username=herald;Password=herald;Database=postgres}"
if [ ! -d tests/Herald.Tests/node/node_modules ] || [ tests/Herald.Tests/node/package-lock.json -nt tests/Herald.Tests/node/node_modules ]; then
  npm ci --prefix tests/Herald.Tests/node --no-audit --no-fund --silent
fi
scripts/portal.sh
# The portal's browser tests drive Debian's chromium (HERALD_CHROMIUM names another).
if [ -z "${HERALD_CHROMIUM:-}" ] && ! command -v chromium >/dev/null && command -v apt-get >/dev/null; then
  echo "test.sh: chromium not found; installing with apt-get" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium >&2
fi

results="$(mktemp -d)"
set +e
dotnet test Orleans.sln --logger "trx" --results-directory "$results" "$@"
status=$?
set -e

shopt -s nullglob
trx=("$results"/*.trx)
if [ ${#trx[@]} -eq 0 ]; then
  echo "test.sh: no test results were written (the build failed?)" >&2
  exit 1
fi
passed=0
failed=0
for file in "${trx[@]}"; do
  counters="$(grep -o '<Counters [^>]*>' "$file")"
  p="$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")"
  f="$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")"
  passed=$((passed + p))
  failed=$((failed + f))
done
# the names of failed tests, so a CI log that shows only its tail still says which
for file in "${trx[@]}"; do
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$file" | sed -E 's/.*testName="([^"]*)".*/FAILED TEST: \1/' || true
done
echo "$passed passed, $failed failed"
exit $status
