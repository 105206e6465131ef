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

//go:embed guide
var guide embed.FS

// Icon returns the application icon (PNG).
func Icon() []byte { return icon }

// StaffMessages returns the staff interface catalogs: active.<tag>.toml.
func StaffMessages() fs.FS { return sub(locales, "locales/staff") }

// NewcomerMessages returns the newcomer interface catalogs: active.<tag>.toml.
func NewcomerMessages() fs.FS { return sub(locales, "locales/newcomer") }

// Guide returns the orientation guide: topics.toml, data.toml and one
// folder of pages per language.
func Guide() fs.FS { return sub(guide, "guide") }

func sub(f fs.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		// fs.Sub fails only for an invalid path, which is a constant here.
		panic(err)
	}
	return s
}

//go:embed fonts/*.ttf
var fonts embed.FS

// Font returns a bundled font file by name (e.g. "NotoSansArabic-Regular.ttf").
// Fonts are Noto families under the SIL Open Font License (fonts/OFL.txt).
func Font(name string) ([]byte, error) { return fonts.ReadFile("fonts/" + name) }

//go:embed reference/return_assistance.toml
var returnAssistance []byte

// ReturnAssistance returns the return-assistance reference data (amounts and
// exclusions) that an administrator keeps up to date.
func ReturnAssistance() []byte { return returnAssistance }
