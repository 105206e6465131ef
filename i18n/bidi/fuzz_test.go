package bidi

import (
	"strings"
	"testing"
)

// fuzzAlphabet has a character of every class plus paired brackets, so that
// random bytes mapped onto it make text that exercises every rule.
const fuzzAlphabet = "aא\u0627 1+$\u0663,\u0300\u200d\n\t!()[]\u2329\u3009\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

// FuzzResolve checks that any text resolves without panicking, that levels
// are in range, and that the visual order of any line is a permutation of
// the line.
func FuzzResolve(f *testing.F) {
	f.Add([]byte("abc אבג 123"), uint8(2), uint16(4))
	f.Add([]byte("\u2067(\u202eab\u2069]\u0300"), uint8(1), uint16(3))
	f.Add([]byte{0, 1, 2, 18, 19, 25, 26, 27, 3, 4, 16, 17}, uint8(0), uint16(7))
	f.Fuzz(func(t *testing.T, data []byte, dir uint8, cut uint16) {
		alphabet := []rune(fuzzAlphabet)
		mapped := make([]rune, len(data))
		for i, b := range data {
			mapped[i] = alphabet[int(b)%len(alphabet)]
		}
		for _, text := range [][]rune{[]rune(string(data)), mapped} {
			checkParagraph(t, text, Direction(dir%3), int(cut)%(len(text)+1))
		}
	})
}

// checkParagraph checks the invariants of a resolved paragraph, split into
// two lines at cut.
func checkParagraph(t *testing.T, text []rune, dir Direction, cut int) {
	t.Helper()
	p := Resolve(text, dir)
	base := p.BaseLevel()
	if base > 1 || (dir == LTR && base != 0) || (dir == RTL && base != 1) {
		t.Fatalf("%q: base level %d for %v", string(text), base, dir)
	}
	levels := p.Levels()
	if len(levels) != len(text) {
		t.Fatalf("%q: %d levels for %d characters", string(text), len(levels), len(text))
	}
	for i, l := range levels {
		if l < base || l > maxDepth+1 {
			t.Fatalf("%q: level %d at %d out of range", string(text), l, i)
		}
	}
	for _, line := range [][2]int{{0, len(text)}, {0, cut}, {cut, len(text)}} {
		checkPermutation(t, text, p.VisualOrder(line[0], line[1]), line[0], line[1])
	}
}

// checkPermutation checks that order holds each of start..end-1 once.
func checkPermutation(t *testing.T, text []rune, order []int, start, end int) {
	t.Helper()
	if len(order) != end-start {
		t.Fatalf("%q [%d,%d): order %v has wrong length", string(text), start, end, order)
	}
	seen := make([]bool, end-start)
	for _, i := range order {
		if i < start || i >= end || seen[i-start] {
			t.Fatalf("%q [%d,%d): order %v is not a permutation", string(text), start, end, order)
		}
		seen[i-start] = true
	}
}

// BenchmarkResolve measures resolving a typical 300-rune Arabic paragraph
// with digits, Latin words and brackets, and ordering it as one line.
func BenchmarkResolve(b *testing.B) {
	const sentence = "تم تسجيل الطلب رقم 2024-0157 بتاريخ 12/03/2024 لدى مكتب اللجوء في Bern (Schweiz)، " +
		"ويرجى إحضار جواز السفر و 3 صور شخصية إلى الموعد [Termin: 09:30]. "
	text := []rune(strings.Repeat(sentence, 3))[:300]
	b.ReportAllocs()
	for b.Loop() {
		p := Resolve(text, Auto)
		_ = p.VisualOrder(0, len(text))
	}
}
