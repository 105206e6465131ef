package bidi

import (
	"slices"
	"strings"
	"testing"
)

func TestClassOf(t *testing.T) {
	tests := []struct {
		r    rune
		want Class
	}{
		{'a', L}, {'é', L}, {'א', R}, {'ا', AL}, {'1', EN}, {'+', ES}, {'$', ET},
		{'٣', AN}, {',', CS}, {'\u0300', NSM}, {'\u200d', BN}, {'\n', B}, {'\r', B},
		{'\u2029', B}, {'\t', S}, {' ', WS}, {'!', ON}, {'(', ON},
		{'\u202a', LRE}, {'\u202d', LRO}, {'\u202b', RLE}, {'\u202e', RLO},
		{'\u202c', PDF}, {'\u2066', LRI}, {'\u2067', RLI}, {'\u2068', FSI},
		{'\u2069', PDI}, {'\u20c0', ET}, // currency block default
		{'\u05ff', R},     // unassigned in the Hebrew block
		{'\ufdd0', BN},    // noncharacter
		{'\U0001e900', R}, // Adlam
		{'\U00020000', L}, // CJK
		{-1, L}, {0x110000, L},
	}
	for _, tt := range tests {
		if got := ClassOf(tt.r); got != tt.want {
			t.Errorf("ClassOf(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func TestClassNames(t *testing.T) {
	for c := L; c < numClasses; c++ {
		got, err := ParseClass(c.String())
		if err != nil || got != c {
			t.Errorf("ParseClass(%q) = %v, %v; want %v", c.String(), got, err, c)
		}
	}
	if _, err := ParseClass("XX"); err == nil {
		t.Error("ParseClass(XX) succeeded")
	}
	if got := Class(99).String(); got != "Class(99)" {
		t.Errorf("Class(99).String() = %q", got)
	}
}

func TestMirror(t *testing.T) {
	tests := []struct {
		r, want rune
		ok      bool
	}{
		{'(', ')', true}, {')', '(', true}, {'<', '>', true}, {'«', '»', true},
		{'≤', '≥', true}, {'\u2329', '\u232a', true}, {'a', 'a', false},
		{'\u2201', '\u2201', false}, // mirrored, but no mirror glyph exists
	}
	for _, tt := range tests {
		if got, ok := Mirror(tt.r); got != tt.want || ok != tt.ok {
			t.Errorf("Mirror(%U) = %U, %v; want %U, %v", tt.r, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBracketEquivalents(t *testing.T) {
	// U+2329/U+232A are canonically equivalent to U+3008/U+3009, so
	// every opener pairs with every closer of the two.
	_, a := bracketOf('\u2329')
	_, b := bracketOf('\u3009')
	_, c := bracketOf('\u232a')
	_, d := bracketOf('\u3008')
	if a != b || a != c || a != d {
		t.Errorf("pair identities %U %U %U %U differ", a, b, c, d)
	}
	if k, _ := bracketOf('('); k != openBracket {
		t.Errorf("'(' is %v, want opening bracket", k)
	}
	if k, _ := bracketOf(']'); k != closeBracket {
		t.Errorf("']' is %v, want closing bracket", k)
	}
	if k, _ := bracketOf('a'); k != notBracket {
		t.Errorf("'a' is %v, want no bracket", k)
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		dir    Direction
		base   Level
		levels []Level // from Levels, before L1
		order  []int   // visual order of the whole text as one line
	}{
		{"empty", "", Auto, 0, []Level{}, []int{}},
		{"latin", "ab c", Auto, 0, []Level{0, 0, 0, 0}, []int{0, 1, 2, 3}},
		{"hebrew in LTR", "ab אב cd", LTR, 0,
			[]Level{0, 0, 0, 1, 1, 0, 0, 0}, []int{0, 1, 2, 4, 3, 5, 6, 7}},
		{"auto RTL", "אב ab", Auto, 1,
			[]Level{1, 1, 1, 2, 2}, []int{3, 4, 2, 1, 0}},
		{"arabic digits", "عدد 123", Auto, 1,
			[]Level{1, 1, 1, 1, 2, 2, 2}, []int{4, 5, 6, 3, 2, 1, 0}},
		{"european digits", "אב 12", RTL, 1,
			[]Level{1, 1, 1, 2, 2}, []int{3, 4, 2, 1, 0}},
		{"european digits after latin", "ab 12", RTL, 1,
			[]Level{2, 2, 2, 2, 2}, []int{0, 1, 2, 3, 4}},
		{"no strong character", "12 !", Auto, 0,
			[]Level{0, 0, 0, 0}, []int{0, 1, 2, 3}},
		{"auto skips isolates", "\u2067אב\u2069 ab", Auto, 0,
			[]Level{0, 1, 1, 0, 0, 0, 0}, []int{0, 2, 1, 3, 4, 5, 6}},
		{"first strong isolate", "a \u2068אב\u2069 c", LTR, 0,
			[]Level{0, 0, 0, 1, 1, 0, 0, 0}, []int{0, 1, 2, 4, 3, 5, 6, 7}},
		// N0: the closing bracket goes with the Hebrew text inside.
		{"bracket pair", "א(ב)", LTR, 0, []Level{1, 1, 1, 1}, []int{3, 2, 1, 0}},
		{"canonical bracket pair", "א\u2329ב\u3009", LTR, 0, []Level{1, 1, 1, 1}, []int{3, 2, 1, 0}},
		{"unpaired brackets", "א(ב]", LTR, 0, []Level{1, 1, 1, 0}, []int{2, 1, 0, 3}},
		{"override", "\u202eabc\u202c", LTR, 0,
			[]Level{0, 1, 1, 1, 1}, []int{0, 3, 2, 1, 4}},
		{"embedding", "a\u202bb\u202cc", LTR, 0,
			[]Level{0, 0, 2, 2, 0}, []int{0, 1, 2, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []rune(tt.text)
			p := Resolve(text, tt.dir)
			if p.BaseLevel() != tt.base || p.IsRTL() != tt.base.IsRTL() {
				t.Errorf("BaseLevel = %d, IsRTL = %v; want %d", p.BaseLevel(), p.IsRTL(), tt.base)
			}
			if p.Len() != len(text) {
				t.Errorf("Len = %d, want %d", p.Len(), len(text))
			}
			if got := p.Levels(); !slices.Equal(got, tt.levels) {
				t.Errorf("Levels = %v, want %v", got, tt.levels)
			}
			if got := p.VisualOrder(0, len(text)); !slices.Equal(got, tt.order) {
				t.Errorf("VisualOrder = %v, want %v", got, tt.order)
			}
		})
	}
}

func TestLineLevels(t *testing.T) {
	// Hebrew words separated by a space resolve to level 1, but at the
	// end of a line the space returns to the paragraph level (L1).
	text := []rune("אב גד")
	p := Resolve(text, LTR)
	if got, want := p.Levels(), []Level{1, 1, 1, 1, 1}; !slices.Equal(got, want) {
		t.Errorf("Levels = %v, want %v", got, want)
	}
	if got, want := p.LineLevels(0, 3), []Level{1, 1, 0}; !slices.Equal(got, want) {
		t.Errorf("LineLevels(0, 3) = %v, want %v", got, want)
	}
	if got, want := p.VisualOrder(0, 3), []int{1, 0, 2}; !slices.Equal(got, want) {
		t.Errorf("VisualOrder(0, 3) = %v, want %v", got, want)
	}
	if got, want := p.VisualOrder(3, 5), []int{4, 3}; !slices.Equal(got, want) {
		t.Errorf("VisualOrder(3, 5) = %v, want %v", got, want)
	}

	// A tab (segment separator) takes the paragraph level, and so does
	// the whitespace before it.
	p = Resolve([]rune("אב \tגד"), LTR)
	if got, want := p.LineLevels(0, 6), []Level{1, 1, 0, 0, 1, 1}; !slices.Equal(got, want) {
		t.Errorf("LineLevels with tab = %v, want %v", got, want)
	}
}

func TestVisualRuns(t *testing.T) {
	text := []rune("abc אבג 12 def")
	p := Resolve(text, RTL)
	want := []Run{
		{Start: 11, End: 14, Level: 2},
		{Start: 10, End: 11, Level: 1, RTL: true},
		{Start: 8, End: 10, Level: 2},
		{Start: 3, End: 8, Level: 1, RTL: true},
		{Start: 0, End: 3, Level: 2},
	}
	if got := p.VisualRuns(0, len(text)); !slices.Equal(got, want) {
		t.Errorf("VisualRuns = %+v, want %+v", got, want)
	}
	if got := p.VisualRuns(0, 0); len(got) != 0 {
		t.Errorf("VisualRuns of an empty line = %+v", got)
	}
}

func TestMaxDepth(t *testing.T) {
	// Embeddings beyond level 125 overflow and are ignored, together with
	// their PDFs.
	text := []rune(strings.Repeat("\u202b", 70) + "a" + strings.Repeat("\u202c", 70) + "b")
	levels := Resolve(text, LTR).Levels()
	if got := levels[70]; got != 126 {
		t.Errorf("level of a = %d, want 126 (L at level 125)", got)
	}
	if got := levels[len(levels)-1]; got != 0 {
		t.Errorf("level of b = %d, want 0", got)
	}
	text = []rune(strings.Repeat("\u2066", 70) + "a")
	if got := Resolve(text, LTR).Levels()[70]; got != 124 {
		t.Errorf("level of a in isolates = %d, want 124", got)
	}
}

func TestLineOutOfRange(t *testing.T) {
	p := Resolve([]rune("abc"), LTR)
	for _, r := range [][2]int{{-1, 2}, {2, 1}, {0, 4}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("LineLevels(%d, %d) did not panic", r[0], r[1])
				}
			}()
			p.LineLevels(r[0], r[1])
		}()
	}
}

func TestParagraphEnds(t *testing.T) {
	tests := []struct {
		text string
		want []int
	}{
		{"", nil},
		{"abc", []int{3}},
		{"ab\ncd", []int{3, 5}},
		{"ab\r\ncd\n", []int{4, 7}},
		{"\n\n", []int{1, 2}},
		{"a\u2029b\rc", []int{2, 4, 5}},
		{"a\u001cb", []int{2, 3}},
	}
	for _, tt := range tests {
		if got := ParagraphEnds([]rune(tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("ParagraphEnds(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDirectionString(t *testing.T) {
	for d, want := range map[Direction]string{LTR: "LTR", RTL: "RTL", Auto: "Auto", 7: "Direction(7)"} {
		if got := d.String(); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}

func TestClassRange(t *testing.T) {
	// Every range returned must hold r and share its class at both ends.
	for _, r := range []rune{0, 'a', 0xff, 0x100, 0x5d0, 0x627, 0x10ffff, 0x110000, -5} {
		c, lo, hi := classRange(r)
		if r < lo || r > hi {
			t.Errorf("classRange(%U) = [%U, %U], not around it", r, lo, hi)
		}
		if r >= 0 && r <= 0x10ffff && (ClassOf(lo) != c || ClassOf(hi) != c) {
			t.Errorf("classRange(%U) = %v [%U, %U], but ends differ", r, c, lo, hi)
		}
	}
}
