package print

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/guide"
	"accueil/i18n"
	"accueil/i18n/textlayout"
)

func load(t *testing.T) (*guide.Guide, *i18n.Catalog) {
	t.Helper()
	g, err := guide.Load(assets.Guide())
	if err != nil {
		t.Fatal(err)
	}
	cat, err := i18n.LoadCatalog(assets.NewcomerMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	return g, cat
}

// TestEveryPageRendersInEveryLanguage is the guide's rendering gate: every
// page and newcomer string of every language must have glyphs in the
// bundled fonts and shape without broken marks.
func TestEveryPageRendersInEveryLanguage(t *testing.T) {
	g, cat := load(t)
	fonts, err := BundledFonts()
	if err != nil {
		t.Fatal(err)
	}
	reports := Check(g, cat, fonts)
	if len(reports) < 20 {
		t.Errorf("%d languages, want at least 20", len(reports))
	}
	for _, r := range reports {
		if !r.OK() {
			t.Errorf("%s: %+v", r.Tag, r)
		}
		if r.Topics < 11 {
			t.Errorf("%s: %d topics", r.Tag, r.Topics)
		}
	}
}

func TestCheckFindsMissingGlyphs(t *testing.T) {
	fonts, err := BundledFonts()
	if err != nil {
		t.Fatal(err)
	}
	var r LanguageReport
	checkTexts(&r, []string{"Welcome 歡迎"}, "NotoSans-Regular.ttf", fonts, textlayout.NewShaper(fonts, 24))
	if r.MissingGlyphs != 2 || r.Glyphs != "歡迎" {
		t.Fatalf("report %+v, want the two Han characters missing", r)
	}
}

func TestRenderPageAndPDF(t *testing.T) {
	g, _ := load(t)
	fonts, err := BundledFonts()
	if err != nil {
		t.Fatal(err)
	}
	p, ok := g.Page("ar", "health")
	if !ok {
		t.Fatal("no Arabic health page")
	}
	sheets := RenderPage(g, p, fonts, Texts{Draft: "draft", Placeholder: "…"}, A4Options)
	if len(sheets) == 0 {
		t.Fatal("no sheet")
	}
	for _, s := range sheets {
		if s.Bounds().Dy() != A4Options.Height {
			t.Errorf("sheet height %d", s.Bounds().Dy())
		}
		if inked(s) < 0.005 {
			t.Error("a sheet is blank")
		}
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, sheets); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "%PDF-1.4") || !strings.HasSuffix(out, "%%EOF\n") || strings.Count(out, "/Type /Page ") != len(sheets) {
		t.Fatalf("not a PDF with %d pages", len(sheets))
	}
}

// inked returns the share of pixels that are not white.
func inked(img *image.RGBA) float64 {
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] < 200 {
			n++
		}
	}
	return float64(n) / float64(len(img.Pix)/4)
}
