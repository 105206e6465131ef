// Package bidi implements the Unicode Bidirectional Algorithm (UAX #9,
// https://www.unicode.org/reports/tr9/) for laying out text that mixes
// left-to-right scripts such as French with right-to-left scripts such as
// Arabic or Hebrew.
//
// The UI toolkit draws runes left to right only, so the layout code resolves
// each paragraph with Resolve, breaks it into lines, and asks the Paragraph
// for the visual order of each line (VisualRuns or VisualOrder). Runs at an
// odd level are drawn right to left, with characters replaced by their Mirror
// ("(" becomes ")").
//
// The package implements the whole algorithm up to rule L2: P2–P3, X1–X10,
// W1–W7, N0–N2, I1–I2, L1 and L2, with the maximum depth of 125, isolates and
// bracket pairs. ParagraphEnds implements P1. Rules L3 (combining marks) and
// L4 (mirroring) are left to the renderer. Character properties come from
// tables generated from the Unicode Character Database of version
// UnicodeVersion, and the package passes the conformance files
// BidiTest.txt and BidiCharacterTest.txt of that version.
//
// Characters that rule X9 removes (embedding and override controls, PDF, and
// boundary neutrals such as ZERO WIDTH JOINER) still get a level, the level
// of the character before them, so that they never split a run; they have no
// glyph, so their place in the visual order does not matter.
package bidi

//go:generate go run ./internal/gen -ucd /usr/share/unicode -o tables.go

import "fmt"

// Direction is the direction of a paragraph as requested by the caller.
type Direction int

const (
	// LTR makes the paragraph left-to-right (base level 0).
	LTR Direction = iota
	// RTL makes the paragraph right-to-left (base level 1).
	RTL
	// Auto takes the direction of the first strong character outside
	// isolates (rules P2–P3), left-to-right when there is none.
	Auto
)

// String returns "LTR", "RTL" or "Auto".
func (d Direction) String() string {
	switch d {
	case LTR:
		return "LTR"
	case RTL:
		return "RTL"
	case Auto:
		return "Auto"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// Level is an embedding level (BD2): even levels are left-to-right, odd
// levels right-to-left. Resolved levels range from 0 to 126.
type Level uint8

// IsRTL reports whether text at level l runs right to left.
func (l Level) IsRTL() bool { return l&1 == 1 }

// Run is a maximal run of characters of one line that share a level, as
// returned by Paragraph.VisualRuns.
type Run struct {
	Start, End int   // logical positions of the run's characters: [Start, End)
	Level      Level // resolved level after rule L1
	RTL        bool  // the run is drawn right to left (its level is odd)
}

// Paragraph holds the resolved embedding levels of one paragraph. It is
// immutable, so it may be shared between goroutines.
type Paragraph struct {
	classes []Class // Bidi_Class of each character, needed again by L1
	levels  []Level // resolved levels before L1
	base    Level
}

// Resolve runs the algorithm (rules P2–P3, X1–X10, W1–W7, N0–N2 and I1–I2)
// on one paragraph of text with the requested direction.
//
// text should hold one paragraph, as split by ParagraphEnds: a paragraph
// separator inside it only gets the paragraph level (X8) and does not end
// embeddings or isolates that are still open.
func Resolve(text []rune, dir Direction) *Paragraph {
	classes := make([]Class, len(text))
	// Runs of letters of one script share a range of the class table:
	// remember the last range to avoid most searches.
	c, lo, hi := L, rune(1), rune(0)
	for i, r := range text {
		if r < lo || r > hi {
			c, lo, hi = classRange(r)
		}
		classes[i] = c
	}
	return resolve(classes, text, dir)
}

// BaseLevel returns the paragraph embedding level: 0 or 1.
func (p *Paragraph) BaseLevel() Level { return p.base }

// IsRTL reports whether the paragraph is right-to-left, that is, whether
// lines should be aligned to the right.
func (p *Paragraph) IsRTL() bool { return p.base.IsRTL() }

// Len returns the number of characters of the paragraph.
func (p *Paragraph) Len() int { return len(p.levels) }

// Levels returns a new slice with one resolved level per character, before
// the line-dependent rule L1 is applied.
func (p *Paragraph) Levels() []Level {
	return append([]Level(nil), p.levels...)
}

// LineLevels applies rule L1 to the line made of the characters [start, end)
// of the paragraph and returns a new slice of their levels: element i is the
// level of character start+i. It panics if the range is not within the
// paragraph.
func (p *Paragraph) LineLevels(start, end int) []Level {
	p.checkLine(start, end)
	levels := append([]Level(nil), p.levels[start:end]...)
	resetWhitespace(levels, p.classes[start:end], p.base)
	return levels
}

// VisualRuns applies rules L1 and L2 to the line [start, end) and returns
// its level runs in visual order, from left to right. Characters of a run
// with RTL set are drawn from End-1 down to Start. It panics if the range is
// not within the paragraph.
func (p *Paragraph) VisualRuns(start, end int) []Run {
	levels := p.LineLevels(start, end)
	runs := levelRuns(levels, start)
	reorderRuns(runs)
	return runs
}

// VisualOrder applies rules L1 and L2 to the line [start, end) and returns
// the logical positions of its characters in visual order, from left to
// right: a permutation of start..end-1. It panics if the range is not within
// the paragraph.
func (p *Paragraph) VisualOrder(start, end int) []int {
	order := make([]int, 0, end-start)
	for _, run := range p.VisualRuns(start, end) {
		if run.RTL {
			for i := run.End - 1; i >= run.Start; i-- {
				order = append(order, i)
			}
			continue
		}
		for i := run.Start; i < run.End; i++ {
			order = append(order, i)
		}
	}
	return order
}

func (p *Paragraph) checkLine(start, end int) {
	if start < 0 || start > end || end > len(p.levels) {
		panic(fmt.Sprintf("bidi: line [%d, %d) outside paragraph of length %d", start, end, len(p.levels)))
	}
}

// ParagraphEnds splits text into paragraphs (rule P1) and returns the end
// position, exclusive, of each. A paragraph separator (class B, such as LF or
// U+2029) belongs to the paragraph it ends, and CR LF counts as one
// separator. Text after the last separator forms a last paragraph; empty
// text has none.
func ParagraphEnds(text []rune) []int {
	var ends []int
	for i := 0; i < len(text); i++ {
		if ClassOf(text[i]) != B {
			continue
		}
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		ends = append(ends, i+1)
	}
	if len(text) > 0 && (len(ends) == 0 || ends[len(ends)-1] != len(text)) {
		ends = append(ends, len(text))
	}
	return ends
}
