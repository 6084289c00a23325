#!/usr/bin/env bash
# servicescope performance table: each row is measured side by side with its peer in the same
# run, and printed with the ratio. Not part of CI (it takes minutes). Usage:
#     bash bench/run.sh [ROWS]        # default 1,000,000
# Needs: python3 with pandas and matplotlib (installed from Debian if missing), Xvfb for the
# window timings (installed by .ci/run, or here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RUNS=${RUNS:-5}
OUT=bench/out
mkdir -p "$OUT"

need=()
python3 -c "import pandas" 2>/dev/null || need+=(python3-pandas)
python3 -c "import matplotlib" 2>/dev/null || need+=(python3-matplotlib)
command -v Xvfb >/dev/null || need+=(xvfb xauth libegl1 libgl1-mesa-dri libx11-xcb1 libxkbcommon-x11-0 libxcursor1 libxi6)
if ((${#need[@]})); then
  echo "installing: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

cargo build --release --quiet
BIN=target/release/servicescope
t() { python3 bench/timeit.py "$RUNS" -- "$@"; }
get() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$2'])" "$1"; }

echo "generating $ROWS rows (CSV and RON)…"
$BIN gen-sample --rows "$ROWS" --out "$OUT/big.csv" --force >/dev/null
$BIN gen-sample --rows "$ROWS" --out "$OUT/big.ron" --force >/dev/null

wc_json=$(t wc -l "$OUT/big.csv")
csv_json=$(t "$BIN" validate "$OUT/big.csv")
pandas_json=$(t python3 bench/pandas_load.py "$OUT/big.csv")
ron_json=$(t "$BIN" validate "$OUT/big.ron")

row() { printf "%-58s %12s %12s %10s\n" "$@"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.1f}x')" "$1" "$2"; }
ms() { python3 -c "import sys; print(f'{float(sys.argv[1])*1000:.0f} ms')" "$1"; }

echo
echo "servicescope benchmark — $(date -u +%F), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m), rows=$ROWS, median of $RUNS runs"
row "measure" "servicescope" "peer" "ratio"
row "load 1M-row CSV into a ready model (peer: pandas read_csv+groupby)" \
  "$(ms "$(get "$csv_json" median_s)")" "$(ms "$(get "$pandas_json" median_s)")" \
  "$(ratio "$(get "$pandas_json" median_s)" "$(get "$csv_json" median_s)")"
row "  floor: wc -l on the same file" "" "$(ms "$(get "$wc_json" median_s)")" ""
row "load the same rows from RON (goal < 1.5 s)" "$(ms "$(get "$ron_json" median_s)")" "" ""
row "peak memory, CSV load (goal < 150 MB; peer: pandas)" \
  "$(get "$csv_json" peak_rss_mb | cut -d. -f1) MB" "$(get "$pandas_json" peak_rss_mb | cut -d. -f1) MB" ""
row "peak memory, RON load (goal < 150 MB, streamed)" "$(get "$ron_json" peak_rss_mb | cut -d. -f1) MB" "" ""

echo
echo "selection recompute over the loaded rows (in-process, cargo bench --bench select):"
ROWS=$ROWS cargo bench --quiet --bench select 2>/dev/null | sed 's/^/  /'

echo
echo "frame CPU work with ~100,000 plotted points (headless app, cargo bench --bench frame):"
cargo bench --quiet --bench frame 2>/dev/null | sed 's/^/  /'

if [ -x bench/export.sh ] || [ -f bench/export.sh ]; then
  echo
  echo "export (whole process, 3840x2160 PNG bar chart, peer: matplotlib):"
  bash bench/export.sh | sed 's/^/  /'
fi

if [ -f bench/window.sh ]; then
  echo
  echo "window under Xvfb:"
  bash bench/window.sh "$OUT" | sed 's/^/  /'
fi
