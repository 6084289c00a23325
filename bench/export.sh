#!/usr/bin/env bash
# Export benchmark (prints numbers, asserts nothing).
#
# 1. Times the whole `servicescope export` process writing a 3840 x 2160 PNG bar chart against
#    the whole `python3 bench/matplotlib_bar.py` process drawing and saving the same chart;
#    prints mean wall times and the ratio (goal: servicescope at least 10x faster).
# 2. Times one `servicescope export --deck` run of a 20-chart deck (goal: under 3 s).
#
# Usage: bench/export.sh            (RUNS=N to change the number of runs, default 5)
# Installs python3-matplotlib with apt when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}

# the first python3 that has matplotlib (a pyenv python3 may shadow the system one)
PY=""
for p in python3 /usr/bin/python3; do
    if "$p" -c "import matplotlib" 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
    echo "installing python3-matplotlib..." >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-matplotlib >/dev/null
    PY=/usr/bin/python3
fi

cargo build --release --quiet
BIN=target/release/servicescope
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cat > "$TMP/bar.ron" <<'RON'
ChartSpec(
    kind: BarsByChannel,
    indicators: ["fcr_pct"],
    regions: ["uk", "maghreb", "quebec", "france"],
    title: "First-contact resolution",
    value_labels: true,
)
RON

# a 20-chart deck cycling through every chart kind
{
    echo 'Deck(format: Png, size: "slide-16x9", charts: ['
    specs=(
        'kind: BarsByChannel, indicators: ["fcr_pct"], value_labels: true'
        'kind: BarsByIndicator, indicators: ["fcr_pct", "abandon_pct", "unscripted_agents_pct"]'
        'kind: Lines, indicators: ["fcr_pct"], channels: ["phone"]'
        'kind: Scatter, indicators: ["aht_s", "fcr_pct"]'
        'kind: Radar, indicators: ["fcr_pct", "aht_s", "asa_s", "abandon_pct"]'
        'kind: Ranking, indicators: ["nps"]'
        'kind: HeatTable, indicators: ["channel_pref_pct"]'
    )
    for i in $(seq 1 20); do
        echo "  (name: \"chart-$i\", spec: ChartSpec(${specs[$(( (i - 1) % 7 ))]})),"
    done
    echo '])'
} > "$TMP/deck20.ron"

# mean wall time in seconds of RUNS runs of a command
mean_s() {
    local total=0 t0 t1
    for _ in $(seq 1 "$RUNS"); do
        t0=$(date +%s%N)
        "$@" >/dev/null || { echo "failed: $*" >&2; exit 1; }
        t1=$(date +%s%N)
        total=$(( total + t1 - t0 ))
    done
    awk -v ns="$total" -v n="$RUNS" 'BEGIN { printf "%.3f", ns / n / 1e9 }'
}

ours=$(mean_s "$BIN" export --chart "$TMP/bar.ron" --out "$TMP/ours.png" --size 4k --force)
theirs=$(mean_s "$PY" bench/matplotlib_bar.py "$TMP/theirs.png")
deck=$(mean_s "$BIN" export --deck "$TMP/deck20.ron" --out-dir "$TMP/deck" --force)
files=$(ls "$TMP/deck" | wc -l)

echo "Export benchmark, $RUNS runs each, whole processes ($(nproc) cores)"
printf '%-58s %10s\n' "case" "mean (s)"
printf '%-58s %10s\n' "servicescope export, 3840x2160 PNG bar chart" "$ours"
printf '%-58s %10s\n' "python3 matplotlib $("$PY" -c 'import matplotlib; print(matplotlib.__version__)'), same chart, 3840x2160 PNG" "$theirs"
printf '%-58s %10s\n' "servicescope export --deck, 20 charts ($files files)" "$deck"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio matplotlib / servicescope: %.1fx (goal >= 10x)\n", b / a }'
awk -v d="$deck" 'BEGIN { printf "20-chart deck: %.2f s (goal < 3 s)\n", d }'
