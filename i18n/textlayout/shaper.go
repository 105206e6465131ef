package textlayout

import (
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Measurer measures the advance of a run of text drawn in one font. The
// user interface measures with its toolkit so that layout and drawing
// agree; Shaper measures with HarfBuzz for images and tests.
type Measurer interface {
	Advance(text []rune, font string, rtl bool) float32
}

// Shaper shapes runs with HarfBuzz at a fixed size in pixels. It is not
// safe for concurrent use (the shaper keeps caches).
type Shaper struct {
	Fonts    *FontSet
	Size     float32
	hb       shaping.HarfbuzzShaper
	advances map[advanceKey]float32
}

// advanceKey identifies a measured run: words repeat across a page, and
// shaping is the expensive part of layout.
type advanceKey struct {
	text, font string
	rtl        bool
}

// maxCachedAdvances bounds the cache; a guide page has a few hundred words.
const maxCachedAdvances = 1 << 14

// NewShaper returns a shaper for fonts at size pixels.
func NewShaper(fonts *FontSet, size float32) *Shaper {
	return &Shaper{Fonts: fonts, Size: size}
}

// Shape shapes one run.
func (s *Shaper) Shape(text []rune, font string, rtl bool) shaping.Output {
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	return s.hb.Shape(shaping.Input{
		Text:      text,
		RunStart:  0,
		RunEnd:    len(text),
		Direction: dir,
		Face:      s.Fonts.Face(font),
		Size:      fixed.Int26_6(s.Size * 64),
		Script:    language.LookupScript(firstLetter(text)),
		Language:  language.DefaultLanguage(),
	})
}

// Advance implements Measurer.
func (s *Shaper) Advance(text []rune, font string, rtl bool) float32 {
	key := advanceKey{string(text), font, rtl}
	if w, ok := s.advances[key]; ok {
		return w
	}
	out := s.Shape(text, font, rtl)
	w := float32(out.Advance) / 64
	if s.advances == nil || len(s.advances) >= maxCachedAdvances {
		s.advances = map[advanceKey]float32{}
	}
	s.advances[key] = w
	return w
}

// LineHeight returns the tallest line height (ascent + descent + gap)
// among fonts, in pixels, and the largest ascent: a line mixing scripts
// must hold the tallest of them without clipping.
func (s *Shaper) LineHeight(fonts []string) (height, ascent float32) {
	for _, name := range fonts {
		face := s.Fonts.Face(name)
		if face == nil {
			continue
		}
		ext, ok := face.FontHExtents()
		if !ok {
			continue
		}
		scale := s.Size / float32(face.Upem())
		a, d := ext.Ascender*scale, -ext.Descender*scale
		if h := a + d + ext.LineGap*scale; h > height {
			height = h
		}
		if a > ascent {
			ascent = a
		}
	}
	return height, ascent
}

// DottedCircles reports whether shaping inserted a dotted circle (U+25CC)
// that the text does not contain: the sign of a mark shaped without its
// base, the typical breakage of Indic scripts across fonts.
func (s *Shaper) DottedCircles(text []rune, font string, rtl bool) bool {
	face := s.Fonts.Face(font)
	if face == nil {
		return false
	}
	circle, ok := face.NominalGlyph('\u25cc')
	if !ok {
		return false
	}
	for _, r := range text {
		if r == '\u25cc' {
			return false
		}
	}
	for _, g := range s.Shape(text, font, rtl).Glyphs {
		if g.GlyphID == circle {
			return true
		}
	}
	return false
}

func firstLetter(text []rune) rune {
	for _, r := range text {
		if !neutral(r) {
			return r
		}
	}
	return 'a'
}
