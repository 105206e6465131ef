package textlayout

import (
	"unicode"

	"github.com/go-text/typesetting/segmenter"
	"golang.org/x/text/unicode/norm"

	"accueil/i18n/bidi"
)

// Run is a piece of one line drawn in one font and one direction. Text is
// in logical order, ready to be shaped; X is its left edge from the line's
// left edge, with runs listed left to right.
type Run struct {
	Text       string
	Font       string
	RTL        bool
	X, Width   float32
	Start, End int // logical rune offsets in the paragraph
}

// Line is one line of a paragraph.
type Line struct {
	Runs  []Run
	Width float32
	// Offset is where the line starts from the left edge of the box: 0 for
	// left-to-right paragraphs, the free space for right-to-left ones,
	// which are right-aligned.
	Offset float32
}

// Paragraph is a laid-out paragraph.
type Paragraph struct {
	Lines []Line
	RTL   bool
	// Fonts lists the fonts the paragraph uses, for the line height.
	Fonts []string
	// Missing lists characters no bundled font can draw.
	Missing []rune
}

// Options say how to lay out a paragraph.
type Options struct {
	// Primary is the font of the language, tried first for every letter.
	Primary string
	// Direction is the paragraph direction: the language's own, or Auto to
	// take it from the first strong letter.
	Direction bidi.Direction
	// MaxWidth is the width of the box; 0 means no wrapping.
	MaxWidth float32
	// Center centres every line in the box (tiles, headings) instead of
	// aligning it to the paragraph's start edge.
	Center bool
}

// Layout lays out one paragraph of text (no newline inside; split
// paragraphs first).
func Layout(text string, opts Options, fonts *FontSet, m Measurer) Paragraph {
	runes := []rune(norm.NFC.String(text))
	fontOf, missing := fonts.fontsFor(runes, opts.Primary)
	para := bidi.Resolve(runes, opts.Direction)
	out := Paragraph{RTL: para.IsRTL(), Missing: missing}
	l := &layouter{runes: runes, fontOf: fontOf, para: para, levels: para.Levels(), m: m}
	for _, span := range l.breakLines(opts.MaxWidth) {
		line := l.line(span[0], span[1])
		switch free := opts.MaxWidth - line.Width; {
		case free <= 0:
		case opts.Center:
			line.Offset = free / 2
		case out.RTL:
			line.Offset = free
		}
		out.Lines = append(out.Lines, line)
	}
	out.Fonts = usedFonts(fontOf)
	return out
}

type layouter struct {
	runes  []rune
	fontOf []string
	para   *bidi.Paragraph
	levels []bidi.Level
	m      Measurer
}

// segments returns the spans between line-break opportunities (UAX #14).
func (l *layouter) segments() [][2]int {
	var seg segmenter.Segmenter
	seg.Init(l.runes)
	it := seg.LineIterator()
	var out [][2]int
	for it.Next() {
		ln := it.Line()
		out = append(out, [2]int{ln.Offset, ln.Offset + len(ln.Text)})
	}
	return out
}

// breakLines fills lines greedily with segments while they fit; trailing
// spaces hang past the edge as in every text editor.
func (l *layouter) breakLines(maxWidth float32) [][2]int {
	var lines [][2]int
	start, width := 0, float32(0)
	for _, s := range l.segments() {
		trimmed := trimEnd(l.runes, s[0], s[1])
		w := l.width(s[0], trimmed)
		full := w + l.width(trimmed, s[1])
		if maxWidth > 0 && s[0] > start && width+w > maxWidth {
			lines = append(lines, [2]int{start, s[0]})
			start, width = s[0], 0
		}
		width += full
	}
	if start < len(l.runes) || len(lines) == 0 {
		lines = append(lines, [2]int{start, len(l.runes)})
	}
	return lines
}

// width measures runes [a,b) piece by piece (same level, same font).
func (l *layouter) width(a, b int) float32 {
	var w float32
	levels := l.levels
	for i := a; i < b; {
		j := i + 1
		for j < b && levels[j] == levels[i] && l.fontOf[j] == l.fontOf[i] {
			j++
		}
		w += l.m.Advance(l.runes[i:j], l.fontOf[i], levels[i].IsRTL())
		i = j
	}
	return w
}

// line orders the runs of [a,b) visually and places them.
func (l *layouter) line(a, b int) Line {
	end := trimEnd(l.runes, a, b)
	var line Line
	if end == a {
		return line
	}
	for _, vr := range l.para.VisualRuns(a, end) {
		for _, piece := range l.fontPieces(vr) {
			w := l.m.Advance(l.runes[piece[0]:piece[1]], l.fontOf[piece[0]], vr.RTL)
			line.Runs = append(line.Runs, Run{
				Text: string(l.runes[piece[0]:piece[1]]), Font: l.fontOf[piece[0]], RTL: vr.RTL,
				X: line.Width, Width: w, Start: piece[0], End: piece[1],
			})
			line.Width += w
		}
	}
	return line
}

// fontPieces splits a bidi run where the font changes; within a
// right-to-left run the pieces go right to left.
func (l *layouter) fontPieces(r bidi.Run) [][2]int {
	var pieces [][2]int
	for i := r.Start; i < r.End; {
		j := i + 1
		for j < r.End && l.fontOf[j] == l.fontOf[i] {
			j++
		}
		pieces = append(pieces, [2]int{i, j})
		i = j
	}
	if r.RTL {
		for i, j := 0, len(pieces)-1; i < j; i, j = i+1, j-1 {
			pieces[i], pieces[j] = pieces[j], pieces[i]
		}
	}
	return pieces
}

// trimEnd returns b moved back over trailing white space.
func trimEnd(runes []rune, a, b int) int {
	for b > a && unicode.IsSpace(runes[b-1]) {
		b--
	}
	return b
}

func usedFonts(fontOf []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range fontOf {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
