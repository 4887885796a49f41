#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL for Herald from the machine's own binaries.
# Data lives in .data/postgres inside the project (ignored by git); it listens on 127.0.0.1 only.
#   scripts/postgres.sh start   -> installs the server with apt-get if missing, initialises, starts, creates db "herald"
#   scripts/postgres.sh stop | status | url
# Environment: HERALD_PG_PORT (default 55432), HERALD_PG_DATA (default <project>/.data/postgres)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${HERALD_PG_PORT:-55432}"
data="${HERALD_PG_DATA:-$root/.data/postgres}"
# The server log lives inside the data folder, so that only that folder is ever given to the postgres user.
log="$data/server.log"

find_bindir() {
  local candidate
  for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

ensure_binaries() {
  if ! bindir="$(find_bindir)"; then
    echo "postgres.sh: PostgreSQL server binaries not found; installing with apt-get" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql >&2
    bindir="$(find_bindir)"
  fi
}

# PostgreSQL refuses to run as root: as root, run its binaries as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() {
  echo "Host=127.0.0.1;Port=$port;Username=herald;Password=herald;Database=herald"
}

start() {
  ensure_binaries
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    # Only the data folder itself: never its parent, which may be a shared folder such as /tmp.
    chown -R postgres: "$data"
    chmod 700 "$data"
    # the postgres user must be able to reach the data folder through the project path
    local dir="$data"
    while [ "$dir" != "/" ]; do dir="$(dirname "$dir")"; chmod o+x "$dir" 2>/dev/null || true; done
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
# Herald writes every event, delivery and attempt: with the default 1 GB a bench run forced a checkpoint about once a
# minute, and every page first written after one goes into the WAL whole (docs/operations.md, "PostgreSQL settings").
max_wal_size = 4GB
checkpoint_timeout = 15min
CONF
    # Statement statistics for profiling (docs/benchmarks.md), where the server ships the module.
    if [ -f "$bindir/../lib/pg_stat_statements.so" ]; then
      echo "shared_preload_libraries = 'pg_stat_statements'" >> "$data/postgresql.conf"
    fi
  fi
  if as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "postgres.sh: already running on 127.0.0.1:$port" >&2
  elif "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    # Another server holds the port: use it if it takes Herald's credentials (e.g. one started from another clone).
    if PGPASSWORD=herald "$bindir/psql" -h 127.0.0.1 -p "$port" -U herald -d postgres -qtAc "select 1" >/dev/null 2>&1; then
      echo "postgres.sh: using the server already on 127.0.0.1:$port" >&2
      PGPASSWORD=herald "$bindir/psql" -h 127.0.0.1 -p "$port" -U herald -d postgres -qtAc \
        "select 1 from pg_database where datname='herald'" | grep -q 1 \
        || PGPASSWORD=herald "$bindir/psql" -h 127.0.0.1 -p "$port" -U herald -d postgres -qc "create database herald"
      return 0
    fi
    echo "postgres.sh: another server already listens on 127.0.0.1:$port; stop it or set HERALD_PG_PORT" >&2
    exit 1
  else
    as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -o "-p $port" -w -t 60 start >/dev/null
    echo "postgres.sh: started on 127.0.0.1:$port (data: $data)" >&2
  fi
  local psql=("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -d postgres -c "select 1 from pg_roles where rolname='herald'")" != "1" ]; then
    "${psql[@]}" -d postgres -c "create role herald login superuser password 'herald'"
  fi
  if [ "$("${psql[@]}" -d postgres -c "select 1 from pg_database where datname='herald'")" != "1" ]; then
    "${psql[@]}" -d postgres -c "create database herald owner herald"
  fi
}

stop() {
  bindir="$(find_bindir)" || return 0
  [ -f "$data/PG_VERSION" ] || return 0
  as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

status() {
  bindir="$(find_bindir)" || { echo "not installed"; return 1; }
  as_owner "$bindir/pg_ctl" -D "$data" status
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
