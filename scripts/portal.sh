#!/usr/bin/env bash
# Builds the customer portal (src/Portal, TypeScript + Vite) into src/Portal/dist when a source changed since the last
# build, installing its packages first when package-lock.json changed. The API serves the build at /portal.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
portal="$root/src/Portal"

if ! command -v npm >/dev/null; then
  echo "portal.sh: npm is not on PATH; the portal is not built (/portal answers 404)" >&2
  exit 1
fi
if [ ! -d "$portal/node_modules" ] || [ "$portal/package-lock.json" -nt "$portal/node_modules" ]; then
  npm ci --prefix "$portal" --no-audit --no-fund --silent
  touch "$portal/node_modules"
fi
stamp="$portal/dist/index.html"
changed="$(find "$portal" \( -path "$portal/node_modules" -o -path "$portal/dist" \) -prune -o -type f -newer "$stamp" -print -quit 2>/dev/null || true)"
if [ ! -f "$stamp" ] || [ -n "$changed" ]; then
  npm run --prefix "$portal" --silent build >/dev/null
  echo "portal.sh: built src/Portal/dist" >&2
fi
