package print

import (
	"fmt"

	"accueil/assets"
	"accueil/i18n"
	"accueil/i18n/textlayout"
)

// FontFiles are the bundled fonts in fallback order: Noto Sans first (Latin,
// Cyrillic, digits, punctuation), then one font per further script.
var FontFiles = []string{
	"NotoSans-Regular.ttf",
	"NotoSansArabic-Regular.ttf",
	"NotoSansEthiopic-Regular.ttf",
	"NotoSansTamil-Regular.ttf",
	"NotoSansGeorgian-Regular.ttf",
}

// BundledFonts loads the bundled fonts.
func BundledFonts() (*textlayout.FontSet, error) {
	var nf []textlayout.NamedFont
	for _, name := range FontFiles {
		data, err := assets.Font(name)
		if err != nil {
			return nil, fmt.Errorf("print: font %s: %w", name, err)
		}
		nf = append(nf, textlayout.NamedFont{Name: name, Data: data})
	}
	return textlayout.NewFontSet(nf...)
}

// PrimaryFont returns the bundled font of a language's script.
func PrimaryFont(lang string) string { return i18n.FontOf(lang) }

// IsRTL reports whether a language is written right to left.
func IsRTL(lang string) bool { return i18n.IsRTL(lang) }
