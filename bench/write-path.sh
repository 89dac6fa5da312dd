#!/usr/bin/env bash
# What one posting's save costs the database (docs/benchmarks.md, "Issue 15: the write path"), with pgbench on one
# connection against a loaded board (./jobboard.sh seed --synthetic N first):
#   edit, before   an edit of one published posting's title, then posting_search_refresh called by the writer in the
#                  same transaction, as JobBoardDbContext did until issue 15 (the write-path triggers disabled);
#   edit, after    the same UPDATE alone: the triggers note the posting and refresh it at commit;
#   new, before / new, after   a new published posting with its place, categories and skills (a copy of a random one,
#                  five statements in one transaction, as an EF save sends them), refreshed the same two ways.
#   bench/write-path.sh [TRANSACTIONS]   500 by default; JOBBOARD_PG_PORT and BENCH_DB (default jobboard) as for psql
# The new postings it adds are deleted at the end. The figures are milliseconds per transaction, pgbench's average.
set -euo pipefail

TRANSACTIONS=${1:-500}
PORT=${JOBBOARD_PG_PORT:-55434}
DB=${BENCH_DB:-jobboard}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB" -X -q -v ON_ERROR_STOP=1)
SCRIPTS=$(mktemp -d)
trap 'rm -rf "$SCRIPTS"' EXIT

MAX_ID=$("${PSQL[@]}" -At -c "SELECT max(id) FROM job_postings")
TRIGGERS=$("${PSQL[@]}" -At -c "
  SELECT string_agg(format('ALTER TABLE %s %%s TRIGGER %I;', tgrelid::regclass, tgname), ' ')
  FROM pg_trigger WHERE tgname LIKE 'posting_search_on_%'")
switch_triggers() { "${PSQL[@]}" -c "${TRIGGERS//%s/$1}"; }

edit() { # $1: the refresh the writer adds, if any
  cat <<SQL
\\set id random(1, $MAX_ID)
BEGIN;
UPDATE job_postings SET title = left(title, 190) || ' ' || (:id % 7), updated_at = now()
WHERE id = (SELECT posting_id FROM posting_search WHERE posting_id >= :id ORDER BY posting_id LIMIT 1) RETURNING id AS edited \\gset
$1
COMMIT;
SQL
}

new_posting() { # $1: the refresh the writer adds, if any
  cat <<SQL
\\set id random(1, $MAX_ID)
BEGIN;
SELECT posting_id AS source FROM posting_search WHERE posting_id >= :id ORDER BY posting_id LIMIT 1 \\gset
INSERT INTO job_postings (company_id, title, slug, summary, core_responsibilities, responsibilities, salary_currency, salary_min,
    salary_max, salary_period, work_mode, employment_type, seniority, applicant_countries, date_posted, valid_through, status,
    created_at, updated_at, requirements, sections)
SELECT company_id, title, slug, summary, core_responsibilities, responsibilities, salary_currency, salary_min, salary_max,
    salary_period, work_mode, employment_type, seniority, applicant_countries, current_date, valid_through, 'Published', now(), now(),
    requirements, sections
FROM job_postings WHERE id = :source RETURNING id AS edited \\gset
INSERT INTO posting_locations (posting_id, position, city, region, region_code, country_code, country_name, latitude, longitude)
SELECT :edited, position, city, region, region_code, country_code, country_name, latitude, longitude FROM posting_locations WHERE posting_id = :source;
INSERT INTO posting_categories SELECT :edited, category_id, position FROM posting_categories WHERE posting_id = :source;
INSERT INTO posting_skills SELECT :edited, skill_id, position FROM posting_skills WHERE posting_id = :source;
$1
COMMIT;
SQL
}

edit 'SELECT posting_search_refresh(ARRAY[:edited]);' > "$SCRIPTS/edit-before.sql"
edit '' > "$SCRIPTS/edit-after.sql"
new_posting 'SELECT posting_search_refresh(ARRAY[:edited]);' > "$SCRIPTS/new-before.sql"
new_posting '' > "$SCRIPTS/new-after.sql"

run() { # $1: script; prints the average latency in ms, and keeps the functions' times (pg_stat_user_functions)
  "${PSQL[@]}" -c "SELECT pg_stat_reset()" >/dev/null
  PGOPTIONS="-c track_functions=all" "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PORT" -U postgres -n -c 1 -t "$TRANSACTIONS" -f "$SCRIPTS/$1.sql" "$DB" 2>&1 |
    awk '/latency average/ { print $4 }'
  sleep 1
  "${PSQL[@]}" -At -F ' ' -c "
    SELECT funcname, round((total_time / calls)::numeric, 2), round((self_time / calls)::numeric, 2), calls FROM pg_stat_user_functions
    WHERE funcname LIKE 'posting_search%' AND calls > 0 ORDER BY funcname" > "$SCRIPTS/$1.functions"
}

"${PSQL[@]}" -c "CHECKPOINT"
run edit-after >/dev/null # warm-up
switch_triggers DISABLE
trap 'switch_triggers ENABLE; rm -rf "$SCRIPTS"' EXIT
edit_before=$(run edit-before)
new_before=$(run new-before)
switch_triggers ENABLE
trap 'rm -rf "$SCRIPTS"' EXIT
edit_after=$(run edit-after)
new_after=$(run new-after)
"${PSQL[@]}" -c "DELETE FROM job_postings WHERE id > $MAX_ID"

printf '%-12s %8s %8s\n' "ms/save" before after
printf '%-12s %8s %8s\n' edit "$edit_before" "$edit_after"
printf '%-12s %8s %8s\n' "new posting" "$new_before" "$new_after"
for script in edit-before edit-after new-before new-after; do
  echo "$script, ms per call (total, self) and calls:"
  sed 's/^/  /' "$SCRIPTS/$script.functions"
done
"${PSQL[@]}" -At -c "
  SELECT 'derived rows differing from the views: ' || (
    (SELECT count(*) FROM ((TABLE posting_search EXCEPT ALL TABLE posting_search_source) UNION ALL (TABLE posting_search_source EXCEPT ALL TABLE posting_search)) d)
    + (SELECT count(*) FROM ((TABLE posting_search_places EXCEPT ALL TABLE posting_search_places_source) UNION ALL (TABLE posting_search_places_source EXCEPT ALL TABLE posting_search_places)) d))"
