package bidi

// sequence is an isolating run sequence (BD13): the unit to which the weak,
// neutral and implicit rules apply.
type sequence struct {
	r       *resolver
	indexes []int   // positions of its characters in the paragraph, in order
	types   []Class // current type of each character, parallel to indexes
	level   Level   // embedding level shared by all its characters
	sos     Class   // start-of-sequence type: L or R (X10)
	eos     Class   // end-of-sequence type: L or R (X10)
}

// isolatingRunSequences applies rules X9 and X10: it splits the characters
// left after X9 into level runs (BD7) and chains the runs that an isolate
// initiator and its matching PDI connect into sequences (BD13).
func (r *resolver) isolatingRunSequences() []sequence {
	kept, runs := r.levelRuns()
	if len(kept) == 0 {
		return nil
	}
	runOf := r.runIndex(kept, runs)

	// All sequences share two buffers: each kept character belongs to
	// exactly one sequence.
	indexes := make([]int, 0, len(kept))
	types := make([]Class, len(kept))
	used := make([]bool, len(runs)-1)
	var seqs []sequence
	for first := range used {
		if used[first] {
			// Already chained after the isolate initiator of its PDI.
			continue
		}
		start := len(indexes)
		for run := first; run >= 0; run = r.chainedRun(indexes[len(indexes)-1], kept, runs, runOf, used) {
			used[run] = true
			indexes = append(indexes, kept[runs[run]:runs[run+1]]...)
		}
		seq := sequence{r: r, indexes: indexes[start:], types: types[start:len(indexes)]}
		seq.init()
		seqs = append(seqs, seq)
	}
	return seqs
}

// levelRuns returns the positions of the characters that X9 keeps, and the
// bounds of the level runs among them: run i is kept[runs[i]:runs[i+1]].
func (r *resolver) levelRuns() (kept, runs []int) {
	kept = make([]int, 0, len(r.initial))
	runs = []int{0}
	for i, c := range r.initial {
		if removedByX9(c) {
			continue
		}
		if len(kept) > 0 && r.levels[kept[len(kept)-1]] != r.levels[i] {
			runs = append(runs, len(kept))
		}
		kept = append(kept, i)
	}
	return kept, append(runs, len(kept))
}

// runIndex maps the position of each kept character to the number of its
// level run, needed only to follow isolates to their PDI.
func (r *resolver) runIndex(kept, runs []int) []int32 {
	if r.match == nil {
		return nil
	}
	runOf := make([]int32, len(r.initial))
	for run := 0; run+1 < len(runs); run++ {
		for _, pos := range kept[runs[run]:runs[run+1]] {
			runOf[pos] = int32(run)
		}
	}
	return runOf
}

// chainedRun returns the level run that continues a sequence ending at
// position last, or -1: when last is an isolate initiator, the sequence
// goes on with the level run that starts with its matching PDI.
func (r *resolver) chainedRun(last int, kept, runs []int, runOf []int32, used []bool) int {
	if !isIsolateInitiator(r.initial[last]) || r.match[last] >= len(r.initial) {
		return -1
	}
	pdi := r.match[last]
	run := int(runOf[pdi])
	// The PDI starts its run unless a paragraph separator inside the
	// isolate reset the level; then the runs stay apart.
	if kept[runs[run]] != pdi || used[run] {
		return -1
	}
	return run
}

// init copies the current types into the sequence and determines its
// level, sos and eos (X10).
func (s *sequence) init() {
	r := s.r
	for i, pos := range s.indexes {
		s.types[i] = r.types[pos]
	}
	first, last := s.indexes[0], s.indexes[len(s.indexes)-1]
	s.level = r.levels[first]

	prev := r.base
	for i := first - 1; i >= 0; i-- {
		if !removedByX9(r.initial[i]) {
			prev = r.levels[i]
			break
		}
	}
	s.sos = directionOf(max(prev, s.level))

	// After an isolate initiator without a matching PDI the sequence
	// ends the paragraph's content, so it compares with the paragraph
	// level.
	next := r.base
	if !isIsolateInitiator(r.initial[last]) {
		for i := last + 1; i < len(r.initial); i++ {
			if !removedByX9(r.initial[i]) {
				next = r.levels[i]
				break
			}
		}
	}
	s.eos = directionOf(max(next, s.level))
}

// directionOf returns the strong type of a level: L for even, R for odd.
func directionOf(l Level) Class {
	if l.IsRTL() {
		return R
	}
	return L
}

// resolve applies the weak, bracket, neutral and implicit rules.
func (s *sequence) resolve() {
	s.resolveWeak()
	s.resolveBrackets()
	s.resolveNeutrals()
}

// applyLevels applies rules I1 and I2 and stores the resolved levels. It
// runs after every sequence has been resolved because X10 computes sos and
// eos from the levels of X1–X8.
func (s *sequence) applyLevels() {
	for i, pos := range s.indexes {
		s.r.levels[pos] = implicitLevel(s.level, s.types[i])
	}
}

// implicitLevel applies rules I1 and I2 to a character of resolved type t
// at embedding level l.
func implicitLevel(l Level, t Class) Level {
	if !l.IsRTL() {
		switch t {
		case R:
			return l + 1
		case AN, EN:
			return l + 2
		}
		return l
	}
	switch t {
	case L, EN, AN:
		return l + 1
	}
	return l
}
