#!/usr/bin/env bash
# Bulk-load benchmark (DESIGN.md §5; results in docs/benchmarks.md, "Bulk load"). On an empty private database it times
#   (a) ./jobboard.sh seed --synthetic N, end to end: build check, start-up, migrations, generating and loading the rows,
#       the search rows, the indexes, the suggestions and ANALYZE;
#   (b) raw COPY of the very same rows (exported from (a) as binary COPY files) into the same indexed tables of a fresh
#       database, then the search and recommendation tables filled from their views (posting_search_source ...), the
#       suggestions refreshed and ANALYZE;
#   (c) the same raw COPY done the loader's way: the secondary indexes of the search tables dropped while loading and
#       rebuilt after, alongside the suggestions, and autovacuum paused (the views need the loaded tables' indexes);
#   (d) raw COPY of every row the loader writes, the search and recommendation rows too (as (a) wrote them) instead of
#       computed from the views, with the indexes of all those tables deferred as the loader defers them: the floor;
#   (e) raw COPY of every row the loader writes, search rows too, into the same tables with all their indexes in place:
#       DESIGN.md's "raw COPY into the same indexed table", taken literally;
# and prints the times, rows/s, the ratios (raw time / seed time: the target is >= 0.8), the loader's peak resident
# memory and the sizes of the tables and indexes. The raw sessions use the loader's session settings (no per-row
# foreign-key triggers, asynchronous commit) and both cores: two COPY sessions, then two fill sessions.
#
#   bench/load.sh [N]              N defaults to 1000000
#   BENCH_RUNS=3 bench/load.sh     repeats (a) to (d) and reports the medians
#   BENCH_RAW="c d" bench/load.sh  only these of the raw loads (b, c, d, e; all by default)
#
# It runs on the private cluster of ./jobboard.sh on port JOBBOARD_PG_PORT (55434 unless set), as the script configures
# it for the machine (jobboard.conf, huge pages when run as root; README, "The private PostgreSQL"), and leaves the
# loaded database (BENCH_DB, default bench_load) in place for the search benchmarks. The raw-COPY database and the exported rows are removed at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N=${1:-1000000}
RUNS=${BENCH_RUNS:-1}
RAW_STEPS=${BENCH_RAW:-b c d e}
export JOBBOARD_PG_PORT=${JOBBOARD_PG_PORT:-55434}
DB=${BENCH_DB:-bench_load}
RAW_DB="${DB}_raw"
OUT="$ROOT/.tmp/bench-load"
ROWS="$OUT/rows"
LOADED_TABLES="job_postings posting_locations posting_categories posting_skills posting_status_changes"
REFERENCE_TABLES="companies company_sections categories skills"
# Filled from the loaded rows by posting_search_refresh (the raw loads fill them set-based from the same views).
SEARCH_TABLES="posting_search posting_search_places posting_category_places posting_category_lists"

log() { printf '==> %s\n' "$*" >&2; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
median() { [ $# -eq 0 ] && { echo n/a; return; }; printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

mkdir -p "$OUT"
log "starting the private PostgreSQL on port $JOBBOARD_PG_PORT"
SERVER=$(./jobboard.sh db | tail -n 1)
PG_HOST=$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$SERVER")
PG_USER=$(sed -E 's/.*Username=([^;]+).*/\1/' <<<"$SERVER")
connection_string() { echo "Host=$PG_HOST;Port=$JOBBOARD_PG_PORT;Database=$1;Username=$PG_USER"; }
sql() { local db=$1; shift; psql -h "$PG_HOST" -p "$JOBBOARD_PG_PORT" -U "$PG_USER" -d "$db" -v ON_ERROR_STOP=1 -qAtX "$@"; }

POSTMASTER=$(head -n 1 "${JOBBOARD_DATA_DIR:-$ROOT/.data}/postgres/postmaster.pid")

# CPU seconds spent during a timed step by the loader, by PostgreSQL (per connection name) and by everything else on the
# machine: the last is the noise in the times of a shared box.
cpu_watch() { python3 "$ROOT/bench/cpu_usage.py" "$OUT/cpu-$1.json" "$POSTMASTER" -h "$PG_HOST" -p "$JOBBOARD_PG_PORT" -U "$PG_USER" -d postgres & CPU_WATCH=$!; }
cpu_unwatch() { kill -TERM "$CPU_WATCH" 2>/dev/null || true; wait "$CPU_WATCH" || true; }
cpu_summary() {
  python3 - "$OUT/cpu-$1.json" <<'PY'
import json, sys
used = json.load(open(sys.argv[1]))
postgres = {who[len("postgres: "):]: s for who, s in used.items() if who.startswith("postgres: ")}
parts = ", ".join(f"{who} {s:.0f}" for who, s in postgres.items() if s >= 1)
print(f"loader {used.get('loader', 0):.0f}, PostgreSQL {sum(postgres.values()):.0f} ({parts}), other processes {used.get('other', 0):.0f}")
PY
}

log "building (not timed, so the measured run's own build step finds nothing to do)"
dotnet build src/JobBoard.Loader -c Release -v quiet -nologo >/dev/null

fresh_database() { sql postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }

# The loader's peak resident memory: VmHWM of the JobBoard.Loader process that `dotnet run` starts, sampled until it exits.
watch_peak_rss() {
  local peak=0 pid hwm
  while true; do
    for pid in $(pgrep -f '/JobBoard.Loader seed --synthetic' || true); do
      hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm && echo "$peak" >"$OUT/peak-rss-kb"
    done
    sleep 0.5
  done
}

run_seed() {
  local run=$1 started finished watcher
  fresh_database "$DB"
  echo 0 >"$OUT/peak-rss-kb"
  watch_peak_rss &
  watcher=$!
  log "(a) run $run: ./jobboard.sh seed --synthetic $N (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  cpu_watch "seed-$run"
  started=$(now)
  ConnectionStrings__JobBoard=$(connection_string "$DB") ./jobboard.sh seed --synthetic "$N" >"$OUT/seed-$run.out" 2>"$OUT/seed-$run.err"
  finished=$(now)
  cpu_unwatch
  CPU_LINES+=("(a) run $run: $(cpu_summary "seed-$run")")
  kill "$watcher" 2>/dev/null || true
  wait "$watcher" 2>/dev/null || true
  SEED_TIMES+=("$(seconds "$started" "$finished")")
  LOADER_TIMES+=("$(grep -oE '[0-9.]+ s, [0-9,]+ postings/s' "$OUT/seed-$run.out" | tail -n 1 | cut -d' ' -f1)")
  PEAK_RSS+=("$(cat "$OUT/peak-rss-kb")")
  SUMMARY=$(grep '^Loaded' "$OUT/seed-$run.out" | tail -n 1)
  log "    $SUMMARY"
}

export_rows() {
  log "exporting the loaded rows as binary COPY files"
  rm -rf "$ROWS"
  mkdir -p "$ROWS"
  [ "$(id -u)" -eq 0 ] && chown postgres "$ROWS"
  for table in $REFERENCE_TABLES $LOADED_TABLES search_keys $SEARCH_TABLES; do
    sql "$DB" -c "COPY $table TO '$ROWS/$table.bin' (FORMAT binary)"
  done
  # The same schema for the raw loads. pg_dump empties search_path while restoring, and earthdistance's ll_to_earth
  # (in the radius index) names its type unqualified, so the restore keeps public on the path.
  pg_dump -h "$PG_HOST" -p "$JOBBOARD_PG_PORT" -U "$PG_USER" --schema-only "$DB" |
    sed "s/set_config('search_path', '', false)/set_config('search_path', 'public', false)/" >"$OUT/schema.sql"
}

# One session of the raw load: the loader's session settings, then the given statements.
raw_session() { sql "$RAW_DB" -c "SET synchronous_commit = off; SET jit = off; SET session_replication_role = replica; SET maintenance_work_mem = '1GB'; $1"; }

copy_from_files() {
  local statements=""
  for table in $REFERENCE_TABLES; do statements+="COPY $table FROM '$ROWS/$table.bin' (FORMAT binary);"; done
  raw_session "$statements"
  raw_session "COPY job_postings FROM '$ROWS/job_postings.bin' (FORMAT binary)" &
  local postings=$!
  statements=""
  for table in posting_locations posting_categories posting_skills posting_status_changes; do
    statements+="COPY $table FROM '$ROWS/$table.bin' (FORMAT binary);"
  done
  raw_session "$statements"
  wait "$postings"
  # The fill below is planned once per session; without statistics the lateral joins of the view may scan whole tables.
  raw_session "ANALYZE job_postings, posting_categories, posting_skills, companies, categories, skills"
}

fill_search_rows() {
  local low high middle
  read -r low high < <(sql "$RAW_DB" -F ' ' -c "SELECT min(id), max(id) FROM job_postings")
  middle=$(((low + high) / 2))
  # What posting_search_refresh does, set-based: number the filter values, then the search rows, the place rows and
  # the recommendations' category rows.
  raw_session "INSERT INTO search_keys (kind, value) SELECT DISTINCT kind, value FROM search_key_values ON CONFLICT DO NOTHING" >/dev/null
  fill_range() {
    raw_session "INSERT INTO posting_search SELECT * FROM posting_search_source WHERE posting_id BETWEEN $1 AND $2;
                 INSERT INTO posting_search_places SELECT * FROM posting_search_places_source WHERE posting_id BETWEEN $1 AND $2;
                 INSERT INTO posting_category_places SELECT * FROM posting_category_places_source WHERE posting_id BETWEEN $1 AND $2;
                 INSERT INTO posting_category_lists SELECT * FROM posting_category_lists_source WHERE posting_id BETWEEN $1 AND $2" >/dev/null
  }
  fill_range "$low" "$middle" &
  local first=$!
  fill_range "$((middle + 1))" "$high"
  wait "$first"
}

# (b) with the search rows filled from the views, (e) with them copied: run_raw_copy RUN fill|copy
run_raw_copy() {
  local run=$1 mode=$2 started finished label=b
  [ "$mode" = copy ] && label=e
  fresh_database "$RAW_DB"
  sql "$RAW_DB" -f "$OUT/schema.sql" >/dev/null
  log "($label) run $run: raw COPY into the indexed tables, search rows by $mode (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  cpu_watch "raw-$mode-$run"
  started=$(now)
  copy_from_files
  if [ "$mode" = copy ]; then copy_search_rows; else fill_search_rows; fi
  raw_session "SELECT search_suggestions_refresh(); ANALYZE $(tr ' ' ',' <<<"$LOADED_TABLES"), $(tr ' ' ',' <<<"$SEARCH_TABLES"), search_suggestions;" >/dev/null
  sql "$RAW_DB" -c "VACUUM posting_search_places" >/dev/null   # as the loader does, for index-only radius searches
  finished=$(now)
  cpu_unwatch
  CPU_LINES+=("($label) run $run: $(cpu_summary "raw-$mode-$run")")
  if [ "$mode" = copy ]; then INDEXED_TIMES+=("$(seconds "$started" "$finished")"); else RAW_TIMES+=("$(seconds "$started" "$finished")"); fi
  log "    $(seconds "$started" "$finished") s"
}

# The search and recommendation rows as (a) wrote them, in two sessions.
copy_search_rows() {
  raw_session "COPY search_keys FROM '$ROWS/search_keys.bin' (FORMAT binary); COPY posting_search FROM '$ROWS/posting_search.bin' (FORMAT binary)" &
  local search=$!
  raw_session "COPY posting_search_places FROM '$ROWS/posting_search_places.bin' (FORMAT binary);
               COPY posting_category_places FROM '$ROWS/posting_category_places.bin' (FORMAT binary);
               COPY posting_category_lists FROM '$ROWS/posting_category_lists.bin' (FORMAT binary)"
  wait "$search"
}

# (c) with the search rows filled from the views, (d) with them copied: run_raw_copy_deferred RUN fill|copy
run_raw_copy_deferred() {
  local run=$1 mode=$2 started finished suggestions label=c
  # The loader defers the indexes of every table it writes; filling the search rows from the views needs the loaded
  # tables' own (each posting's places are found through posting_locations.posting_id), so (c) defers only the others.
  local deferred_tables="$SEARCH_TABLES"
  [ "$mode" = copy ] && label=d deferred_tables="$LOADED_TABLES $SEARCH_TABLES"
  fresh_database "$RAW_DB"
  sql "$RAW_DB" -f "$OUT/schema.sql" >/dev/null
  log "($label) run $run: raw COPY with the loader's deferred indexes, search rows by $mode (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  cpu_watch "$mode-deferred-$run"
  started=$(now)
  # The same indexes the loader defers, read from the catalog, with their access methods.
  sql "$RAW_DB" -F $'\t' -c "
    SELECT i.indexrelid::regclass, pg_get_indexdef(i.indexrelid), a.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
    WHERE i.indrelid = ANY (string_to_array('$deferred_tables', ' ')::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique
    ORDER BY 1" >"$OUT/deferred-indexes.tsv"
  raw_session "$(cut -f1 "$OUT/deferred-indexes.tsv" | sed 's/^/DROP INDEX /; s/$/;/' | tr '\n' ' ')"
  # And autovacuum paused on the loaded tables, as the loader pauses it.
  raw_session "$(for t in $LOADED_TABLES $SEARCH_TABLES; do echo "ALTER TABLE $t SET (autovacuum_enabled = false);"; done)"
  copy_from_files
  if [ "$mode" = copy ]; then copy_search_rows; else fill_search_rows; fi
  raw_session "SELECT search_suggestions_refresh(); ANALYZE job_postings, posting_categories, posting_skills, posting_status_changes, search_suggestions;" >/dev/null &
  suggestions=$!
  # As the loader does: each GiST and GIN build in a session of its own, the B-trees one after another in one more.
  local builds=() definition
  while IFS=$'\t' read -r _ definition _; do
    raw_session "$definition" & builds+=($!)
  done < <(awk -F'\t' '$3 == "gist" || $3 == "gin"' "$OUT/deferred-indexes.tsv")
  raw_session "$(awk -F'\t' '$3 != "gist" && $3 != "gin" { print $2 ";" }' "$OUT/deferred-indexes.tsv")" &
  builds+=($!)
  wait "${builds[@]}" "$suggestions"
  raw_session "$(for t in $LOADED_TABLES $SEARCH_TABLES; do echo "ALTER TABLE $t RESET (autovacuum_enabled);"; done)"
  raw_session "ANALYZE posting_locations, $(tr ' ' ',' <<<"$SEARCH_TABLES")" >/dev/null
  sql "$RAW_DB" -c "VACUUM posting_search_places" >/dev/null
  finished=$(now)
  cpu_unwatch
  CPU_LINES+=("($label) run $run: $(cpu_summary "$mode-deferred-$run")")
  if [ "$mode" = copy ]; then COPIED_TIMES+=("$(seconds "$started" "$finished")"); else DEFERRED_TIMES+=("$(seconds "$started" "$finished")"); fi
  log "    $(seconds "$started" "$finished") s"
}

SEED_TIMES=() LOADER_TIMES=() PEAK_RSS=() RAW_TIMES=() DEFERRED_TIMES=() COPIED_TIMES=() INDEXED_TIMES=() CPU_LINES=()
for run in $(seq 1 "$RUNS"); do
  run_seed "$run"
  [ "$run" -eq 1 ] && export_rows
  [[ " $RAW_STEPS " == *" b "* ]] && run_raw_copy "$run" fill
  [[ " $RAW_STEPS " == *" c "* ]] && run_raw_copy_deferred "$run" fill
  [[ " $RAW_STEPS " == *" d "* ]] && run_raw_copy_deferred "$run" copy
  [[ " $RAW_STEPS " == *" e "* ]] && run_raw_copy "$run" copy
done
# The last seed run's board stays in $DB for the search benchmarks.
sql postgres -c "DROP DATABASE IF EXISTS $RAW_DB WITH (FORCE)"
rm -rf "$ROWS"

ROW_COUNTS=$(sql "$DB" -F ' ' -c "SELECT (SELECT count(*) FROM job_postings), (SELECT count(*) FROM posting_locations), (SELECT count(*) FROM posting_categories),
  (SELECT count(*) FROM posting_skills), (SELECT count(*) FROM posting_status_changes), (SELECT count(*) FROM posting_search)")
read -r POSTINGS LOCATIONS CATEGORIES SKILLS CHANGES SEARCHABLE <<<"$ROW_COUNTS"
ALL_ROWS=$((POSTINGS + LOCATIONS + CATEGORIES + SKILLS + CHANGES + SEARCHABLE))
SEED=$(median "${SEED_TIMES[@]}")
LOADER=$(median "${LOADER_TIMES[@]}")
RAW=$(median "${RAW_TIMES[@]}")
DEFERRED=$(median "${DEFERRED_TIMES[@]}")
COPIED=$(median "${COPIED_TIMES[@]}")
INDEXED=$(median "${INDEXED_TIMES[@]}")
rate() { [ "$2" = n/a ] && { echo n/a; return; }; awk -v n="$1" -v t="$2" 'BEGIN { printf "%d", n / t }'; }
ratio() { [ "$1" = n/a ] && { echo n/a; return; }; awk -v raw="$1" -v ours="$2" 'BEGIN { printf "%.2f", raw / ours }'; }

{
  echo "## Bulk load: $N postings ($(date -u +%Y-%m-%d), $RUNS run(s), medians)"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM;" \
    "$(sql postgres -c 'SHOW server_version' | cut -d' ' -f1) ($(sql postgres -c "SELECT string_agg(name || ' = ' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('max_wal_size', 'checkpoint_timeout', 'maintenance_work_mem', 'shared_buffers', 'effective_cache_size', 'work_mem')"))."
  echo
  echo "Rows: $POSTINGS postings, $LOCATIONS locations, $CATEGORIES categories, $SKILLS skills, $CHANGES status changes, $SEARCHABLE search rows ($ALL_ROWS in all)."
  echo
  echo "| what | seconds | postings/s | rows/s | raw time ÷ this |"
  echo "|---|---:|---:|---:|---:|"
  echo "| (a) \`./jobboard.sh seed --synthetic $N\`, end to end | $SEED | $(rate "$POSTINGS" "$SEED") | $(rate "$ALL_ROWS" "$SEED") | $(ratio "$RAW" "$SEED") (vs c: $(ratio "$DEFERRED" "$SEED"), vs d: $(ratio "$COPIED" "$SEED"), vs e: $(ratio "$INDEXED" "$SEED")) |"
  echo "| (a) the loader's own time (its summary line) | $LOADER | $(rate "$POSTINGS" "$LOADER") | $(rate "$ALL_ROWS" "$LOADER") | $(ratio "$RAW" "$LOADER") (vs c: $(ratio "$DEFERRED" "$LOADER"), vs d: $(ratio "$COPIED" "$LOADER"), vs e: $(ratio "$INDEXED" "$LOADER")) |"
  echo "| (b) raw COPY into the indexed tables + search fill | $RAW | $(rate "$POSTINGS" "$RAW") | $(rate "$ALL_ROWS" "$RAW") | |"
  echo "| (c) raw COPY, indexes deferred as the loader does | $DEFERRED | $(rate "$POSTINGS" "$DEFERRED") | $(rate "$ALL_ROWS" "$DEFERRED") | |"
  echo "| (d) raw COPY of every row, search rows too, indexes deferred | $COPIED | $(rate "$POSTINGS" "$COPIED") | $(rate "$ALL_ROWS" "$COPIED") | |"
  echo "| (e) raw COPY of every row, search rows too, into the indexed tables | $INDEXED | $(rate "$POSTINGS" "$INDEXED") | $(rate "$ALL_ROWS" "$INDEXED") | |"
  echo
  echo "All runs (s): seed ${SEED_TIMES[*]}; loader ${LOADER_TIMES[*]}; raw ${RAW_TIMES[*]}; raw deferred ${DEFERRED_TIMES[*]}; raw copied ${COPIED_TIMES[*]}; raw copied into indexed tables ${INDEXED_TIMES[*]}."
  echo "Loader peak RSS (kB): ${PEAK_RSS[*]}."
  echo
  echo "CPU seconds used during each step (2 cores give 2 CPU-seconds per second; \"other processes\" is everyone else's work on the machine):"
  echo
  printf -- '- %s\n' "${CPU_LINES[@]}"
  echo
  echo "Sizes after the load (database $DB):"
  echo
  echo "| relation | kind | size |"
  echo "|---|---|---:|"
  sql "$DB" -c "
    SELECT format('| %s | %s | %s |', name, kind, pg_size_pretty(bytes)) FROM (
      SELECT t.relname AS tab, 0 AS ord, t.relname AS name, 'table (with TOAST)' AS kind, pg_table_size(t.oid) AS bytes FROM pg_class t
      WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r' AND t.relname = ANY (string_to_array('$LOADED_TABLES posting_search search_suggestions', ' '))
      UNION ALL
      SELECT t.relname, 1, i.relname, 'index on ' || t.relname, pg_relation_size(i.oid) FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY (string_to_array('$LOADED_TABLES posting_search search_suggestions', ' '))
      UNION ALL
      SELECT 'zz', 2, '**database $DB**', 'all', pg_database_size(current_database())) sizes
    ORDER BY tab, ord, bytes DESC"
  echo
  echo "Loaded board: $(connection_string "$DB")"
} | tee "$OUT/report.md"
