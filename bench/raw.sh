#!/usr/bin/env bash
# Raw contact-log import against DuckDB's SQL of the same aggregation, side by side in one
# run (issue 12). Not part of CI. Usage:
#     RUNS=7 bash bench/raw.sh [ROWS] [BIG_ROWS]      # defaults 1,000,000 and 10,000,000
# Prints a Markdown table: wall time (median, min–max of RUNS runs, the two programs taking
# turns), CPU time (user + system, median), peak memory, the ratio of the medians, the load
# average before and after (other processes on the machine slow both sides), a cross-check
# of the figures of one month, and the time and peak memory of streaming a BIG_ROWS log.
# Needs: python3 with duckdb (`pip install duckdb`, installed here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
BIG=${2:-10000000}
RUNS=${RUNS:-5}
OUT=bench/out
mkdir -p "$OUT"
python3 -c "import duckdb" 2>/dev/null || pip install --quiet duckdb

cargo build --release --quiet --no-default-features --bin servicescope
BIN=target/release/servicescope
MAP=bench/raw-contact-log.mapping.ron
get() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$2'])" "$1"; }
ms() { python3 -c "import sys; print(f'{float(sys.argv[1])*1000:.0f} ms')" "$1"; }
mb() { python3 -c "import sys; print(f'{float(sys.argv[1]):.0f} MB')" "$1"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.1f}×')" "$1" "$2"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# a median over runs taken in turns: one run of each program per round
median_of() {
  python3 - "$@" <<'PY'
import json, sys
runs = [json.loads(x) for x in sys.argv[1:]]
def med(k):
    v = sorted(r[k] for r in runs)
    return v[len(v) // 2]
print(json.dumps({"median_s": med("median_s"), "min_s": min(r["min_s"] for r in runs),
                  "max_s": max(r["max_s"] for r in runs), "cpu_median_s": med("cpu_median_s"),
                  "peak_rss_mb": max(r["peak_rss_mb"] for r in runs)}))
PY
}

echo "generating a $ROWS-row contact log…"
$BIN gen-sample --layout contact-log --rows "$ROWS" --out "$OUT/log.csv" --force >/dev/null
size=$(du -m "$OUT/log.csv" | cut -f1)
duck_version=$(python3 -c 'import duckdb; print(duckdb.__version__)')

load_before=$(load)
ours_runs=()
duck_runs=()
for _ in $(seq "$RUNS"); do
  ours_runs+=("$(python3 bench/timeit.py 1 -- "$BIN" import "$OUT/log.csv" --mapping "$MAP" --out "$OUT/log.ron" --force)")
  duck_runs+=("$(python3 bench/timeit.py 1 -- python3 bench/duckdb_raw.py "$OUT/log.csv")")
done
load_after=$(load)
ours=$(median_of "${ours_runs[@]}")
duck=$(median_of "${duck_runs[@]}")

row() { printf "| %s | %s | %s | %s | %s |\n" "$@"; }
span() { echo "$(ms "$(get "$1" median_s)") ($(ms "$(get "$1" min_s)")–$(ms "$(get "$1" max_s)"))"; }
echo
echo "$(date -u +%F) $(nproc) cores, $RUNS runs each (taking turns), load average $load_before before, $load_after after"
echo
row "contact log, $ROWS rows ($size MB): per-month ASA, AHT, abandonment, service levels" "wall time, median (min–max)" "CPU time, median" "peak memory" "ratio (wall)"
row "---" "---" "---" "---" "---"
row "servicescope import" "$(span "$ours")" "$(ms "$(get "$ours" cpu_median_s)")" "$(mb "$(get "$ours" peak_rss_mb)")" "$(ratio "$(get "$duck" median_s)" "$(get "$ours" median_s)") faster"
row "DuckDB $duck_version SQL (python3 + duckdb)" "$(span "$duck")" "$(ms "$(get "$duck" cpu_median_s)")" "$(mb "$(get "$duck" peak_rss_mb)")" ""

echo
echo "cross-check, uk / phone / 2024-12 (ours: summary of the same import; DuckDB: the SQL):"
$BIN summary --data "$OUT/log.csv" --mapping "$MAP" --format csv \
  | awk -F, '$1 == "uk" && $5 == "2024-12" {printf "  ours   %s = %s (n = %s)\n", $3, $6, $7}'
python3 bench/duckdb_raw.py "$OUT/log.csv" --print | awk -F, '$1 == "uk" && $3 == "2024-12" {
  printf "  duckdb asa_s = %s, aht_s = %s, abandon_pct = %s\n", $4, $5, $6
  printf "  duckdb service_level_20s_pct = %s, answered_within_20s_pct = %s\n", $7, $8 }'

if [ "$BIG" -gt 0 ]; then
  echo
  echo "generating a $BIG-row contact log…"
  $BIN gen-sample --layout contact-log --rows "$BIG" --out "$OUT/big-log.csv" --force >/dev/null
  bsize=$(du -m "$OUT/big-log.csv" | cut -f1)
  big=$(python3 bench/timeit.py 1 -- "$BIN" import "$OUT/big-log.csv" --mapping "$MAP" --out "$OUT/big-log.ron" --force)
  echo
  row "contact log, $BIG rows ($bsize MB), streamed" "wall time" "CPU time" "peak memory (goal < 300 MB)" ""
  row "---" "---" "---" "---" "---"
  row "servicescope import" "$(ms "$(get "$big" median_s)")" "$(ms "$(get "$big" cpu_median_s)")" "$(mb "$(get "$big" peak_rss_mb)")" ""
  echo "(load average after: $(load))"
  rm -f "$OUT/big-log.csv"
fi
