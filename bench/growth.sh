#!/usr/bin/env bash
# How cost grows with the board: for each size, a fresh private cluster of ./jobboard.sh (its own data folder and
# port, sized by the script as always), the synthetic board loaded into it (timed), then bench/search.sh on it with the
# same random searches (one BENCH_SEED for every size). Prints one table: the load time and each scenario's p50 / p95
# at every size. Each size's full report stays in .tmp/bench/growth-N.md; its data folder is removed afterwards unless
# GROWTH_KEEP=1 (3,000,000 postings take about 15 GB).
#
#   bench/growth.sh                          # 100,000, 1,000,000 and 3,000,000 postings
#   bench/growth.sh 100000 1000000           # these sizes
#   BENCH_DURATION=10s BENCH_SEED=7 bench/growth.sh
#   GROWTH_TABLE_ONLY=1 bench/growth.sh 100000 1000000   # only the table, from the reports of earlier runs
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT="$ROOT/.tmp/bench"
mkdir -p "$OUT"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000 1000000 3000000)
export BENCH_SEED=${BENCH_SEED:-$RANDOM}

for size in "${SIZES[@]}"; do
  [ "${GROWTH_TABLE_ONLY:-}" != 1 ] || break
  data="$ROOT/.tmp/growth-$size"
  export JOBBOARD_DATA_DIR=$data JOBBOARD_PG_PORT=${GROWTH_PG_PORT:-55480}
  rm -rf "$data"
  echo "loading $size postings into $data" >&2
  start=$(date +%s.%N)
  ./jobboard.sh seed --synthetic "$size" >"$OUT/growth-$size-load.log" 2>&1
  load=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
  connection=$(./jobboard.sh db 2>/dev/null | tail -n 1)
  echo "benchmarking $size postings" >&2
  { echo "Load: ${load} s end to end; $(grep -E '^Loaded ' "$OUT/growth-$size-load.log")"
    ConnectionStrings__JobBoard=$connection BENCH_PORT=${GROWTH_PORT:-5480} bench/search.sh 2>"$OUT/growth-$size-bench.log"
  } >"$OUT/growth-$size.md"
  ./jobboard.sh stop-db >/dev/null 2>&1 || true
  [ "${GROWTH_KEEP:-}" = 1 ] || rm -rf "$data"
done

python3 - "$OUT" "${SIZES[@]}" <<'PY'
import re, sys
out, sizes = sys.argv[1], sys.argv[2:]
rows, loads, boards = {}, {}, {}
for size in sizes:
    text = open(f"{out}/growth-{size}.md", encoding="utf-8").read()
    loads[size] = re.search(r"Load: (\d+) s", text).group(1)
    boards[size] = re.search(r"Board: (\d+) searchable", text).group(1)
    for name, p50, p95 in re.findall(r"^\| (.+?) \| ([0-9.]+) \| ([0-9.]+) \|", text, re.M):
        rows.setdefault(name, {})[size] = (p50, p95)
print("| p50 / p95 ms | " + " | ".join(f"{int(s):,} postings" for s in sizes) + " |")
print("|---|" + "---:|" * len(sizes))
print("| searchable postings | " + " | ".join(f"{int(boards[s]):,}" for s in sizes) + " |")
print("| load, end to end (s) | " + " | ".join(loads[s] for s in sizes) + " |")
for name, by_size in rows.items():
    print(f"| {name} | " + " | ".join(" / ".join(by_size[s]) if s in by_size else "—" for s in sizes) + " |")
PY
