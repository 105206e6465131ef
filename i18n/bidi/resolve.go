package bidi

// resolver holds the working state of the algorithm for one paragraph.
type resolver struct {
	text    []rune  // the characters, or nil to resolve bare classes (then no brackets pair)
	initial []Class // Bidi_Class of each character, never changed
	types   []Class // current type of each character, changed by X1–X8 overrides
	levels  []Level // embedding levels from X1–X8, then resolved levels
	base    Level   // paragraph embedding level

	// match links isolate initiators and PDIs (BD9): for an initiator, the
	// position of its matching PDI or len(text) if there is none; for a
	// PDI, the position of its initiator or -1. It is nil when the
	// paragraph has no isolate controls, the common case.
	match []int
}

// resolve runs rules P2–I2 on a paragraph given as classes. text, when not
// nil, holds the characters, needed to find bracket pairs (BD16); classes
// is kept by the returned Paragraph.
func resolve(classes []Class, text []rune, dir Direction) *Paragraph {
	r := &resolver{
		text:    text,
		initial: classes,
		types:   append([]Class(nil), classes...),
		levels:  make([]Level, len(classes)),
	}
	r.matchIsolates()
	r.base = r.paragraphLevel(dir)
	r.explicitLevels()
	seqs := r.isolatingRunSequences()
	for i := range seqs {
		seqs[i].resolve()
	}
	for i := range seqs {
		seqs[i].applyLevels()
	}
	r.levelRemoved()
	return &Paragraph{classes: classes, levels: r.levels, base: r.base}
}

// removedByX9 reports whether rule X9 removes characters of class c from
// the later rules. Rather than deleting them, the resolver skips them when
// it builds level runs.
func removedByX9(c Class) bool {
	switch c {
	case RLE, LRE, RLO, LRO, PDF, BN:
		return true
	}
	return false
}

// isIsolateInitiator reports whether c is LRI, RLI or FSI.
func isIsolateInitiator(c Class) bool {
	return c == LRI || c == RLI || c == FSI
}

// levelRemoved gives each character removed by X9 the level of the
// character before it, or the paragraph level at the start, so that these
// invisible characters never break a run (as the implementation notes of
// UAX #9 suggest).
func (r *resolver) levelRemoved() {
	for i, c := range r.initial {
		if !removedByX9(c) {
			continue
		}
		if i == 0 {
			r.levels[i] = r.base
		} else {
			r.levels[i] = r.levels[i-1]
		}
	}
}
