#!/usr/bin/env bash
# Takes real screenshots of the app under Xvfb for the docs: builds it,
# fills a data folder with synthetic persons (plus, from a second desk,
# open conflicts and files due for retention), drives the window with
# xdotool and grabs the screen with ImageMagick.
# Needs: xvfb xdotool imagemagick x11-xserver-utils.
#
# Usage: scripts/screenshots.sh [OUTDIR]   (default docs/screenshots)
# SCREENSHOTS_DISPLAY chooses the X display (default :97).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
work=$(mktemp -d)
export DISPLAY=${SCREENSHOTS_DISPLAY:-:97}
app="" xvfb=""
stop_app() {
	if [ -n "$app" ]; then
		kill "$app" 2>/dev/null || true
		wait "$app" 2>/dev/null || true
		app=""
	fi
}
trap 'stop_app; [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT

go build -trimpath -o "$work/accueil" ./cmd/accueil
go build -trimpath -o "$work/synthdesk" ./internal/synth/cmd/synthdesk
go build -trimpath -o "$work/synthscenes" ./internal/synth/cmd/synthscenes
export ACCUEIL_PASSWORD="screenshots1"
"$work/synthdesk" -data "$work/data" -n 2000 -arrived 25 >/dev/null
# Conflicts with a second desk, three files of people who left three years
# ago, and the accounts "marie" (reception) and "statistique" (statistics).
"$work/synthscenes" -data "$work/data" >/dev/null

Xvfb "$DISPLAY" -screen 0 1280x860x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
xset r off # key repeat would double letters typed by xdotool

start() {
	stop_app
	XDG_DATA_HOME="$work/xdg" "$work/accueil" --data "$work/data" "$@" >/dev/null 2>&1 &
	app=$!
	sleep 4
	local wid
	wid=$(xdotool search --sync --name Accueil | head -1)
	xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 860
	sleep 1.5
}
shot() { sleep "${2:-1.5}"; import -window root "$out/$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; }
typ() { xdotool type --delay 50 "$1"; }
# login NAME: the desk starts locked; the login opens the keys and the
# index in the background (a bar moves), so wait for it.
login() { typ "$1"; xdotool key Tab; typ "$ACCUEIL_PASSWORD"; xdotool key Return; sleep 4; }
# security N: the N-th entry of the administrator's "More" menu (1 guide
# translations, 2 staff accounts, 3 audit, 4 statistics, 5 retention),
# opened by a click on its button (the toolbar as the French lists show
# it with conflicts open, in a 1280-pixel window).
security() {
	click 957 21; sleep 1
	for _ in $(seq "$1"); do xdotool key Down; sleep 0.2; done
	xdotool key Return; sleep 1.5
}

# The desk, in French.
start --lang fr
shot login 0.2
login admin
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
login admin
arrival Testmann Mohammed 01.01.1995 AF "N 990 001"
sleep 1.5
arrival Testman Muhammad 01.01.1995 AF "n990001"
shot duplicate

# The lock screen (Ctrl+L), then, unlocked, a conflict between two desks:
# the conflicts button comes first after the search field.
start --lang fr
login admin
xdotool key ctrl+l
shot lock
typ "$ACCUEIL_PASSWORD"; xdotool key Return; sleep 4
click 255 21; sleep 1.5 # "3 conflicts to resolve"
click 200 100 # the first conflict
shot conflicts

# The administrator's audit trail, checked; the retention preview.
start --lang fr
login admin
security 3
click 340 179 # Check integrity
shot audit 2
click 47 21 # Back
sleep 1.5
security 5
xdotool key Tab space # Preview
shot retention

# The statistics role: counts only, no person.
start --lang fr
login statistique
shot statistics

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
