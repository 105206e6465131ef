// Package assets holds the files the programs embed: message catalogs for
// the staff and newcomer interfaces, the orientation guide content, fonts
// and the application icon. It has no logic and imports nothing of ours.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed icon.png
var icon []byte

//go:embed locales
var locales embed.FS

// Icon returns the application icon (PNG).
func Icon() []byte { return icon }

// StaffMessages returns the staff interface catalogs: active.<tag>.toml.
func StaffMessages() fs.FS { return sub(locales, "locales/staff") }

// NewcomerMessages returns the newcomer interface catalogs: active.<tag>.toml.
func NewcomerMessages() fs.FS { return sub(locales, "locales/newcomer") }

func sub(f fs.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		// fs.Sub fails only for an invalid path, which is a constant here.
		panic(err)
	}
	return s
}
