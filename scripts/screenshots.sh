#!/usr/bin/env bash
# Takes real screenshots of the desk app under Xvfb for the docs: builds the
# app, prepares a data folder with synthetic persons, logs in with xdotool
# and grabs the screen with ImageMagick. Needs: xvfb xdotool imagemagick.
#
# Usage: scripts/screenshots.sh [OUTDIR]   (default docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

go build -trimpath -o "$work/accueil" ./cmd/accueil
go run ./internal/synth/cmd/synthcsv -n 400 -today "$(date +%F)" > "$work/list.csv"
export ACCUEIL_PASSWORD="screenshot-password"
"$work/accueil" init --data "$work/data" --admin admin >/dev/null
"$work/accueil" import --data "$work/data" --user admin --with-duplicates "$work/list.csv" >/dev/null

export DISPLAY=:97
Xvfb :97 -screen 0 1280x860x24 >/dev/null 2>&1 &
sleep 1
shot() { sleep "${2:-1.5}"; import -window root "$out/$1.png"; }
key() { xdotool key --delay 60 "$@"; }
typ() { xdotool type --delay 20 "$1"; }

XDG_DATA_HOME="$work/xdg" "$work/accueil" --data "$work/data" --lang "${SHOT_LANG:-fr}" &
sleep 4
xdotool search --sync --name Accueil windowmove 0 0 windowsize 1280 860 >/dev/null 2>&1 || true
shot login
typ admin; key Tab; typ "$ACCUEIL_PASSWORD"; key Return
shot home-today
key ctrl+f; typ "muhamm"; shot search-latin
key ctrl+a; typ "محمد"; shot search-arabic
key ctrl+a; key BackSpace; key Return 2>/dev/null || true
key ctrl+n; typ "Testova"; key Tab; typ "Iryna"; key Tab; shot form
key Escape; shot discard-confirm 1
