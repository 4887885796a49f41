#!/usr/bin/env bash
# Runs a Herald cluster on this machine without Docker: N silo processes (src/Silo) and one REST API process
# (src/Api as an Orleans client of the silos), all on 127.0.0.1 and one PostgreSQL.
#
#   scripts/cluster.sh            two silos and the API, in the foreground; Ctrl+C stops them gracefully
#   scripts/cluster.sh 3          three silos
#
# Silo i (1-based) uses silo port 11110+i, gateway port 29999+i and HTTP port 5090+i (/dashboard, /metrics,
# /health/ready); the API listens on http://127.0.0.1:5080 (/metrics, /health/ready). Logs go to .data/cluster/.
# Like scripts/run.sh, it uses ConnectionStrings__Herald when set and otherwise starts the project's PostgreSQL.
# HERALD_CLUSTER_SMOKE=1 starts everything, prints each process's readiness and cluster view, and stops again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

silos="${1:-2}"
config="${HERALD_CONFIGURATION:-Release}"
logs="$root/.data/cluster"
mkdir -p "$logs"

if [ -z "${ConnectionStrings__Herald:-}" ]; then
  scripts/postgres.sh start
  export ConnectionStrings__Herald="$(scripts/postgres.sh url)"
fi
if [ -z "${Herald__AdminKey:-}" ]; then
  [ -f .data/admin-key ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > .data/admin-key
  export Herald__AdminKey="$(cat .data/admin-key)"
fi
# Every silo must open the secrets the others sealed: one master key for the cluster (the same file as scripts/run.sh).
if [ -z "${Herald__Secrets__MasterKey:-}" ]; then
  [ -f .data/master-key ] || (umask 077 && head -c 32 /dev/urandom | base64 > .data/master-key)
  export Herald__Secrets__MasterKey="$(cat .data/master-key)"
fi
# Local development delivers to http:// receivers on this machine, which production refuses.
export Herald__Delivery__RequireHttps="${Herald__Delivery__RequireHttps:-false}"
export Herald__Delivery__AllowPrivateNetworks="${Herald__Delivery__AllowPrivateNetworks:-true}"
export Herald__Orleans__ClusterId="${Herald__Orleans__ClusterId:-herald}"
export Herald__Orleans__ServiceId="${Herald__Orleans__ServiceId:-herald}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

echo "cluster.sh: building ($config)" >&2
for project in src/Silo/Herald.Silo.csproj src/Api/Herald.Api.csproj; do
  dotnet build "$project" -c "$config" -v quiet -nologo > "$logs/build.log" 2>&1 || { cat "$logs/build.log" >&2; exit 1; }
done
# Each process runs from its output folder, so that its appsettings.json is its content root's.
silo_dir="$root/src/Silo/bin/$config/net10.0"
api_dir="$root/src/Api/bin/$config/net10.0"

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo "cluster.sh: stopping (SIGTERM: silos finish their deliveries in flight first)" >&2
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all INT TERM EXIT

wait_ready() { # name url pid
  local deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null "$2/health/ready"; do
    if ! kill -0 "$3" 2>/dev/null; then echo "cluster.sh: $1 exited; see $logs/$1.log" >&2; exit 1; fi
    if [ $SECONDS -gt $deadline ]; then echo "cluster.sh: $1 not ready after 120 s; see $logs/$1.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "cluster.sh: $1 ready at $2" >&2
}

for i in $(seq 1 "$silos"); do
  url="http://127.0.0.1:$((5090 + i))"
  Herald__Orleans__SiloPort=$((11110 + i)) Herald__Orleans__GatewayPort=$((29999 + i)) ASPNETCORE_URLS="$url" \
    dotnet "$silo_dir/Herald.Silo.dll" --contentRoot "$silo_dir" > "$logs/silo$i.log" 2>&1 &
  pids+=($!)
  wait_ready "silo$i" "$url" "$!"
done

Herald__Orleans__Role=Client ASPNETCORE_URLS="http://127.0.0.1:5080" \
  dotnet "$api_dir/Herald.Api.dll" --contentRoot "$api_dir" > "$logs/api.log" 2>&1 &
pids+=($!)
wait_ready api "http://127.0.0.1:5080" "$!"

cat >&2 <<EOF
cluster.sh: $silos silos and the API are up.
  API        http://127.0.0.1:5080  (admin key in .data/admin-key)
  dashboard  http://127.0.0.1:5091/dashboard  (each silo: port 5090+i; any user name, the admin key as password)
  metrics    http://127.0.0.1:5080/metrics and http://127.0.0.1:509i/metrics
  logs       $logs/
EOF

if [ "${HERALD_CLUSTER_SMOKE:-0}" = "1" ]; then
  for i in $(seq 1 "$silos"); do
    echo "silo$i /dashboard: $(curl -s -o /dev/null -w '%{http_code}' -u "admin:$Herald__AdminKey" "http://127.0.0.1:$((5090 + i))/dashboard")," \
      "/metrics: $(curl -s "http://127.0.0.1:$((5090 + i))/metrics" | grep -c '^herald_') herald series"
  done
  echo "api /metrics: $(curl -s http://127.0.0.1:5080/metrics | grep -c '^herald_') herald series"
  # One delivery end to end: an account, a webhook on a local receiver, a publish, the attempt log.
  port=$((20000 + RANDOM % 20000))
  node -e "require('http').createServer((q,s)=>{q.resume();q.on('end',()=>s.end('ok'))}).listen($port,'127.0.0.1')" &
  pids+=($!)
  key=$(curl -fs -X POST http://127.0.0.1:5080/v1/accounts -H "Authorization: Bearer $Herald__AdminKey" \
    -H 'Content-Type: application/json' -d '{"name":"smoke"}' | sed -E 's/.*"api_key":"([^"]+)".*/\1/')
  webhook=$(curl -fs -X POST http://127.0.0.1:5080/v1/webhooks -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$port/hook\",\"events\":[\"smoke.*\"]}" | sed -E 's/.*"id":"(wh_[^"]+)".*/\1/')
  echo "api POST /v1/events: $(curl -fs -X POST http://127.0.0.1:5080/v1/events -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' -d '{"type":"smoke.test","data":{}}')"
  for _ in $(seq 1 50); do
    log=$(curl -fs "http://127.0.0.1:5080/v1/webhooks/$webhook/attempts" -H "Authorization: Bearer $key")
    grep -q '"status":"succeeded"' <<<"$log" && break
    sleep 0.2
  done
  echo "attempt log of $webhook: $(grep -o '"status":"[a-z]*","status_code":[0-9]*' <<<"$log" | head -1)"
  exit 0
fi
wait -n "${pids[@]}"
echo "cluster.sh: a process exited; stopping the others" >&2
