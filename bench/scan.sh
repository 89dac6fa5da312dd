#!/usr/bin/env bash
# Scans a throwaway demo board on loopback with Debian's wapiti (crawl + attack modules) and sqlmap (SQL injection in
# the search and API parameters and the recruiter's list filters), as a guest and signed in as each demo role, and
# prints a summary; the full reports go to .tmp/scan/. The board gets its own private cluster (a folder under .tmp,
# port 55493) and its own port (5093), so it never touches the board of ./jobboard.sh run. Rate limits are off on it:
# the scanners send far more than any visitor may.
#
#   bench/scan.sh                     # about half an hour
#   SCAN_MINUTES=2 bench/scan.sh      # wapiti's time per role
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT="$ROOT/.tmp/scan"
PORT=${SCAN_PORT:-5093}
BASE="http://localhost:$PORT"
MINUTES=${SCAN_MINUTES:-3}
PASSWORD=JobBoard-demo-2026
rm -rf "$OUT" && mkdir -p "$OUT"

command -v wapiti >/dev/null && command -v sqlmap >/dev/null || {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wapiti sqlmap >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wapiti sqlmap >/dev/null; }
}

export JOBBOARD_DATA_DIR="$ROOT/.tmp/scan-board" JOBBOARD_PG_PORT=55493 ASPNETCORE_URLS="$BASE"
export RateLimiting__SearchesPerMinute=0 RateLimiting__ReportsPerHour=0 RateLimiting__AppliesPerMinute=0 \
  RateLimiting__AccountPostsPerMinute=0 RateLimiting__AlertPostsPerHour=0
"$ROOT/jobboard.sh" run >"$OUT/board.log" 2>&1 &
BOARD=$!
trap 'kill $BOARD 2>/dev/null; wait $BOARD 2>/dev/null; "$ROOT/jobboard.sh" stop-db >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 600); do curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/health/ready" >/dev/null || { echo "the board did not start; see $OUT/board.log" >&2; exit 1; }

# A session cookie of a demo account, signed in through the form as a browser would.
session_of() {
  local jar="$OUT/$1.cookies" token
  token=$(curl -s -c "$jar" "$BASE/Account/SignIn" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Form.Email=$1" --data-urlencode "Form.Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/SignIn"
  awk '$6 == "jobboard.session" { print "jobboard.session=" $7 }' "$jar"
}

# Debian's wapiti 3.0.4 compiles its exclusion patterns with the flags at the end, which Python 3.11 refuses: a
# patched copy of its crawler module, first on the path, puts them at the start.
PATCHED="$ROOT/.tmp/scan-tools"
mkdir -p "$PATCHED"
cp -r /usr/lib/python3/dist-packages/wapitiCore "$PATCHED/"
python3 - "$PATCHED/wapitiCore/net/crawler.py" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read().replace("re.compile(res + r'\\Z(?ms)')", "re.compile(r'(?ms)' + res + r'\\Z')")
open(path, "w").write(text)
PY
export PYTHONPATH="$PATCHED${PYTHONPATH:+:$PYTHONPATH}"

# Never sign the scanner out or delete its account half way.
EXCLUDE=(-x "$BASE/Account/SignOut" -x "$BASE/Account/Delete" -x "$BASE/Account/ChangePassword")
scan_as() {
  local who=$1 cookie=$2 header=()
  [ -z "$cookie" ] || header=(-H "Cookie: $cookie")
  echo "wapiti as $who ($MINUTES min)" >&2
  # --max-scan-time bounds the crawl; each attack module is bounded on its own (blind SQL takes minutes otherwise).
  wapiti -u "$BASE/" --scope folder --flush-session --max-scan-time "$((MINUTES * 60))" --max-attack-time 60 --max-links-per-page 40 \
    "${header[@]}" "${EXCLUDE[@]}" -f json -o "$OUT/wapiti-$who.json" >"$OUT/wapiti-$who.log" 2>&1 || true
}

scan_as guest ""
RECRUITER=$(session_of recruiter@novartis.example)
SEEKER=$(session_of seeker@jobboard.example)
ADMIN=$(session_of admin@jobboard.example)
[ -n "$RECRUITER" ] && [ -n "$SEEKER" ] && [ -n "$ADMIN" ] || { echo "a demo account could not sign in; see $OUT/*.cookies" >&2; exit 1; }
scan_as seeker "$SEEKER"
scan_as recruiter "$RECRUITER"
scan_as admin "$ADMIN"

echo "sqlmap: search, API and the recruiter's list" >&2
sqlmap_on() { sqlmap --batch --level 2 --risk 1 --disable-coloring --output-dir="$OUT/sqlmap" "$@" >>"$OUT/sqlmap.log" 2>&1 || true; }
sqlmap_on -u "$BASE/jobs?q=nurse&location=Chicago&radius=50&salaryMin=50000&type=full-time"
sqlmap_on -u "$BASE/api/v1/jobs?q=nurse&location=Chicago&page=1"
sqlmap_on -u "$BASE/Recruiter?q=sales&status=Published" --cookie "$RECRUITER"
sqlmap_on -u "$BASE/Admin/Users?q=seeker" --cookie "$ADMIN"

# The summary: wapiti's findings by category and level, and whether sqlmap found any parameter injectable.
python3 - "$OUT" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
print("| role | requests crawled | findings (category: count, level) |")
print("|---|---|---|")
for report in sorted(out.glob("wapiti-*.json")):
    data = json.loads(report.read_text())
    found = []
    for kind in ("vulnerabilities", "anomalies", "additionals"):
        for category, items in (data.get(kind) or {}).items():
            if items:
                levels = sorted({str(i.get("level")) for i in items})
                found.append(f"{category}: {len(items)} (level {', '.join(levels)})")
    crawled = data.get("infos", {}).get("crawled_pages_nbr", "?")
    print(f"| {report.stem.removeprefix('wapiti-')} | {crawled} | {'; '.join(found) or 'none'} |")
log = (out / "sqlmap.log").read_text() if (out / "sqlmap.log").exists() else ""
print()
if "identified the following injection point" in log:
    print("sqlmap: an INJECTABLE parameter was found; see sqlmap.log")
else:
    print(f"sqlmap: {log.count('do not appear to be injectable')} of 4 targets ended 'all tested parameters do not appear to be injectable'")
PY
