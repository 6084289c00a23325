#!/usr/bin/env bash
# Renders PowerPoint exports with LibreOffice, to look at them (asserts nothing beyond the
# conversion succeeding).
#
# Exports every shipped deck (decks/*.ron, or the decks given as arguments) to .pptx with
# native charts, converts each with `soffice --headless --convert-to pdf`, then each PDF page
# to a PNG with pdftoppm. Look at target/pptx-render/<deck>/page-N.png.
#
# Usage: bench/pptx-render.sh [DECK.ron ...]
#        PPTX_CHARTS=picture bench/pptx-render.sh     (picture slides instead)
#        TEMPLATE=FILE.pptx bench/pptx-render.sh      (the slides in a template)
# Installs libreoffice-impress and poppler-utils with apt when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice >/dev/null || need+=(libreoffice-impress)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if ((${#need[@]})); then
    echo "installing: ${need[*]}" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

cargo build --quiet
BIN=target/debug/servicescope
OUT=target/pptx-render
mkdir -p "$OUT"
decks=("$@")
((${#decks[@]})) || decks=(decks/*.ron)
extra=(--pptx-charts "${PPTX_CHARTS:-native}")
[ -n "${TEMPLATE:-}" ] && extra+=(--template "$TEMPLATE")
# LibreOffice keeps a profile; a private one avoids clashing with a running office
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for deck in "${decks[@]}"; do
    name=$(basename "$deck" .ron)
    dir="$OUT/$name"
    rm -rf "$dir"; mkdir -p "$dir"
    "$BIN" export --deck "$deck" --out "$dir/$name.pptx" --force "${extra[@]}" >/dev/null
    start=$(date +%s.%N)
    soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$dir" "$dir/$name.pptx" >/dev/null 2>&1
    end=$(date +%s.%N)
    pdftoppm -r 60 -png "$dir/$name.pdf" "$dir/page"
    pages=$(ls "$dir"/page-*.png | wc -l)
    printf '%s: %d page(s), LibreOffice conversion %.1f s -> %s\n' "$name" "$pages" "$(echo "$end - $start" | bc)" "$dir"
done
