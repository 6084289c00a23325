#!/usr/bin/env bash
# Writes every chart kind from the bundled benchmark in English and French at the slide, half-A4,
# square and 800×450 sizes, for looking at (not part of CI). Usage:
#     bash scripts/gallery.sh [OUT_DIR]        # default target/gallery
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/gallery}
mkdir -p "$OUT/specs"
cargo build --quiet
BIN=target/debug/servicescope
four='["uk", "maghreb", "quebec", "france"]'
spec() { # name kind indicators regions channels
  printf 'ChartSpec(kind: %s, indicators: %s, regions: %s, channels: %s, value_labels: true)\n' \
    "$2" "$3" "$4" "$5" >"$OUT/specs/$1.ron"
}
spec bars-channel BarsByChannel '["fcr_pct"]' '["uk", "france"]' '["phone", "email", "chat", "twitter", "web_self_service"]'
spec bars-indicator BarsByIndicator '["fcr_pct", "abandon_pct", "answer_30s_pct"]' "$four" '["phone"]'
spec lines Lines '["fcr_pct"]' '["uk", "france"]' '["phone"]'
spec scatter Scatter '["fcr_pct", "aht_s"]' "$four" '["phone"]'
spec radar Radar '["fcr_pct", "aht_s", "asa_s", "abandon_pct"]' "$four" '["phone"]'
spec ranking Ranking '["nps"]' "$four" '[]'
spec heat HeatTable '["channel_pref_pct"]' "$four" '[]'
spec durations BarsByChannel '["aht_s"]' "$four" '["phone", "email"]'
for f in "$OUT"/specs/*.ron; do
  name=$(basename "$f" .ron)
  for lang in en fr; do
    for size in slide-16x9 half-a4 square 800x450; do
      "$BIN" export --chart "$f" --out "$OUT/$name-$lang-$size.png" --size "$size" --lang "$lang" --force >/dev/null
    done
  done
done
echo "wrote $(ls "$OUT"/*.png | wc -l) images to $OUT"
