#!/usr/bin/env bash
# Installs what Accueil needs on a Debian or Ubuntu machine, only where it is
# missing: the C libraries Fyne links against, Xvfb and Unicode data for the
# tests, and a Go toolchain of the version go.mod names.
#
# Usage: scripts/setup.sh [run|test]   (prints the Go binary to use on stdout)
set -euo pipefail
cd "$(dirname "$0")/.."

purpose=${1:-run}
want_go=$(awk '/^go /{print $2; exit}' go.mod)

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages: Fyne's cgo build needs a C compiler, OpenGL and X11
# headers; the tests also need Xvfb (window screenshots), the Unicode data
# files (bidi conformance), ImageMagick (screen grabs) and a PostgreSQL
# server (the central's PostgreSQL storage; the tests start their own
# throwaway cluster with its initdb and pg_ctl).
packages=(gcc pkg-config libgl1-mesa-dev xorg-dev ca-certificates)
if [ "$purpose" = run ]; then
	# Text fields draw with the system's fonts where the theme's font has
	# no glyph: Noto gives them Ethiopic, Tamil, Georgian and the rest, so
	# that a name typed in its own script is seen, not boxes. (Newcomer
	# text and the lists use the fonts the application bundles.)
	packages+=(fonts-noto-core)
fi
if [ "$purpose" = test ]; then
	packages+=(xvfb xauth unicode-data imagemagick postgresql)
fi
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing ${missing[*]}" >&2
	as_root apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >&2
fi

# Go: use one on PATH when it is recent enough; otherwise fetch the
# toolchain go.mod names as a module (the Go toolchain is published as the
# module golang.org/toolchain), bootstrapping with Debian's golang-go.
go_ok() {
	local v
	v=$("$1" env GOVERSION 2>/dev/null) || return 1
	v=${v#go}
	[ "$(printf '%s\n%s\n' "$want_go" "$v" | sort -V | head -n1)" = "$want_go" ]
}
for candidate in go /usr/local/go/bin/go "$HOME/.local/share/accueil/go/bin/go"; do
	if command -v "$candidate" >/dev/null 2>&1 && go_ok "$candidate"; then
		command -v "$candidate"
		exit 0
	fi
done

dest="$HOME/.local/share/accueil/go"
echo "setup: installing Go $want_go into $dest" >&2
command -v go >/dev/null 2>&1 || as_root apt-get install -y -qq golang-go >&2
arch=$(dpkg --print-architecture)
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
dir=$(cd "$tmp" && GOPATH="$tmp/gopath" GO111MODULE=on GOFLAGS=-mod=mod \
	go mod download -json "golang.org/toolchain@v0.0.1-go${want_go}.linux-${arch}" |
	awk -F'"' '/"Dir"/{print $4}')
mkdir -p "$(dirname "$dest")"
rm -rf "$dest"
cp -r "$dir" "$dest"
chmod -R u+w "$dest"
chmod +x "$dest"/bin/* "$dest"/pkg/tool/*/* 2>/dev/null || true
echo "$dest/bin/go"
