#!/usr/bin/env bash
# Does Herald's live heap grow with every webhook it has ever served? Starts the Release API (a co-hosted silo, the
# bench's local settings, idle grains deactivated after 10 s) on a fresh database, then ROUNDS times registers
# ACCOUNTS x PER_ACCOUNT new webhooks and delivers one event to each (scripts/heap-round.py), waits 30 s for the
# grains to be deactivated and takes a heap dump; then one more dump after IDLE seconds without traffic.
#   scripts/heap-rounds.sh [ROUNDS=3] [ACCOUNTS=30] [PER_ACCOUNT=100] [IDLE=480]
# Writes .data/heap/rN.gcdump and rN.txt (dotnet-gcdump report); compare two with
#   python3 scripts/gcdump-diff.py .data/heap/r1.txt .data/heap/r3.txt
# Needs `dotnet build -c Release` first; installs dotnet-gcdump into .data/tools. Herald is stopped at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${1:-3}"; accounts="${2:-30}"; per="${3:-100}"; idle="${4:-480}"
dll=src/Api/bin/Release/net10.0/Herald.Api.dll
[ -f "$dll" ] || { echo "heap-rounds.sh: build first (dotnet build Orleans.sln -c Release)" >&2; exit 1; }
tools=.data/tools; out=.data/heap
[ -x "$tools/dotnet-gcdump" ] || dotnet tool install --tool-path "$tools" dotnet-gcdump >&2
mkdir -p "$out"

scripts/postgres.sh start >&2
pg="$(scripts/postgres.sh url)"
PGPASSWORD=herald psql -q -h 127.0.0.1 -p "${HERALD_PG_PORT:-55432}" -U herald -d herald \
  -c "drop database if exists heaprounds" -c "create database heaprounds" >&2
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export HERALD_PORT="$(free_port)" HERALD_ADMIN="heap-rounds-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
ConnectionStrings__Herald="${pg/Database=herald/Database=heaprounds}" Herald__AdminKey="$HERALD_ADMIN" \
  Herald__Secrets__MasterKey="$(head -c 32 /dev/urandom | base64)" \
  Herald__Delivery__RequireHttps=false Herald__Delivery__AllowPrivateNetworks=true Herald__RateLimit__PermitLimit=1000000 \
  Herald__Orleans__SiloPort="$(free_port)" Herald__Orleans__GatewayPort="$(free_port)" Herald__Orleans__CollectionAge=00:00:10 \
  ASPNETCORE_URLS="http://127.0.0.1:$HERALD_PORT" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$dll" >"$out/herald.log" 2>&1 &
herald=$!
trap 'kill $herald 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  curl -fs "http://127.0.0.1:$HERALD_PORT/health/ready" >/dev/null && break
  sleep 1
done
curl -fs "http://127.0.0.1:$HERALD_PORT/health/ready" >/dev/null || { echo "heap-rounds.sh: Herald did not start ($out/herald.log)" >&2; exit 1; }

# A dump forces a full, blocking GC first: its total is the live heap.
dump() {
  "$tools/dotnet-gcdump" collect -p "$herald" -o "$out/$1.gcdump" >/dev/null
  "$tools/dotnet-gcdump" report "$out/$1.gcdump" >"$out/$1.txt"
  local cache keys
  cache=$(grep -E '^ +[0-9,]+ +[0-9,]+  LruItem<Orleans.Runtime.GrainId,' "$out/$1.txt" | awk '{print $2}')
  keys=$(grep -E '^ +[0-9,]+ +[0-9,]+  Herald.Api.Auth.Caller  ' "$out/$1.txt" | awk '{print $2}')
  echo "$1: $(head -1 "$out/$1.txt" | awk '{print $1}') bytes live; grain-directory cache entries ${cache:-0}; API key cache entries ${keys:-0}; RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$herald/status) MiB"
}

timeout 300 python3 scripts/heap-round.py 0 5 20
sleep 30
dump r0
for round in $(seq "$rounds"); do
  timeout 400 python3 scripts/heap-round.py "$round" "$accounts" "$per"
  sleep 30
  dump "r$round"
done
sleep "$idle"
dump idle
