#!/usr/bin/env bash
# Runs Herald on this machine: PostgreSQL (the project's own, unless ConnectionStrings__Herald is set), then one
# process that is both a silo and the REST API on http://127.0.0.1:5080 (dashboard at /dashboard).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ -z "${ConnectionStrings__Herald:-}" ]; then
  scripts/postgres.sh start
  export ConnectionStrings__Herald="$(scripts/postgres.sh url)"
fi
if [ -z "${Herald__AdminKey:-}" ]; then
  mkdir -p .data
  [ -f .data/admin-key ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > .data/admin-key
  export Herald__AdminKey="$(cat .data/admin-key)"
fi
# The key that encrypts webhook secrets at rest: keep .data/master-key, or the stored secrets cannot be opened.
if [ -z "${Herald__Secrets__MasterKey:-}" ]; then
  mkdir -p .data
  [ -f .data/master-key ] || (umask 077 && head -c 32 /dev/urandom | base64 > .data/master-key)
  export Herald__Secrets__MasterKey="$(cat .data/master-key)"
fi
# Local development delivers to http:// receivers on this machine; production keeps the default (https only).
export Herald__Delivery__RequireHttps="${Herald__Delivery__RequireHttps:-false}"
# ...and to receivers on loopback or the local network, which the SSRF guard blocks in production.
export Herald__Delivery__AllowPrivateNetworks="${Herald__Delivery__AllowPrivateNetworks:-true}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

# The customer portal at /portal (src/Portal): rebuilt when its sources changed; Herald runs without it when node is missing.
scripts/portal.sh || echo "Herald: running without the portal" >&2

echo "Herald: admin key in .data/admin-key (export ADMIN=\$(cat .data/admin-key))" >&2
exec dotnet run --project src/Api -c Release --no-launch-profile
