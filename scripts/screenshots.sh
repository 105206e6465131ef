#!/usr/bin/env bash
# Takes real screenshots of the app under Xvfb for the docs: builds it,
# fills a data folder with synthetic persons, drives the window with
# xdotool and grabs the screen with ImageMagick.
# Needs: xvfb xdotool imagemagick x11-xserver-utils.
#
# Usage: scripts/screenshots.sh [OUTDIR]   (default docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
work=$(mktemp -d)
export DISPLAY=:97
trap 'pkill -f "$work/accueil" 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

go build -trimpath -o "$work/accueil" ./cmd/accueil
go build -trimpath -o "$work/synthdesk" ./internal/synth/cmd/synthdesk
export ACCUEIL_PASSWORD="screenshots1"
"$work/synthdesk" -data "$work/data" -n 2000 -arrived 25 >/dev/null

Xvfb :97 -screen 0 1280x860x24 >/dev/null 2>&1 &
sleep 1
xset r off # key repeat would double letters typed by xdotool

start() {
	pkill -f "$work/accueil" 2>/dev/null || true
	sleep 0.5
	XDG_DATA_HOME="$work/xdg" "$work/accueil" --data "$work/data" "$@" >/dev/null 2>&1 &
	sleep 4
	local wid
	wid=$(xdotool search --sync --name Accueil | head -1)
	xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 860
	sleep 1.5
}
shot() { sleep "${2:-1.5}"; import -window root "$out/$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; }
typ() { xdotool type --delay 50 "$1"; }

# The desk, in French.
start --lang fr
shot login 0.2
typ admin; xdotool key Tab; typ "$ACCUEIL_PASSWORD"; xdotool key Return
shot home
xdotool key ctrl+f; typ "mohamed"; shot search
xdotool key ctrl+a BackSpace ctrl+n
typ "Testowa"; xdotool key Tab; typ "Oleksandra"; xdotool key Tab Tab Tab Tab; typ "31.02.1990"; xdotool key Return
shot form-error
# A possible duplicate: the same person typed twice with another spelling.
arrival() { # surname given dob nationality n-number
	xdotool key ctrl+n; sleep 1
	typ "$1"; xdotool key Tab; typ "$2"; xdotool key Tab Tab Tab Tab; typ "$3"
	xdotool key Tab Tab; typ "$4"; xdotool key Tab Tab Tab Tab; typ "$5"; xdotool key Return
}
start --lang fr
typ admin; xdotool key Tab; typ "$ACCUEIL_PASSWORD"; xdotool key Return; sleep 1.5
arrival Testmann Mohammed 01.01.1995 AF "N 990 001"
sleep 1.5
arrival Testman Muhammad 01.01.1995 AF "n990001"
shot duplicate

# The newcomer screen: the picker, then the health page in six languages.
start --newcomer
shot guide-picker
# Tile centres on a 1280-pixel window: languages in five columns of 242,
# topics in four columns of 292 (mirrored for right-to-left languages).
declare -A index=([de]=1 [ar]=4 [fa-AF]=5 [ti]=11 [uk]=14 [ta]=16)
for lang in ar fa-AF ti ta uk de; do
	i=${index[$lang]}
	click $((155 + (i % 5) * 242)) $((98 + (i / 5) * 112)); sleep 1.5
	case $lang in ar | fa-AF) click 201 196 ;; *) click 1077 196 ;; esac
	shot "guide-$lang"
	case $lang in ar | fa-AF) click 1186 57 ;; *) click 90 57 ;; esac
	sleep 1
done
echo "screenshots in $out"
