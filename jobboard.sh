#!/usr/bin/env bash
# JobBoard's two commands, and a few more:
#   ./jobboard.sh run     serve the board with demo data (a private PostgreSQL under .data/ unless a connection string is set)
#   ./jobboard.sh test    install what the tests need and run every suite; ends with "N passed, N failed, N skipped"
#   ./jobboard.sh import FILE            load a JSON feed of schema.org JobPosting objects as published postings
#   ./jobboard.sh seed --synthetic N     generate N realistic postings and bulk-load them (binary COPY)
#   ./jobboard.sh db      start only the private PostgreSQL and print its connection string
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PG_DATA="$ROOT/.data/postgres"
PG_PORT="${JOBBOARD_PG_PORT:-55432}"
PG_DATABASE=jobboard

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} with apt"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

ensure_postgres_binaries() {
  if [ -z "$(pg_bindir)" ]; then
    apt_install postgresql postgresql-contrib
  fi
  [ -n "$(pg_bindir)" ] || { log "PostgreSQL binaries not found after install"; exit 1; }
}

# initdb and postgres refuse to run as root: as root, the cluster belongs to the postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_private_postgres() {
  ensure_postgres_binaries
  local bin; bin=$(pg_bindir)
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "creating a private PostgreSQL cluster in .data/postgres"
    mkdir -p "$PG_DATA"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$ROOT/.data"
    as_pg "$bin/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  if ! as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='$PG_DATABASE'" postgres | grep -q 1; then
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DATABASE"
  fi
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DATABASE;Username=postgres"
}

stop_private_postgres() {
  local bin; bin=$(pg_bindir) || return 0
  [ -f "$PG_DATA/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
}

connection_string() {
  if [ -n "${ConnectionStrings__JobBoard:-}" ]; then
    echo "$ConnectionStrings__JobBoard"
  else
    start_private_postgres
  fi
}

cmd_run() {
  local started_private=""
  [ -z "${ConnectionStrings__JobBoard:-}" ] && started_private=1
  ConnectionStrings__JobBoard=$(connection_string)
  export ConnectionStrings__JobBoard
  [ -n "$started_private" ] && trap stop_private_postgres EXIT
  export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
  export DemoData__Load="${DemoData__Load:-true}"
  log "building"
  dotnet build src/JobBoard.Web -c Release -v quiet -nologo >/dev/null
  log "JobBoard will be at ${ASPNETCORE_URLS//;/ and } (Ctrl+C stops it)"
  dotnet run --project src/JobBoard.Web -c Release --no-build --no-launch-profile "$@"
}

# One-off commands of the app (import, seed) against the configured database or the private cluster.
cmd_app_command() {
  [ -z "${ConnectionStrings__JobBoard:-}" ] && trap stop_private_postgres EXIT
  ConnectionStrings__JobBoard=$(connection_string)
  export ConnectionStrings__JobBoard
  export DemoData__Load=false
  # A batch command spends minutes in a few hot loops: compiled fully optimised from the start, rather than through
  # tiered compilation's instrumented tiers, a bulk load takes a quarter less CPU (docs/benchmarks.md).
  export DOTNET_TieredCompilation=${DOTNET_TieredCompilation:-0}
  # Each batch of postings lives for a second or so on its way through the loader's pipeline: with the default gen0
  # budget of a few MB every posting outlives two collections and is copied into generation 2 before it dies, which
  # took a third of the loader's CPU. A 256 MB budget lets most die young (docs/benchmarks.md).
  export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x10000000}
  # The web process's runtimeconfig compacts its old generation when it is mostly holes (System.GC.ConserveMemory, for
  # its resident memory under long traffic); a load that lasts minutes has no such target, and with it did twice the
  # generation-2 collections (8-9 against 4 for 300,000 postings).
  export DOTNET_GCConserveMemory=${DOTNET_GCConserveMemory:-0}
  log "building"
  dotnet build src/JobBoard.Web -c Release -v quiet -nologo >/dev/null
  dotnet run --project src/JobBoard.Web -c Release --no-build --no-launch-profile -- "$@"
}

# Runs one test project and appends "passed failed skipped" to $SUMMARY (from its TRX report, not its console text).
run_suite() {
  local project=$1 name results
  name=$(basename "$project")
  results="$ROOT/.tmp/test-results/$name"
  rm -rf "$results"
  log "test suite $name"
  if dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" "${TEST_ARGS[@]}"; then :; fi
  local trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "0 1 0 $name(no result)" >> "$SUMMARY"
    return
  fi
  python3 - "$trx" "$name" >> "$SUMMARY" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
c = ET.parse(sys.argv[1]).getroot().find("t:ResultSummary/t:Counters", ns).attrib
passed, failed = int(c.get("passed", 0)), int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
skipped = int(c.get("notExecuted", 0))
print(passed, failed, skipped, sys.argv[2])
PY
}

cmd_test() {
  ensure_postgres_binaries
  apt_install chromium fonts-liberation
  mkdir -p "$ROOT/.tmp"
  SUMMARY="$ROOT/.tmp/test-summary.txt"
  : > "$SUMMARY"
  TEST_ARGS=("$@")
  log "building"
  local build_failed=0
  dotnet build JobBoard.sln -c Release -nologo -v quiet || build_failed=1
  if [ $build_failed -eq 1 ]; then
    echo "0 1 0 build" >> "$SUMMARY"
  else
    log "checking formatting (dotnet format --verify-no-changes)"
    if dotnet format JobBoard.sln --verify-no-changes --no-restore -v quiet; then
      echo "1 0 0 format" >> "$SUMMARY"
    else
      echo "0 1 0 format" >> "$SUMMARY"
    fi
    run_suite tests/JobBoard.Tests
    run_suite tests/JobBoard.BrowserTests
  fi
  awk '{ printf "  %-28s %d passed, %d failed, %d skipped\n", $4, $1, $2, $3 }' "$SUMMARY" >&2
  local totals
  totals=$(awk '{ p += $1; f += $2; s += $3 } END { printf "%d passed, %d failed, %d skipped", p, f, s }' "$SUMMARY")
  echo "$totals"
  [[ "$totals" == *" 0 failed,"* ]]
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  import)
    [ $# -eq 2 ] || { echo "usage: ./jobboard.sh import FILE" >&2; exit 2; }
    cmd_app_command import "$(realpath "$2")" ;;
  seed) shift; cmd_app_command seed "$@" ;;
  db) connection_string ;;
  stop-db) stop_private_postgres ;;
  *) echo "usage: ./jobboard.sh run | test | import FILE | seed --synthetic N | db | stop-db" >&2; exit 2 ;;
esac
