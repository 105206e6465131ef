package bidi_test

import (
	"fmt"

	"accueil/i18n/bidi"
)

// A line of French with an Arabic name, laid out in a left-to-right
// paragraph: the Arabic run is drawn right to left.
func ExampleParagraph_VisualRuns() {
	text := []rune("Dossier de سمير (n° 12)")
	p := bidi.Resolve(text, bidi.Auto)
	for _, run := range p.VisualRuns(0, len(text)) {
		fmt.Printf("%q rtl=%v\n", string(text[run.Start:run.End]), run.RTL)
	}
	// Output:
	// "Dossier de " rtl=false
	// "سمير" rtl=true
	// " (n° 12)" rtl=false
}

// Characters in visual order, with mirrored brackets in right-to-left runs,
// as a renderer that draws left to right needs them.
func ExampleParagraph_VisualOrder() {
	text := []rune("مرحبا (Bern)")
	p := bidi.Resolve(text, bidi.Auto)
	levels := p.LineLevels(0, len(text))
	var out []rune
	for _, i := range p.VisualOrder(0, len(text)) {
		r := text[i]
		if m, ok := bidi.Mirror(r); ok && levels[i].IsRTL() {
			r = m
		}
		out = append(out, r)
	}
	fmt.Println(p.IsRTL(), string(out))
	// Output:
	// true (Bern) ابحرم
}
