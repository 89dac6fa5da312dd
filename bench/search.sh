#!/usr/bin/env bash
# Load-tests the running board's pages and API with hey (fixed concurrency), one scenario after another, and prints
# a Markdown table of p50/p95/p99 latency and throughput, each scenario also as a ratio to /health/live and to the
# details page measured in the same run, plus the web process's peak resident memory. The last two scenarios are
# recommendations of postings picked at random (wrk), so their one-minute cache does not answer them.
#
#   bench/search.sh                      # starts the app on the private cluster of ./jobboard.sh (seed it first)
#   ConnectionStrings__JobBoard=... bench/search.sh
#   BENCH_DURATION=30s BENCH_CONCURRENCY=8 bench/search.sh
#   BENCH_ONLY='recommendations' bench/search.sh   # only the scenarios whose name matches (plus live and details)
#   BENCH_WARMUP=8s bench/search.sh      # unmeasured load first: this long on each URL, 4 times it on random postings
#   BENCH_SOAK=10m bench/search.sh       # then this long of mixed traffic, and the resident memory after it against
#                                        # after the warm-up (DESIGN.md: at most 1.2x)
#
# Seed a big board first: ./jobboard.sh seed --synthetic 1000000
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DURATION=${BENCH_DURATION:-20s}
CONCURRENCY=${BENCH_CONCURRENCY:-4}
PORT=${BENCH_PORT:-5090}
BASE="http://127.0.0.1:$PORT"
OUT="$ROOT/.tmp/bench"
mkdir -p "$OUT"

# A fresh machine may have no package lists yet: read them once when the first install fails.
apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }; }
command -v hey >/dev/null || { echo "installing hey" >&2; apt_install hey; }

if [ -z "${ConnectionStrings__JobBoard:-}" ]; then
  ConnectionStrings__JobBoard=$("$ROOT/jobboard.sh" db | tail -n 1)
fi
export ConnectionStrings__JobBoard
PSQL_URL=$(python3 "$ROOT/bench/psql_url.py" "$ConnectionStrings__JobBoard")

echo "building" >&2
dotnet build src/JobBoard.Web -c Release -v quiet -nologo >/dev/null
ASPNETCORE_URLS=$BASE Database__Migrate=false Serilog__MinimumLevel__Default=Warning RateLimiting__SearchesPerMinute=0 \
  dotnet src/JobBoard.Web/bin/Release/net10.0/JobBoard.Web.dll --contentRoot "$ROOT/src/JobBoard.Web" >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
if ! curl -fs "$BASE/health/ready" >/dev/null; then
  # The app runs without migrating (as in production): a board whose schema is behind the code must be migrated first.
  if grep -q "jobboard.sh migrate" "$OUT/app.log"; then echo "the database is behind the code: run ./jobboard.sh migrate first" >&2; fi
  echo "the app did not start; see $OUT/app.log" >&2
  exit 1
fi

psql_value() { psql "$PSQL_URL" -qAtc "$1"; }
# A server in steady state holds the search and recommendation tables in its buffers: load them there first (with
# pg_prewarm, where the connection may create the extension) so that the run does not time first reads from disk.
PREWARM="posting_search_places posting_search_places_pkey ix_posting_search_places_earth ix_posting_search_places_cell posting_category_places
  posting_category_places_pkey ix_posting_category_places_nearest posting_category_lists ix_posting_category_lists_newest
  posting_search_pkey ix_posting_search_match posting_search"
if psql_value "CREATE EXTENSION IF NOT EXISTS pg_prewarm" >/dev/null 2>&1; then
  echo "prewarming: $(psql_value "SELECT pg_size_pretty(sum(pg_prewarm(r::regclass)) * 8192) FROM unnest(string_to_array('$(echo $PREWARM)', ' ')) r")" >&2
fi
POSTINGS=$(psql_value "SELECT count(*) FROM posting_search")
DETAILS_ID=$(psql_value "SELECT posting_id FROM posting_search ORDER BY posting_id OFFSET (SELECT count(*) / 2 FROM posting_search) LIMIT 1")
DETAILS_URL=$(curl -fs -o /dev/null -w '%{redirect_url}' "$BASE/jobs/$DETAILS_ID")
# A typical keyword matches at most a few thousand postings; the worst case is a word in at least 5% of them.
TYPICAL=${BENCH_TYPICAL_QUERY:-"pharmacist"}
WORST=${BENCH_WORST_QUERY:-"experience"}
count_of() { curl -fs "$BASE/api/v1/jobs?$1&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

declare -a NAMES URLS
add() { NAMES+=("$1"); URLS+=("$2"); }
add "/health/live" "$BASE/health/live"
add "details page (output cache)" "$DETAILS_URL"
add "search: keyword ($TYPICAL)" "$BASE/jobs?q=$TYPICAL"
add "search: keyword + 50 km of Chicago" "$BASE/jobs?q=nurse&location=Chicago%2C+IL&radius=50"
add "search: radius 100 km + filter" "$BASE/jobs?location=Manchester%2C+United+Kingdom&radius=100&mode=onsite"
add "search: filters only" "$BASE/jobs?category=healthcare&mode=remote&type=full-time"
add "search: deep page (page 50)" "$BASE/jobs?category=sales&page=50"
add "search: worst case ($WORST)" "$BASE/jobs?q=$WORST"
add "api: keyword ($TYPICAL)" "$BASE/api/v1/jobs?q=$TYPICAL"
add "api: keyword + radius" "$BASE/api/v1/jobs?q=nurse&location=Chicago%2C+IL&radius=50"
add "api: worst case ($WORST)" "$BASE/api/v1/jobs?q=$WORST"

if [ -n "${BENCH_ONLY:-}" ]; then
  for i in "${!NAMES[@]}"; do
    if [ "$i" -gt 1 ] && ! grep -Eq -- "$BENCH_ONLY" <<<"${NAMES[$i]}"; then unset 'NAMES[i]' 'URLS[i]'; fi
  done
  NAMES=("${NAMES[@]}") URLS=("${URLS[@]}")
fi

# Random postings for the recommendation rows (see below), picked now so that the warm-up runs them too.
command -v wrk >/dev/null || { echo "installing wrk" >&2; apt_install wrk; }
psql_value "SELECT '/jobs/' || p.id || '/' || p.slug FROM posting_search s JOIN job_postings p ON p.id = s.posting_id ORDER BY random() LIMIT 50000" >"$OUT/details-paths.txt"
sed -E 's#^/jobs/([0-9]+)/.*#/api/v1/jobs/\1/recommendations#' "$OUT/details-paths.txt" >"$OUT/recommendations-paths.txt"
# Searches drawn at random from the board (its title words and titles, its 60 busiest cities, its facet values), a file
# per scenario of DESIGN.md §5; BENCH_SEED repeats a draw.
python3 "$ROOT/bench/search_scenarios.py" "$PSQL_URL" "$BASE" "$OUT" ${BENCH_SEED:-} 2>"$OUT/scenarios.txt"
RANDOM_SEARCHES=$(python3 -c 'import importlib.util, sys
spec = importlib.util.spec_from_file_location("s", sys.argv[1]); s = importlib.util.module_from_spec(spec); spec.loader.exec_module(s)
print("\n".join(f"{name}|{title}" for name, title in s.SCENARIOS.items()))' "$ROOT/bench/search_scenarios.py")
# The same posting page under a new query string each time: the output cache keys on it, so every request renders the
# page (the posting by key, Razor, its recommendations from the in-memory cache): what DESIGN.md calls the details page.
DETAILS_PATH=${DETAILS_URL#"$BASE"}
seq 1 200000 | sed "s#^#$DETAILS_PATH?render=#" >"$OUT/rendered-paths.txt"

# Unmeasured first, every scenario under the same load: .NET compiles each method quickly at first and again, optimised
# with what it saw, once it has been called often enough, and it puts that off while new code keeps being called. After
# a 5-second warm-up of the recommendation code alone the JIT was still compiling some 500 methods a second; after 40
# seconds it had stopped. A server in steady state has long been through that.
WARMUP=${BENCH_WARMUP:-4s}
echo "warming up: $WARMUP on each URL, 4 × $WARMUP on random postings" >&2
for url in "${URLS[@]}"; do hey -z "$WARMUP" -c "$CONCURRENCY" "$url" >/dev/null; done
for paths in rendered-paths.txt details-paths.txt recommendations-paths.txt $(cut -d'|' -f1 <<<"$RANDOM_SEARCHES" | sed 's/$/.txt/'); do
  PATHS="$OUT/$paths" wrk -t 2 -c "$CONCURRENCY" -d "$((4 * ${WARMUP%s}))s" -s "$ROOT/bench/random-paths.lua" "$BASE" >/dev/null
done

rss_mb() { awk -v field="$1:" '$1 == field { printf "%.0f", $2 / 1024 }' "/proc/$APP/status"; }
RSS_WARM=$(rss_mb VmRSS)

declare -A P50 P95 P99 RPS
for i in "${!URLS[@]}"; do
  echo "running ${NAMES[$i]}" >&2
  hey -z "$DURATION" -c "$CONCURRENCY" "${URLS[$i]}" >"$OUT/hey-$i.txt"
  read -r p50 p95 p99 rps errors < <(python3 - "$OUT/hey-$i.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
slowest = float(re.search(r"Slowest:\s+([0-9.]+) secs", text).group(1)) * 1000
def pct(p):
    # hey leaves out percentiles it has too few samples for; the slowest request stands in for them.
    found = re.search(rf"\b{p}%+ in ([0-9.]+) secs", text)
    return float(found.group(1)) * 1000 if found else slowest
rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
codes = dict((int(c), int(n)) for c, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", text))
bad = sum(n for c, n in codes.items() if c >= 400)
print(f"{pct(50):.1f} {pct(95):.1f} {pct(99):.1f} {rps:.0f} {bad}")
PY
)
  [ "$errors" -eq 0 ] || echo "warning: ${NAMES[$i]} had $errors error responses" >&2
  P50[$i]=$p50 P95[$i]=$p95 P99[$i]=$p99 RPS[$i]=$rps
done

# Recommendations where no cache helps: details pages and API calls of postings picked at random from 50,000 open ones
# (a posting's list is cached for a minute, so a run of 20 s at a few hundred requests a second asks for each at most
# once or twice). wrk, because hey cannot vary the URL.
RENDERED=${#NAMES[@]}
RANDOM_SCENARIOS=()
while IFS='|' read -r file title; do RANDOM_SCENARIOS+=("search, random: $title|$file.txt"); done <<<"$RANDOM_SEARCHES"
for scenario in "details page, rendered (a new query string each time)|rendered-paths.txt" \
  "details page with recommendations, random postings|details-paths.txt" "api: recommendations, random postings|recommendations-paths.txt" \
  "${RANDOM_SCENARIOS[@]}"; do
  name=${scenario%%|*} paths=${scenario#*|}
  [ -z "${BENCH_ONLY:-}" ] || [ "$paths" = rendered-paths.txt ] || grep -Eq -- "$BENCH_ONLY" <<<"$name" || continue
  echo "running $name" >&2
  i=${#NAMES[@]}
  NAMES+=("$name")
  read -r p50 p95 p99 rps errors < <(PATHS="$OUT/$paths" wrk -t 2 -c "$CONCURRENCY" -d "$DURATION" -s "$ROOT/bench/random-paths.lua" "$BASE" | tail -n 1)
  [ "$errors" -eq 0 ] || echo "warning: $name had $errors error responses" >&2
  P50[$i]=$p50 P95[$i]=$p95 P99[$i]=$p99 RPS[$i]=$rps
done

RSS_PEAK=$(rss_mb VmHWM)
RSS_NOW=$(rss_mb VmRSS)

# The soak: everything at once, in random order, for a long time — searches for the board's own titles and places
# (with and without a radius, pages 1 to 3, page and API), details pages read and rendered, recommendations — so that
# caches fill and turn over, and memory that is only ever added to would show.
if [ -n "${BENCH_SOAK:-}" ]; then
  psql_value "SELECT kind || E'\t' || term FROM search_suggestions ORDER BY random() LIMIT 4000" | python3 -c '
import random, sys
from urllib.parse import quote_plus
titles, places = [], []
for line in sys.stdin:
    kind, term = line.rstrip("\n").split("\t", 1)
    (titles if kind == "t" else places).append(quote_plus(term))
random.seed(1)
for _ in range(20000):
    title, place, page = random.choice(titles), random.choice(places), random.randint(1, 3)
    print(random.choice([f"/jobs?q={title}&page={page}", f"/jobs?location={place}&radius=50&page={page}",
                         f"/jobs?q={title}&location={place}&radius=100", f"/api/v1/jobs?q={title}&location={place}"]))
' >"$OUT/search-paths.txt"
  cat "$OUT/search-paths.txt" "$OUT/details-paths.txt" "$OUT/recommendations-paths.txt" <(head -n 50000 "$OUT/rendered-paths.txt") |
    shuf --random-source=<(yes) >"$OUT/soak-paths.txt"
  echo "soaking for $BENCH_SOAK: $(wc -l <"$OUT/soak-paths.txt") paths, in random order" >&2
  (while kill -0 "$APP" 2>/dev/null; do echo "$(date +%s) $(rss_mb VmRSS)"; sleep 30; done) >"$OUT/soak-rss.txt" &
  SAMPLER=$!
  read -r SOAK_P50 SOAK_P95 SOAK_P99 SOAK_RPS SOAK_ERRORS < <(PATHS="$OUT/soak-paths.txt" wrk -t 2 -c "$CONCURRENCY" -d "$BENCH_SOAK" -s "$ROOT/bench/random-paths.lua" "$BASE" | tail -n 1)
  kill "$SAMPLER" 2>/dev/null || true
  RSS_SOAKED=$(rss_mb VmRSS)
  RSS_PEAK=$(rss_mb VmHWM)
fi

echo
echo "Board: $POSTINGS searchable postings; hey -z $DURATION -c $CONCURRENCY; $(nproc) cores; $(date -u +%F)"
echo "Random searches: $(cat "$OUT/scenarios.txt")"
echo "Matches: $TYPICAL = $(count_of "q=$TYPICAL"), $WORST = $(count_of "q=$WORST"), nurse near Chicago = $(count_of "q=nurse&location=Chicago%2C+IL&radius=50")"
echo
echo "| scenario | p50 ms | p95 ms | p99 ms | req/s | p50 ÷ live p50 | p95 ÷ rendered details p50 |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for i in "${!NAMES[@]}"; do
  python3 - "${NAMES[$i]}" "${P50[$i]}" "${P95[$i]}" "${P99[$i]}" "${RPS[$i]}" "${P50[0]}" "${P50[$RENDERED]}" <<'PY'
import sys
name, p50, p95, p99, rps, live, details = sys.argv[1], *map(float, sys.argv[2:])
print(f"| {name} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {rps:.0f} | {p50 / live:.1f}× | {p95 / details:.1f}× |")
PY
done
echo
echo "Web process resident memory: after the warm-up ${RSS_WARM} MB, peak ${RSS_PEAK} MB, after the scenarios ${RSS_NOW} MB."
if [ -n "${BENCH_SOAK:-}" ]; then
  echo
  echo "Soak: $BENCH_SOAK of mixed traffic (wrk -t 2 -c $CONCURRENCY): p50 $SOAK_P50 ms, p95 $SOAK_P95 ms, p99 $SOAK_P99 ms," \
    "$SOAK_RPS req/s, $SOAK_ERRORS errors. Resident memory after it ${RSS_SOAKED} MB:" \
    "$(awk -v a="$RSS_SOAKED" -v b="$RSS_WARM" 'BEGIN { printf "%.2f", a / b }')× after the warm-up; every 30 s (MB):" \
    "$(awk '{ printf "%s ", $2 }' "$OUT/soak-rss.txt")"
fi
