#!/usr/bin/env bash
# Lighthouse (Google's page audit, mobile: a mid-range phone on a slow 4G link, simulated) on the pages a seeker sees
# first: home, a search (noindex, so its SEO score stays low by design), a category's landing page, the company
# directory and the two seed ads. Prints one Markdown row per page with the four category scores and the
# first and largest contentful paint, and keeps each full report (HTML and JSON) under .tmp/lighthouse/.
#
#   bench/lighthouse.sh                          # the board of ./jobboard.sh run on http://127.0.0.1:5000
#   LIGHTHOUSE_BASE=http://127.0.0.1:56510 bench/lighthouse.sh
#   LIGHTHOUSE_PRESET=desktop bench/lighthouse.sh
#
# Needs Node 20 (Debian's nodejs) and Chromium (Debian's chromium); installs Lighthouse 12.2.3 (the newest that runs
# on Node 20) under .tmp/lighthouse/tool on the first run. Absolute paint times depend on the machine's load: run it
# on a quiet machine, and read the scores Lighthouse computes from its simulated network, not the wall clock.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BASE=${LIGHTHOUSE_BASE:-http://127.0.0.1:5000}
PRESET=${LIGHTHOUSE_PRESET:-mobile}
OUT="$ROOT/.tmp/lighthouse"
TOOL="$OUT/tool"
mkdir -p "$OUT" "$TOOL"

command -v node >/dev/null || { echo "installing nodejs" >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
[ -x /usr/bin/chromium ] || { echo "installing chromium" >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
if [ ! -x "$TOOL/node_modules/.bin/lighthouse" ]; then
  echo "installing lighthouse 12.2.3 under $TOOL" >&2
  (cd "$TOOL" && npm init -y >/dev/null && npm install --no-audit --no-fund -E lighthouse@12.2.3 >/dev/null)
fi

# The seed ads by their titles (the demo data of ./jobboard.sh run), through the JSON API.
seed_url() {
  curl -fsS "$BASE/api/v1/jobs?q=$1&limit=1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["items"][0]["url"])'
}
PAGES=(
  "home|$BASE/"
  "search|$BASE/jobs?q=sales&location=Chicago"
  "category page|$BASE/jobs?category=sales"
  "companies|$BASE/companies"
  "Chicago seed ad|$(seed_url '%22Director%20lead%22')"
  "Bucharest seed ad|$(seed_url '%22Key%20Account%20Manager%22%20Bucharest')"
)

printf '| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |\n|---|---|---|---|---|---|---|---|---|\n'
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}
  url=${entry#*|}
  file="$OUT/$(echo "$name" | tr ' ' '-')"
  preset=()
  [ "$PRESET" = desktop ] && preset=(--preset=desktop)
  CHROME_PATH=/usr/bin/chromium "$TOOL/node_modules/.bin/lighthouse" "$url" "${preset[@]}" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update" \
    --output=json --output=html --output-path="$file" >/dev/null 2>"$file.log" || { echo "| $name | lighthouse failed: see $file.log |"; continue; }
  python3 - "$name" "$file.report.json" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
report = json.load(open(path))
score = lambda key: round(report["categories"][key]["score"] * 100)
audit = lambda key: report["audits"][key]["displayValue"]
print(f"| {name} | {score('performance')} | {score('accessibility')} | {score('best-practices')} | {score('seo')} "
      f"| {audit('first-contentful-paint')} | {audit('largest-contentful-paint')} | {audit('total-blocking-time')} "
      f"| {audit('cumulative-layout-shift')} |")
PY
done
echo "reports: $OUT" >&2
