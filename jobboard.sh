#!/usr/bin/env bash
# JobBoard's two commands, and a few more:
#   ./jobboard.sh run     serve the board, with demo data when it is empty (a private PostgreSQL under .data/ unless a
#                         connection string is set; JOBBOARD_DEMO_DATA=false serves it without), demo accounts, and a
#                         MailDev mail catcher whose inbox it prints (unless Smtp__Host names a mail server)
#   ./jobboard.sh test    install what the tests need and run every suite; ends with "N passed, N failed, N skipped"
#   ./jobboard.sh import FILE            load a JSON feed of schema.org JobPosting objects as published postings
#   ./jobboard.sh seed --synthetic N     generate N realistic postings and bulk-load them (binary COPY; the loader)
#   ./jobboard.sh finish-load            finish a bulk load that was killed half way (its indexes and autovacuum)
#   ./jobboard.sh migrate                bring the database up to date (the migrations and the Sql/ definitions)
#   ./jobboard.sh backup [FILE]          pg_dump the board (custom format) to FILE, by default .backups/jobboard-TIME.dump
#   ./jobboard.sh restore [--replace] FILE  restore a backup into the database (made if missing; --replace for one with a board)
#   ./jobboard.sh db      start only the private PostgreSQL and print its connection string (it runs until stop-db)
#   ./jobboard.sh stop-db stop the private PostgreSQL
# A command that starts the private PostgreSQL stops it when it ends; one that finds it running leaves it running.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Where the command was typed: a backup's FILE is relative to it.
CALLER_DIR=$PWD
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

DATA_DIR="${JOBBOARD_DATA_DIR:-$ROOT/.data}"
PG_DATA="$DATA_DIR/postgres"
PG_PORT="${JOBBOARD_PG_PORT:-55432}"
PG_DATABASE=jobboard
# How many huge pages this script added to vm.nr_hugepages for the cluster, to give back when it stops.
HUGE_PAGES_RECORD="$DATA_DIR/huge-pages-reserved"
CONFIGURATION="${JOBBOARD_CONFIGURATION:-Release}"
# Set when this invocation started the private cluster: only then does it stop it on exit.
STARTED_PRIVATE_POSTGRES=""
PRIVATE_CONNECTION=""

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

clamp() { local value=$1; ((value < $2)) && value=$2; ((value > $3)) && value=$3; echo "$value"; }

# The memory the cluster is sized for, in MB: the machine's RAM, or its container's limit when that is lower;
# JOBBOARD_PG_MEMORY_MB says otherwise (a machine shared with other services, or the script's own tests).
machine_memory_mb() {
  if [ -n "${JOBBOARD_PG_MEMORY_MB:-}" ]; then
    [[ "$JOBBOARD_PG_MEMORY_MB" =~ ^[1-9][0-9]*$ ]] || { log "JOBBOARD_PG_MEMORY_MB is a number of megabytes, not \"$JOBBOARD_PG_MEMORY_MB\""; exit 2; }
    echo "$JOBBOARD_PG_MEMORY_MB"
    return
  fi
  local mb limit file
  mb=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
  for file in /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory/memory.limit_in_bytes; do
    limit=$(cat "$file" 2>/dev/null || true)
    if [[ "$limit" =~ ^[0-9]+$ ]] && [ $((limit / 1048576)) -lt "$mb" ]; then mb=$((limit / 1048576)); fi
  done
  echo "$mb"
}

# The private cluster's settings for MB of memory (README, "The private PostgreSQL"). The shared buffers hold the search and
# recommendation tables of a big board, the rest of the page cache is the operating system's; sorts and index builds
# stay in memory; a bulk load of a million postings runs without a checkpoint in its middle (docs/benchmarks.md).
postgres_settings() {
  local mb=$1
  cat <<CONF
# Written by jobboard.sh each time it starts this cluster, for ${mb} MB of memory (JOBBOARD_PG_MEMORY_MB overrides the
# machine's RAM). Edits here are lost at the next start; ALTER SYSTEM (postgresql.auto.conf) still overrides it.
shared_buffers = $(clamp $((mb / 4)) 128 8192)MB
effective_cache_size = $((mb / 2))MB
work_mem = $(clamp $((mb / 1536)) 4 64)MB
maintenance_work_mem = $(clamp $((mb / 24)) 64 2048)MB
huge_pages = try
max_wal_size = 16GB
checkpoint_timeout = 30min
CONF
}

# Regenerated at every start, so a cluster created before (or on other hardware) gets the settings too.
configure_private_postgres() {
  postgres_settings "$1" | as_pg tee "$PG_DATA/jobboard.conf" >/dev/null
  if ! grep -qx "include_if_exists = 'jobboard.conf'" "$PG_DATA/postgresql.conf"; then
    echo "include_if_exists = 'jobboard.conf'" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
  fi
}

meminfo() { awk -v key="$1:" '$1 == key { print $2 }' /proc/meminfo; }

# Huge pages for the shared buffers where the kernel lets the script reserve them (as root): in 4 kB pages every new
# connection faults in each buffer it touches, which cost recommendations twice their time (docs/benchmarks.md).
# Only the shortfall is reserved, only when the machine has twice that memory available, and only all or nothing
# (huge_pages = try uses them only if they cover the whole shared memory); stopping the cluster gives them back.
reserve_huge_pages() {
  local bin=$1 needed free shortfall before added
  [ -w /proc/sys/vm/nr_hugepages ] || return 0
  needed=$(as_pg "$bin/postgres" -D "$PG_DATA" -C shared_memory_size_in_huge_pages 2>/dev/null) || return 0
  [[ "$needed" =~ ^[0-9]+$ ]] && [ "$needed" -gt 0 ] || return 0
  free=$(( $(meminfo HugePages_Free) - $(meminfo HugePages_Rsvd) ))
  [ "$free" -ge "$needed" ] && return 0
  shortfall=$((needed - free))
  if [ $((shortfall * $(meminfo Hugepagesize) * 2)) -gt "$(meminfo MemAvailable)" ]; then
    log "not reserving $shortfall huge pages for PostgreSQL: too little memory available"
    return 0
  fi
  before=$(cat /proc/sys/vm/nr_hugepages)
  echo $((before + shortfall)) >/proc/sys/vm/nr_hugepages
  added=$(( $(cat /proc/sys/vm/nr_hugepages) - before ))
  if [ "$added" -lt "$shortfall" ]; then
    log "the kernel had only $added of $shortfall huge pages (fragmented memory): PostgreSQL runs on normal pages"
    echo "$before" >/proc/sys/vm/nr_hugepages
    return 0
  fi
  echo $(( $(cat "$HUGE_PAGES_RECORD" 2>/dev/null || echo 0) + added )) >"$HUGE_PAGES_RECORD"
  log "reserved $added huge pages for PostgreSQL's shared memory"
}

release_huge_pages() {
  [ -f "$HUGE_PAGES_RECORD" ] || return 0
  local reserved total
  reserved=$(cat "$HUGE_PAGES_RECORD")
  total=$(cat /proc/sys/vm/nr_hugepages)
  echo $((total > reserved ? total - reserved : 0)) >/proc/sys/vm/nr_hugepages || return 0
  rm -f "$HUGE_PAGES_RECORD"
}

# Starts the private cluster unless it runs already (then STARTED_PRIVATE_POSTGRES stays empty) and sets
# PRIVATE_CONNECTION. Run in the script's own shell, not in $(...), so the caller knows whether it started it.
start_private_postgres() {
  ensure_postgres_binaries
  local bin memory_mb
  bin=$(pg_bindir)
  memory_mb=$(machine_memory_mb)
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "creating a private PostgreSQL cluster in $PG_DATA"
    mkdir -p "$PG_DATA"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$DATA_DIR"
    as_pg "$bin/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    local running_port; running_port=$(sed -n 4p "$PG_DATA/postmaster.pid")
    if [ "$running_port" != "$PG_PORT" ]; then
      log "the private PostgreSQL already runs on port $running_port (not JOBBOARD_PG_PORT=$PG_PORT): using it"
      PG_PORT=$running_port
    fi
  else
    configure_private_postgres "$memory_mb"
    [ "$(id -u)" -eq 0 ] && reserve_huge_pages "$bin"
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    STARTED_PRIVATE_POSTGRES=1
    as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  if ! as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='$PG_DATABASE'" postgres | grep -q 1; then
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DATABASE"
  fi
  PRIVATE_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DATABASE;Username=postgres"
}

stop_private_postgres() {
  local bin; bin=$(pg_bindir) || return 0
  if [ -f "$PG_DATA/PG_VERSION" ]; then as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true; fi
  release_huge_pages
}

stop_private_postgres_if_started() {
  if [ -n "$STARTED_PRIVATE_POSTGRES" ]; then stop_private_postgres; fi
}

# The configured database (ConnectionStrings__JobBoard), else the private cluster, started if need be and then
# stopped when this command ends: a command never stops a cluster that `db`, `run` or another command started.
use_database() {
  if [ -z "${ConnectionStrings__JobBoard:-}" ]; then
    trap stop_private_postgres_if_started EXIT
    start_private_postgres
    export ConnectionStrings__JobBoard="$PRIVATE_CONNECTION"
  fi
}

# JOBBOARD_SKIP_BUILD=1 runs the app as last built (JOBBOARD_CONFIGURATION, Release by default): the script's own
# tests run after the test run has built everything.
build_app() {
  [ "${JOBBOARD_SKIP_BUILD:-}" = 1 ] && return 0
  log "building ${1#src/}"
  dotnet build "$1" -c "$CONFIGURATION" -v quiet -nologo >/dev/null
}

# The app runs as a child that this script's INT and TERM are passed on to, and the script waits for it to stop: a TERM
# sent to the script alone (a service manager, kill PID) would otherwise end it and leave the app serving.
run_app() {
  dotnet run --project src/JobBoard.Web -c "$CONFIGURATION" --no-build --no-launch-profile "$@" &
  local app=$! status=0
  trap 'kill -TERM "$app" 2>/dev/null || true' INT TERM
  wait "$app" || status=$?
  # A signal ends the wait early: wait again until the app has stopped.
  while kill -0 "$app" 2>/dev/null; do wait "$app" || status=$?; done
  trap - INT TERM
  return "$status"
}

MAIL_DIR="$DATA_DIR/maildev"
MAIL_SMTP_PORT="${JOBBOARD_MAIL_SMTP_PORT:-1025}"
MAIL_WEB_PORT="${JOBBOARD_MAIL_WEB_PORT:-1080}"
MAIL_PID=""
MAIL_INBOX=""

# MailDev (from npm, installed once under the data directory) catches the board's mail for `run`: confirmation and
# reset links land in its web inbox instead of anyone's mailbox. Skipped when Smtp__Host names a mail server, or with
# JOBBOARD_MAIL_CATCHER=false; stopped when the command ends.
start_mail_catcher() {
  if [ -n "${Smtp__Host:-}" ] || [ "${JOBBOARD_MAIL_CATCHER:-true}" = false ]; then return 0; fi
  if ! command -v npm >/dev/null; then
    log "npm not found: no mail catcher, so the board's mail goes nowhere (install node and npm, or set Smtp__Host)"
    return 0
  fi
  if [ ! -x "$MAIL_DIR/node_modules/.bin/maildev" ]; then
    log "installing MailDev from npm into $MAIL_DIR"
    mkdir -p "$MAIL_DIR"
    if ! (cd "$MAIL_DIR" && npm install --no-audit --no-fund --loglevel=error maildev@2 >/dev/null); then
      log "could not install MailDev: the board's mail goes nowhere"
      return 0
    fi
  fi
  mkdir -p "$MAIL_DIR/mail"
  "$MAIL_DIR/node_modules/.bin/maildev" --ip 127.0.0.1 --smtp "$MAIL_SMTP_PORT" --web "$MAIL_WEB_PORT" \
    --mail-directory "$MAIL_DIR/mail" >"$MAIL_DIR/maildev.log" 2>&1 &
  MAIL_PID=$!
  local attempt
  for attempt in $(seq 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$MAIL_SMTP_PORT") 2>/dev/null; then
      export Smtp__Host=127.0.0.1 Smtp__Port="$MAIL_SMTP_PORT"
      MAIL_INBOX="http://127.0.0.1:$MAIL_WEB_PORT/"
      return 0
    fi
    kill -0 "$MAIL_PID" 2>/dev/null || break
    sleep 0.2
  done
  log "MailDev did not start (see $MAIL_DIR/maildev.log; is port $MAIL_SMTP_PORT or $MAIL_WEB_PORT taken?): the board's mail goes nowhere"
  stop_mail_catcher
}

stop_mail_catcher() {
  [ -n "$MAIL_PID" ] || return 0
  kill "$MAIL_PID" 2>/dev/null || true
  wait "$MAIL_PID" 2>/dev/null || true
  MAIL_PID=""
}

# The loader (src/JobBoard.Loader): bulk loads, the demo board, finishing an interrupted load.
run_loader() { dotnet run --project src/JobBoard.Loader -c "$CONFIGURATION" --no-build --no-launch-profile -- "$@"; }

cmd_run() {
  use_database
  # One machine, one instance: it brings its database up to date as it starts (Database:Migrate is false by default
  # outside Development, for deployments that migrate by command, README "Migrations in production").
  export Database__Migrate="${Database__Migrate:-true}"
  trap 'stop_mail_catcher; stop_private_postgres_if_started' EXIT
  export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
  build_app src/JobBoard.Web
  build_app src/JobBoard.Loader
  if [ "${JOBBOARD_DEMO_DATA:-true}" != false ]; then
    log "loading the demo board unless the board has data, and the demo accounts unless they exist"
    run_loader demo --accounts
  fi
  start_mail_catcher
  log "JobBoard will be at ${ASPNETCORE_URLS//;/ and } (Ctrl+C stops it)"
  if [ -n "$MAIL_INBOX" ]; then
    log "its mail (confirmation and password reset links) lands in MailDev's inbox at $MAIL_INBOX"
  else
    log "its mail goes to ${Smtp__Host:-localhost}:${Smtp__Port:-1025}"
  fi
  run_app "$@"
}

# Runtime settings for a batch command, which spends minutes in a few hot loops (docs/benchmarks.md, "Bulk load"):
# fully optimised code from the start takes less CPU than tiered compilation's instrumented tiers, and a bigger gen0
# budget lets the postings of a batch die young instead of being promoted.
batch_runtime() {
  export DOTNET_TieredCompilation=${DOTNET_TieredCompilation:-0}
  export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x10000000}
}

# The app's one-off command (import) against the configured database or the private cluster.
cmd_app_command() {
  use_database
  # As the loader's commands do: import brings the schema up to date first (migrate does whatever this says).
  export Database__Migrate="${Database__Migrate:-true}"
  batch_runtime
  # The web app's runtimeconfig compacts its old generation for long-running traffic, which a batch has no use for.
  export DOTNET_GCConserveMemory=${DOTNET_GCConserveMemory:-0}
  build_app src/JobBoard.Web
  run_app -- "$@"
}

# The loader's commands (seed, finish) against the configured database or the private cluster.
cmd_loader_command() {
  use_database
  batch_runtime
  build_app src/JobBoard.Loader
  run_loader "$@"
}

cmd_db() {
  if [ -n "${ConnectionStrings__JobBoard:-}" ]; then
    echo "$ConnectionStrings__JobBoard"
  else
    start_private_postgres
    echo "$PRIVATE_CONNECTION"
  fi
}

BACKUP_DIR="${JOBBOARD_BACKUP_DIR:-$ROOT/.backups}"

# libpq's settings (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE) from an Npgsql connection string, for
# pg_dump, pg_restore and psql: keywords in any case, spaced or not ("User ID", "Username"); values not quoted.
libpq_environment() {
  unset PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD PGSSLMODE
  local pair key value IFS=';'
  for pair in $1; do
    [[ "$pair" == *=* ]] || continue
    key=${pair%%=*} value=${pair#*=}
    key=${key// /} key=${key,,}
    value=${value#"${value%%[![:space:]]*}"} value=${value%"${value##*[![:space:]]}"}
    case "$key" in
      host | server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database | db) export PGDATABASE="$value" ;;
      username | userid | user | uid) export PGUSER="$value" ;;
      password | pwd) export PGPASSWORD="$value" ;;
      sslmode)
        value=${value,,}
        case "$value" in verifyca) value=verify-ca ;; verifyfull) value=verify-full ;; esac
        export PGSSLMODE="$value" ;;
    esac
  done
  [ -n "${PGDATABASE:-}" ] || { log "the connection string names no Database"; exit 2; }
}

database_label() { echo "database $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432}"; }

# pg_dump of the configured database (or the private cluster's) in its custom format: compressed, and read by
# pg_restore object by object. Written under a temporary name and renamed when complete, so a FILE is never half a backup.
cmd_backup() {
  local file=${1:-} bin
  if [ -n "$file" ]; then
    [[ "$file" = /* ]] || file="$CALLER_DIR/$file"
    [ -d "$(dirname "$file")" ] || { log "no folder $(dirname "$file") to write the backup in"; exit 2; }
  fi
  ensure_postgres_binaries
  bin=$(pg_bindir)
  use_database
  libpq_environment "$ConnectionStrings__JobBoard"
  if [ -z "$file" ]; then
    mkdir -p -m 700 "$BACKUP_DIR"
    file="$BACKUP_DIR/$PGDATABASE-$(date -u +%Y%m%dT%H%M%SZ).dump"
  fi
  log "backing up $(database_label) to $file"
  # A backup holds password hashes, CVs and the keys that sign every session: readable by its owner only.
  if ! (umask 077 && "$bin/pg_dump" --format=custom --file="$file.partial"); then
    rm -f "$file.partial"
    log "the backup failed (pg_dump's message is above): nothing written"
    exit 1
  fi
  mv "$file.partial" "$file"
  echo "$file"
}

# Restores a backup of cmd_backup into the configured database (or the private cluster's), making the database if it
# does not exist. A database that has tables is only replaced with --replace: its public schema is dropped and made
# again, so nothing of the old board stays beside the backup. Everything happens in one transaction that commits only
# after the whole backup went in (the COMMIT is written after pg_restore succeeded), then the tables are analysed.
# Owners and grants are left out: every object belongs to the user restoring it, as it would to the one migrating.
cmd_restore() {
  local usage="usage: ./jobboard.sh restore [--replace] FILE" replace="" file="" bin tables
  while [ $# -gt 0 ]; do
    case "$1" in
      --replace) replace=1 ;;
      -*) echo "$usage" >&2; exit 2 ;;
      *) [ -z "$file" ] || { echo "$usage" >&2; exit 2; }; file=$1 ;;
    esac
    shift
  done
  [ -n "$file" ] || { echo "$usage" >&2; exit 2; }
  [[ "$file" = /* ]] || file="$CALLER_DIR/$file"
  [ -f "$file" ] || { log "no backup at $file"; exit 2; }
  ensure_postgres_binaries
  bin=$(pg_bindir)
  "$bin/pg_restore" --list "$file" >/dev/null 2>&1 || { log "$file is not a backup of ./jobboard.sh backup (pg_dump's custom format)"; exit 2; }
  use_database
  libpq_environment "$ConnectionStrings__JobBoard"
  if ! "$bin/psql" -X -q -tAc 'SELECT 1' >/dev/null 2>&1; then
    log "making $(database_label)"
    "$bin/createdb" "$PGDATABASE" || { log "could not reach or make $(database_label)"; exit 1; }
  fi
  tables=$("$bin/psql" -X -q -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
  if [ "$tables" -gt 0 ] && [ -z "$replace" ]; then
    log "$(database_label) has a board ($tables tables): ./jobboard.sh restore --replace FILE replaces it with the backup"
    exit 2
  fi
  log "restoring $file into $(database_label)"
  if ! {
    echo 'BEGIN;'
    if [ "$tables" -gt 0 ]; then
      # As PostgreSQL makes it in a new database: the database's owner owns it, and everyone may use it.
      echo 'DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION pg_database_owner; GRANT USAGE ON SCHEMA public TO PUBLIC;'
    fi
    "$bin/pg_restore" --no-owner --no-privileges --file=- "$file" || exit 1
    echo 'ANALYZE;'
    echo 'COMMIT;'
  } | PGOPTIONS='-c client_min_messages=warning' "$bin/psql" -X -q -v ON_ERROR_STOP=1 >/dev/null; then
    log "the restore failed (the message is above): $(database_label) is as it was"
    exit 1
  fi
  # Running instances forget their cached pages of the old board, as after any write (PostingCaches).
  "$bin/psql" -X -q -c "NOTIFY posting_caches, 'restore'" >/dev/null 2>&1 || true
  log "restored: $(database_label) now holds the board of $file"
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

# The W3C Nu HTML checker the browser suite runs over every page it visits: the npm package vnu-jar, pinned, installed
# once into a git-ignored folder, and Java from Debian to run it when the machine has none.
VNU_VERSION=26.9.27
VNU_DIR="$ROOT/.tools/vnu-$VNU_VERSION"

ensure_nu_checker() {
  command -v java >/dev/null || apt_install default-jre-headless
  if [ ! -f "$VNU_DIR/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
    command -v npm >/dev/null || apt_install npm
    log "installing the Nu HTML checker (vnu-jar $VNU_VERSION) from npm into $VNU_DIR"
    mkdir -p "$VNU_DIR"
    (cd "$VNU_DIR" && npm install --no-audit --no-fund --no-save --loglevel=error "vnu-jar@$VNU_VERSION" >/dev/null)
  fi
  export JOBBOARD_VNU_JAR="$VNU_DIR/node_modules/vnu-jar/build/dist/vnu.jar"
}

cmd_test() {
  ensure_postgres_binaries
  apt_install chromium fonts-liberation python3-aiosmtpd
  ensure_nu_checker
  # The page catalogue's screenshots (every page type at 390 and 1280 px) and its Nu checker input.
  export JOBBOARD_TEST_ARTIFACTS="$ROOT/.tmp/test-artifacts"
  rm -rf "$JOBBOARD_TEST_ARTIFACTS"
  mkdir -p "$ROOT/.tmp"
  SUMMARY="$ROOT/.tmp/test-summary.txt"
  : > "$SUMMARY"
  TEST_ARGS=("$@")
  log "building the solution"
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
  if [ -d "$JOBBOARD_TEST_ARTIFACTS" ]; then
    log "screenshots of every page at 390 and 1280 px: $JOBBOARD_TEST_ARTIFACTS/pages"
  fi
  local totals
  totals=$(awk '{ p += $1; f += $2; s += $3 } END { printf "%d passed, %d failed, %d skipped", p, f, s }' "$SUMMARY")
  echo "$totals"
  [[ "$totals" == *" 0 failed,"* ]]
}

main() {
  case "${1:-}" in
    run) shift; cmd_run "$@" ;;
    test) shift; cmd_test "$@" ;;
    import)
      [ $# -eq 2 ] || { echo "usage: ./jobboard.sh import FILE" >&2; exit 2; }
      cmd_app_command import "$(realpath "$2")" ;;
    migrate)
      [ $# -eq 1 ] || { echo "usage: ./jobboard.sh migrate" >&2; exit 2; }
      cmd_app_command migrate ;;
    backup)
      [ $# -le 2 ] && [[ "${2:-}" != -* ]] || { echo "usage: ./jobboard.sh backup [FILE]" >&2; exit 2; }
      cmd_backup "${2:-}" ;;
    restore) shift; cmd_restore "$@" ;;
    seed) shift; cmd_loader_command seed "$@" ;;
    finish-load) cmd_loader_command finish ;;
    db) cmd_db ;;
    stop-db) stop_private_postgres ;;
    *) echo "usage: ./jobboard.sh run | test | import FILE | migrate | backup [FILE] | restore [--replace] FILE | seed --synthetic N | finish-load | db | stop-db" >&2; exit 2 ;;
  esac
}

# Sourced (the script's tests call its functions), it only defines them.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then main "$@"; fi
