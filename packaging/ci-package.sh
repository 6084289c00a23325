#!/usr/bin/env bash
# CI check of the Debian package, run by .ci/run (SERVICESCOPE_PACKAGE=1, the default when
# CI=true). Builds the .deb with build-deb.sh, checks its contents, validates the desktop
# entry and AppStream metadata, installs it with apt, runs the installed binary (version,
# summary, a CSV given as argument in a virtual X display, window icon and class), then
# removes it and checks nothing is left. Needs root or sudo (apt-get install/remove).
set -euo pipefail
cd "$(dirname "$0")/.."

APP_ID=io.github.servicescope.Servicescope
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
fail() { echo "package check: $*" >&2; exit 1; }

# tools of the checks (the package itself needs none of them)
tools=(desktop-file-utils appstream x11-utils xvfb xauth shared-mime-info libglib2.0-bin)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

deb=$(bash packaging/build-deb.sh | tail -n 1)
[ -f "$deb" ] || fail "build-deb.sh printed no package path"
echo "package: $deb ($(du -h "$deb" | cut -f1))"

work=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- contents and metadata, from the package itself ----------------------------------------
dpkg-deb -I "$deb" | sed -n '/Package:/,/Description:/p'
dpkg-deb -x "$deb" "$work/root"
for f in usr/bin/servicescope \
  "usr/share/applications/$APP_ID.desktop" \
  "usr/share/metainfo/$APP_ID.metainfo.xml" \
  "usr/share/mime/packages/$APP_ID.xml" \
  "usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
  usr/share/man/man1/servicescope.1.gz usr/share/man/man1/servicescope-export.1.gz \
  usr/share/bash-completion/completions/servicescope \
  usr/share/zsh/vendor-completions/_servicescope \
  usr/share/fish/vendor_completions.d/servicescope.fish \
  usr/share/doc/servicescope/copyright usr/share/doc/servicescope/LICENSE-APACHE; do
  [ -f "$work/root/$f" ] || fail "missing in the package: /$f"
done
for n in 16 24 32 48 64 128 256 512; do
  [ -f "$work/root/usr/share/icons/hicolor/${n}x${n}/apps/$APP_ID.png" ] || fail "no ${n}px icon"
done
desktop-file-validate "$work/root/usr/share/applications/$APP_ID.desktop"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/$APP_ID.metainfo.xml"
# the whole installed tree: metainfo, desktop entry and icon found together
appstreamcli validate-tree --no-net "$work/root"

# --- install, run, remove ------------------------------------------------------------------
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$deb" >/dev/null
[ -x /usr/bin/servicescope ] || fail "/usr/bin/servicescope not installed"
version=$(/usr/bin/servicescope --version)
echo "$version"
[ "$version" = "servicescope $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)" ] \
  || fail "unexpected --version: $version"
/usr/bin/servicescope summary >"$work/summary.txt"
grep -q "^france " "$work/summary.txt" || fail "summary shows no france row"
echo "summary: $(wc -l <"$work/summary.txt") lines"
# the file types are registered: by content (a deck and a dataset named plain `.ron`) and glob
[ -f /usr/share/mime/application/x-servicescope-deck+ron.xml ] \
  || fail "the MIME database does not know the deck type after install"
# and the menu entry is the handler of those types (desktop-file-utils' trigger)
grep -q "^application/x-servicescope-deck+ron=.*$APP_ID.desktop" /usr/share/applications/mimeinfo.cache \
  || fail "the desktop database does not list servicescope for decks"
cp decks/uk-vs-france-by-channel.ron "$work/deck.ron"
cp data/benchmark/catalog.ron "$work/catalog.ron"
echo 'Deck(charts: [])' >"$work/empty.deck.ron"
for f in deck.ron:deck catalog.ron:dataset empty.deck.ron:deck; do
  type=$(gio info -a standard::content-type "$work/${f%%:*}" | sed -n 's/.*content-type: //p')
  echo "${f%%:*}: $type"
  [ "$type" = "application/x-servicescope-${f##*:}+ron" ] || fail "${f%%:*} is not a servicescope ${f##*:}"
done

# a CSV given as argument, in a virtual X display: with a saved mapping it loads at once;
# without one the mapping dialog opens on it
/usr/bin/servicescope gen-sample --rows 300 --out "$work/sample.csv" >/dev/null
cp "$work/sample.csv" "$work/new.csv"
/usr/bin/servicescope import "$work/sample.csv" --out "$work/sample.ron" --write-mapping >/dev/null
# Xvfb picks a free display itself and writes its number once it accepts connections (a
# random number could meet a display in use or a stale lock, and a fixed wait a slow start)
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 300); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start within 30 s"
display=":$(tr -d '[:space:]' <"$work/display")"
run_app() { # screenshot, then the arguments
  local shot=$1; shift
  env -u WAYLAND_DISPLAY DISPLAY="$display" HOME="$work/home" XDG_DATA_HOME="$work/home/data" \
    LANG=en_GB.UTF-8 SERVICESCOPE_SCREENSHOT="$shot" timeout 120 /usr/bin/servicescope "$@"
}
run_app "$work/loaded.png" "$work/sample.csv" 2>"$work/loaded.log" || { cat "$work/loaded.log"; fail "the app failed with a CSV argument"; }
grep "shown:" "$work/loaded.log"
grep -q "open files \[$work/sample.csv\]; mapping dialog \[\]" "$work/loaded.log" \
  || fail "the CSV with a saved mapping was not loaded"
run_app "$work/dialog.png" "$work/new.csv" 2>"$work/dialog.log" || { cat "$work/dialog.log"; fail "the app failed with a new CSV"; }
grep "shown:" "$work/dialog.log"
grep -q "mapping dialog \[$work/new.csv\]" "$work/dialog.log" \
  || fail "no mapping dialog for a CSV without a saved mapping"
[ -s "$work/loaded.png" ] && [ -s "$work/dialog.png" ] || fail "no screenshot"
if [ -n "${SERVICESCOPE_PACKAGE_SHOTS:-}" ]; then
  mkdir -p "$SERVICESCOPE_PACKAGE_SHOTS" && cp "$work"/*.png "$SERVICESCOPE_PACKAGE_SHOTS/"
fi

# the window carries the app id (WM_CLASS) and the icon (_NET_WM_ICON, what window lists show)
env -u WAYLAND_DISPLAY DISPLAY="$display" HOME="$work/home" XDG_DATA_HOME="$work/home/data" \
  SERVICESCOPE_VIEW=en /usr/bin/servicescope >/dev/null 2>&1 &
app_pid=$!
win=""
for _ in $(seq 100); do
  win=$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null | awk '/"servicescope"/ {print $1; exit}')
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || fail "no servicescope window"
wm_class=$(DISPLAY="$display" xprop -id "$win" WM_CLASS)
echo "$wm_class"
[[ "$wm_class" == *"\"$APP_ID\""* ]] || fail "WM_CLASS is not the app id"
# _NET_WM_ICON = width, height, then width × height ARGB pixels
icon=$(DISPLAY="$display" xprop -len 1000000 -id "$win" -notype 32c _NET_WM_ICON)
icon_size=$(echo "$icon" | sed -n 's/^_NET_WM_ICON = \([0-9]*\), \([0-9]*\),.*/\1x\2/p')
icon_words=$(echo "$icon" | tr ',' '\n' | wc -l)
echo "_NET_WM_ICON: ${icon_size:-none}, $icon_words values"
[ "$icon_size" = "256x256" ] && ((icon_words == 2 + 256 * 256)) || fail "the window has no 256 px icon"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq servicescope >/dev/null
[ ! -e /usr/bin/servicescope ] || fail "/usr/bin/servicescope still there after removal"
[ ! -e "/usr/share/applications/$APP_ID.desktop" ] || fail "desktop entry left after removal"
[ ! -e /usr/share/mime/application/x-servicescope-deck+ron.xml ] || fail "MIME type left after removal"
echo "package check passed: built, validated, installed, ran, removed"
