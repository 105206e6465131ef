package textlayout

import (
	"bytes"
	"fmt"
	"unicode"

	"github.com/go-text/typesetting/font"
)

// NamedFont is a font file and the name runs refer to it by.
type NamedFont struct {
	Name string
	Data []byte
}

// FontSet is the fonts text may use, in fallback order: when a language's
// own font lacks a character, the set is searched in this order. Only these
// fonts are ever used, never the system's, so the result is the same on
// every machine.
type FontSet struct {
	order []string
	faces map[string]*font.Face
	data  map[string][]byte
}

// NewFontSet parses the fonts.
func NewFontSet(fonts ...NamedFont) (*FontSet, error) {
	fs := &FontSet{faces: map[string]*font.Face{}, data: map[string][]byte{}}
	for _, f := range fonts {
		face, err := font.ParseTTF(bytes.NewReader(f.Data))
		if err != nil {
			return nil, fmt.Errorf("textlayout: parse font %s: %w", f.Name, err)
		}
		fs.order = append(fs.order, f.Name)
		fs.faces[f.Name] = face
		fs.data[f.Name] = f.Data
	}
	if len(fs.order) == 0 {
		return nil, fmt.Errorf("textlayout: no fonts")
	}
	return fs, nil
}

// Names returns the font names in fallback order.
func (fs *FontSet) Names() []string { return append([]string(nil), fs.order...) }

// Face returns the parsed face of a font.
func (fs *FontSet) Face(name string) *font.Face { return fs.faces[name] }

// Data returns the font file of a font, for a toolkit to draw with.
func (fs *FontSet) Data(name string) []byte { return fs.data[name] }

// Covers reports whether the font has a glyph for r.
func (fs *FontSet) Covers(name string, r rune) bool {
	face := fs.faces[name]
	if face == nil {
		return false
	}
	_, ok := face.NominalGlyph(r)
	return ok
}

// invisible runes need no glyph: they format text, they are not drawn.
func invisible(r rune) bool {
	switch {
	case r == '\u200c', r == '\u200d', r == '\u200e', r == '\u200f', r == '\u00ad', r == '\ufeff':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	case unicode.IsControl(r):
		return true
	}
	return false
}

// attaches reports runes that must share the previous rune's font: marks
// and joiners belong to the letter before them.
func attaches(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) || r == '\u200c' || r == '\u200d' ||
		(r >= '\ufe00' && r <= '\ufe0f')
}

// neutral reports runes any font may draw and that should not split a
// phrase into font runs when the current font has them: spaces, digits
// and common punctuation.
func neutral(r rune) bool {
	return unicode.Is(unicode.Common, r)
}

// fontsFor picks a font for every rune: the primary font where it has the
// glyph, else the first font of the set that has it. missing lists the
// runes no bundled font can draw.
func (fs *FontSet) fontsFor(text []rune, primary string) (names []string, missing []rune) {
	names = make([]string, len(text))
	prev := primary
	for i, r := range text {
		name, ok := fs.pick(r, prev, primary)
		if !ok {
			missing = append(missing, r)
		}
		names[i] = name
		prev = name
	}
	return names, missing
}

func (fs *FontSet) pick(r rune, prev, primary string) (string, bool) {
	switch {
	case invisible(r):
		return prev, true
	case attaches(r) && fs.Covers(prev, r):
		return prev, true
	case neutral(r) && fs.Covers(prev, r):
		return prev, true
	case fs.Covers(primary, r):
		return primary, true
	}
	for _, name := range fs.order {
		if fs.Covers(name, r) {
			return name, true
		}
	}
	return primary, false
}
