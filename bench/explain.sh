#!/usr/bin/env bash
# Shows EXPLAIN (ANALYZE, BUFFERS) of the SQL the app really runs for the benchmark's searches: the app is started
# with PostgreSQL's auto_explain loaded into its sessions, each search is requested once (after a warm-up), and the
# plans are cut out of the server log. Needs a superuser connection (the private cluster of ./jobboard.sh is one).
#
#   bench/explain.sh                                  # private cluster, its log in .data/postgres/server.log
#   ConnectionStrings__JobBoard=... PG_LOG=/path/to/server.log bench/explain.sh
#   bench/explain.sh '/jobs?q=nurse&location=Brooklyn%2C+NY'     # these paths instead of the benchmark's searches
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PORT=${BENCH_PORT:-5092}
BASE="http://127.0.0.1:$PORT"
PG_LOG=${PG_LOG:-$ROOT/.data/postgres/server.log}
OUT="$ROOT/.tmp/bench"
mkdir -p "$OUT"

if [ -z "${ConnectionStrings__JobBoard:-}" ]; then
  ConnectionStrings__JobBoard=$("$ROOT/jobboard.sh" db | tail -n 1)
fi
# Plans of every statement, with timings and buffers, into the server log.
EXPLAINING="$ConnectionStrings__JobBoard;Options=-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=5 -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on -c auto_explain.log_timing=on;Max Auto Prepare=0"

dotnet build src/JobBoard.Web -c Release -v quiet -nologo >/dev/null
ConnectionStrings__JobBoard=$EXPLAINING ASPNETCORE_URLS=$BASE Database__Migrate=false Serilog__MinimumLevel__Default=Warning RateLimiting__SearchesPerMinute=0 \
  dotnet src/JobBoard.Web/bin/Release/net10.0/JobBoard.Web.dll --contentRoot "$ROOT/src/JobBoard.Web" >"$OUT/explain-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
if ! curl -fs "$BASE/health/ready" >/dev/null 2>&1 && grep -q "jobboard.sh migrate" "$OUT/explain-app.log"; then
  echo "the database is behind the code: run ./jobboard.sh migrate first" >&2
  exit 1
fi

RECOMMENDED_ID=$(psql "$(python3 "$ROOT/bench/psql_url.py" "$ConnectionStrings__JobBoard")" -qAtc "SELECT posting_id FROM posting_search ORDER BY posting_id OFFSET (SELECT count(*) / 3 FROM posting_search) LIMIT 1")
scenarios=(
  "keyword|/jobs?q=${BENCH_TYPICAL_QUERY:-pharmacist}"
  "keyword + radius|/jobs?q=nurse&location=Chicago%2C+IL&radius=50"
  "filters only|/jobs?category=healthcare&mode=remote&type=full-time"
  "deep page|/jobs?category=sales&page=50"
  "radius + filter|/jobs?location=Manchester%2C+United+Kingdom&radius=100&mode=onsite"
  "worst case|/jobs?q=${BENCH_WORST_QUERY:-experience}"
  "recommendations (uncached)|/api/v1/jobs/$RECOMMENDED_ID/recommendations"
)
if [ $# -gt 0 ]; then
  scenarios=()
  for path in "$@"; do scenarios+=("$path|$path"); done
fi
# Warm-up; a recommendations list is cached per posting and limit, so its warm-up asks for another limit.
for scenario in "${scenarios[@]}"; do
  url=${scenario#*|}
  [[ $url == */recommendations ]] && url="$url?limit=5"
  curl -fs -o /dev/null "$BASE$url"
done
for scenario in "${scenarios[@]}"; do
  name=${scenario%%|*} url=${scenario#*|}
  start=$(wc -l <"$PG_LOG")
  curl -fs -o /dev/null "$BASE$url"
  sleep 0.5
  echo "### $name — \`$url\`"
  echo
  echo '```'
  tail -n +"$((start + 1))" "$PG_LOG" | sed -E 's/^[0-9-]+ [0-9:.]+ [A-Z]+ \[[0-9]+\] //'
  echo '```'
  echo
done
