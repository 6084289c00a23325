#!/usr/bin/env bash
# Raw contact-log import against DuckDB's SQL of the same aggregation, side by side in one
# run (issue 12). Not part of CI. Usage:
#     bash bench/raw.sh [ROWS] [BIG_ROWS]      # defaults 1,000,000 and 10,000,000
# Prints wall time (median of RUNS) and peak memory of each, the ratio, a cross-check of the
# figures of one month, and the peak memory of streaming a BIG_ROWS log.
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
t() { python3 bench/timeit.py "$RUNS" -- "$@"; }
get() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$2'])" "$1"; }
ms() { python3 -c "import sys; print(f'{float(sys.argv[1])*1000:.0f} ms')" "$1"; }
mb() { python3 -c "import sys; print(f'{float(sys.argv[1]):.0f} MB')" "$1"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.1f}x')" "$1" "$2"; }

echo "generating a $ROWS-row contact log…"
$BIN gen-sample --layout contact-log --rows "$ROWS" --out "$OUT/log.csv" --force >/dev/null
size=$(du -m "$OUT/log.csv" | cut -f1)

ours=$(t "$BIN" import "$OUT/log.csv" --mapping "$MAP" --out "$OUT/log.ron" --force)
duck=$(t python3 bench/duckdb_raw.py "$OUT/log.csv")

printf "\n%-46s %10s %10s\n" "contact log, $ROWS rows ($size MB), per-month ASA/AHT/abandon/SL" "time" "peak mem"
printf "%-46s %10s %10s\n" "servicescope import" "$(ms "$(get "$ours" median_s)")" "$(mb "$(get "$ours" peak_rss_mb)")"
printf "%-46s %10s %10s\n" "DuckDB $(python3 -c 'import duckdb; print(duckdb.__version__)') SQL (python3 + duckdb)" "$(ms "$(get "$duck" median_s)")" "$(mb "$(get "$duck" peak_rss_mb)")"
printf "%-46s %10s\n" "servicescope is faster by" "$(ratio "$(get "$duck" median_s)" "$(get "$ours" median_s)")"

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
  big=$(RUNS=1 python3 bench/timeit.py 1 -- "$BIN" import "$OUT/big-log.csv" --mapping "$MAP" --out "$OUT/big-log.ron" --force)
  printf "%-46s %10s %10s\n" "servicescope import, $BIG rows ($bsize MB)" "$(ms "$(get "$big" median_s)")" "$(mb "$(get "$big" peak_rss_mb)")"
  rm -f "$OUT/big-log.csv"
fi
