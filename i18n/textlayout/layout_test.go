package textlayout

import (
	"strings"
	"testing"

	"accueil/assets"
	"accueil/i18n/bidi"
)

var fontFiles = []string{"NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoSansEthiopic-Regular.ttf", "NotoSansTamil-Regular.ttf", "NotoSansGeorgian-Regular.ttf"}

func testFonts(t testing.TB) *FontSet {
	t.Helper()
	var nf []NamedFont
	for _, name := range fontFiles {
		data, err := assets.Font(name)
		if err != nil {
			t.Fatal(err)
		}
		nf = append(nf, NamedFont{Name: name, Data: data})
	}
	fs, err := NewFontSet(nf...)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// runText returns the runs' texts left to right.
func runTexts(p Paragraph) []string {
	var out []string
	for _, l := range p.Lines {
		for _, r := range l.Runs {
			out = append(out, strings.TrimSpace(r.Text))
		}
	}
	return out
}

func TestArabicDigitsSitInReadingOrder(t *testing.T) {
	fs := testFonts(t)
	sh := NewShaper(fs, 20)
	// "Call 144 now" in Arabic: read right to left, the number between
	// "call" (right) and "now" (left).
	p := Layout("اتصل بالرقم 144 الآن.", Options{Primary: "NotoSansArabic-Regular.ttf", Direction: bidi.RTL}, fs, sh)
	if !p.RTL || len(p.Lines) != 1 {
		t.Fatalf("RTL=%v lines=%d", p.RTL, len(p.Lines))
	}
	texts := runTexts(p)
	joined := strings.Join(texts, "|")
	iNow, iNum, iCall := strings.Index(joined, "الآن"), strings.Index(joined, "144"), strings.Index(joined, "اتصل")
	if !(iNow >= 0 && iNow < iNum && iNum < iCall) {
		t.Fatalf("visual order %q: want الآن, then 144, then اتصل from the left", texts)
	}
	if !strings.Contains(texts[0], ".") {
		t.Errorf("the final period should be leftmost in an RTL line: %q", texts)
	}
	for i := 1; i < len(p.Lines[0].Runs); i++ {
		prev, r := p.Lines[0].Runs[i-1], p.Lines[0].Runs[i]
		if r.X < prev.X+prev.Width-0.01 {
			t.Errorf("runs overlap: %+v then %+v", prev, r)
		}
	}
}

func TestFontsPerScript(t *testing.T) {
	fs := testFonts(t)
	sh := NewShaper(fs, 20)
	tests := []struct {
		name, text, primary, want string
	}{
		{"Tamil marks stay with their letter", "முருகன் பள்ளிக்கு செல்கிறான்", "NotoSansTamil-Regular.ttf", "NotoSansTamil-Regular.ttf"},
		{"Tigrinya", "ሰላም ንዓኹም", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Regular.ttf"},
		{"Georgian", "გამარჯობა", "NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Regular.ttf"},
		{"Pashto yeh", "ښځۍ", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Regular.ttf"},
		{"Ukrainian", "Ґанок їжак", "NotoSans-Regular.ttf", "NotoSans-Regular.ttf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Layout(tt.text, Options{Primary: tt.primary, Direction: bidi.Auto}, fs, sh)
			if len(p.Missing) > 0 {
				t.Fatalf("missing glyphs %q", string(p.Missing))
			}
			for _, r := range p.Lines[0].Runs {
				if strings.TrimSpace(r.Text) != "" && r.Font != tt.want {
					t.Errorf("run %q in %s, want %s", r.Text, r.Font, tt.want)
				}
				if sh.DottedCircles([]rune(r.Text), r.Font, r.RTL) {
					t.Errorf("run %q shapes with a dotted circle", r.Text)
				}
			}
		})
	}
}

func TestBracketsInArabicFallBackToNotoSans(t *testing.T) {
	fs := testFonts(t)
	p := Layout("المكتب (USMA) 100%", Options{Primary: "NotoSansArabic-Regular.ttf", Direction: bidi.RTL}, fs, NewShaper(fs, 16))
	if len(p.Missing) > 0 {
		t.Fatalf("missing %q", string(p.Missing))
	}
}

func TestMissingGlyphReported(t *testing.T) {
	fs := testFonts(t)
	p := Layout("abc 漢字", Options{Primary: "NotoSans-Regular.ttf"}, fs, NewShaper(fs, 16))
	if string(p.Missing) != "漢字" {
		t.Fatalf("Missing = %q, want 漢字", string(p.Missing))
	}
}

func TestWrapsByMeasuredWidth(t *testing.T) {
	fs := testFonts(t)
	sh := NewShaper(fs, 16)
	text := strings.Repeat("Collective housing is spread across the canton. ", 6)
	const max = 300
	p := Layout(text, Options{Primary: "NotoSans-Regular.ttf", MaxWidth: max}, fs, sh)
	if len(p.Lines) < 4 {
		t.Fatalf("%d lines, want several", len(p.Lines))
	}
	var got []string
	for _, l := range p.Lines {
		if l.Width > max {
			t.Errorf("line %q is %.1f wide, max %d", runTexts(Paragraph{Lines: []Line{l}}), l.Width, max)
		}
		got = append(got, strings.Join(runTexts(Paragraph{Lines: []Line{l}}), ""))
	}
	if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.TrimSpace(strings.Join(strings.Fields(text), " ")) {
		t.Error("wrapping lost or reordered text")
	}
}

func TestRTLLinesAreRightAligned(t *testing.T) {
	fs := testFonts(t)
	text := strings.Repeat("السكن الجماعي موزع في أنحاء الكانتون. ", 5)
	p := Layout(text, Options{Primary: "NotoSansArabic-Regular.ttf", Direction: bidi.RTL, MaxWidth: 400}, fs, NewShaper(fs, 18))
	if len(p.Lines) < 2 {
		t.Fatalf("%d lines", len(p.Lines))
	}
	for i, l := range p.Lines {
		if d := l.Offset + l.Width - 400; d > 0.01 || d < -0.01 {
			t.Errorf("line %d ends at %.2f, want the right edge 400", i, l.Offset+l.Width)
		}
	}
}

func BenchmarkLayoutArabicPage(b *testing.B) {
	fs := testFonts(b)
	sh := NewShaper(fs, 18)
	text := strings.Repeat("إذا كنت مريضاً، اتصل بوحدة الصحة (USMA) على الرقم 144 أو اطلب المساعدة من الموظفين. ", 4)
	b.ResetTimer()
	for b.Loop() {
		Layout(text, Options{Primary: "NotoSansArabic-Regular.ttf", Direction: bidi.RTL, MaxWidth: 700}, fs, sh)
	}
}
