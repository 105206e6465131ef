package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// BenchmarkGuideLanguageSwitch measures what a newcomer waits for when
// switching language on a page: a new localizer, the page's paragraphs
// laid out (fonts per character, line breaking, bidi) and placed, at a
// screen's width. The languages alternate so no layout is reused.
func BenchmarkGuideLanguageSwitch(b *testing.B) {
	f := newKioskFixture(b)
	langs := []string{"ar", "ti", "ta", "uk", "fa-AF", "de"}
	i := 0
	for b.Loop() {
		f.kiosk.ChooseLanguage(langs[i%len(langs)])
		f.kiosk.ShowPage("health")
		f.win.Resize(fyne.NewSize(1280, 860+float32(i%2)))
		for _, st := range f.kiosk.Page {
			st.layout(1180)
		}
		i++
	}
}
