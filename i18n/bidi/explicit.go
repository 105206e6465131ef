package bidi

// maxDepth is the deepest explicit embedding level (BD2).
const maxDepth = 125

// matchIsolates pairs isolate initiators with PDIs (BD9) with a stack: a
// PDI matches the innermost open initiator. Embeddings do not take part.
func (r *resolver) matchIsolates() {
	n := len(r.initial)
	var open []int
	for i, c := range r.initial {
		if !isIsolateInitiator(c) && c != PDI {
			continue
		}
		if r.match == nil {
			r.match = make([]int, n)
		}
		if c != PDI {
			r.match[i] = n
			open = append(open, i)
			continue
		}
		r.match[i] = -1
		if len(open) > 0 {
			j := open[len(open)-1]
			open = open[:len(open)-1]
			r.match[j], r.match[i] = i, j
		}
	}
}

// paragraphLevel applies rules P2 and P3, unless dir fixes the level.
func (r *resolver) paragraphLevel(dir Direction) Level {
	switch dir {
	case LTR:
		return 0
	case RTL:
		return 1
	}
	return r.firstStrongLevel(0, len(r.initial))
}

// firstStrongLevel returns 1 if the first strong character of [start, end)
// outside isolates is R or AL, else 0 (P2–P3, also used for FSI by X5c).
func (r *resolver) firstStrongLevel(start, end int) Level {
	for i := start; i < end; i++ {
		switch r.initial[i] {
		case L:
			return 0
		case R, AL:
			return 1
		case LRI, RLI, FSI:
			// Skip the isolate: the loop resumes after its PDI, or
			// stops at the end if it has none.
			i = r.match[i]
		}
	}
	return 0
}

// dirStatus is an entry of the directional status stack (X1).
type dirStatus struct {
	level    Level
	override Class // ON (neutral), L or R
	isolate  bool
}

// explicitState is the directional status stack and counters of X1.
type explicitState struct {
	stack              [maxDepth + 2]dirStatus
	top                int
	overflowIsolates   int
	overflowEmbeddings int
	validIsolates      int
}

// explicitLevels applies rules X1–X8: it gives every character the level of
// the embedding it is in and applies directional overrides to types.
func (r *resolver) explicitLevels() {
	s := &explicitState{}
	s.stack[0] = dirStatus{level: r.base, override: ON}
	for i, c := range r.initial {
		switch c {
		case RLE, LRE, RLO, LRO:
			// The level of these removed characters is set again
			// later; keep the current one meanwhile.
			r.levels[i] = s.stack[s.top].level
			s.pushEmbedding(c)
		case RLI, LRI, FSI:
			r.setCurrent(i, s)
			rtl := c == RLI
			if c == FSI {
				rtl = r.firstStrongLevel(i+1, r.match[i]) == 1
			}
			s.pushIsolate(rtl)
		case PDI:
			s.popIsolate()
			r.setCurrent(i, s)
		case PDF:
			s.popEmbedding()
			r.levels[i] = s.stack[s.top].level
		case B:
			// X8: a paragraph separator gets the paragraph level.
			r.levels[i] = r.base
		default:
			r.setCurrent(i, s)
		}
	}
}

// setCurrent gives character i the level and override of the top of the
// stack (X5a–X5c, X6, X6a).
func (r *resolver) setCurrent(i int, s *explicitState) {
	top := s.stack[s.top]
	r.levels[i] = top.level
	if top.override != ON {
		r.types[i] = top.override
	}
}

// nextLevel returns the least odd (rtl) or even level above l.
func nextLevel(l Level, rtl bool) Level {
	if rtl {
		return (l + 1) | 1
	}
	return (l + 2) &^ 1
}

// pushEmbedding applies X2–X5 to an embedding or override control.
func (s *explicitState) pushEmbedding(c Class) {
	level := nextLevel(s.stack[s.top].level, c == RLE || c == RLO)
	if level > maxDepth || s.overflowIsolates > 0 || s.overflowEmbeddings > 0 {
		// Overflow: count it so that its PDF is ignored too.
		if s.overflowIsolates == 0 {
			s.overflowEmbeddings++
		}
		return
	}
	override := ON
	switch c {
	case LRO:
		override = L
	case RLO:
		override = R
	}
	s.top++
	s.stack[s.top] = dirStatus{level: level, override: override}
}

// pushIsolate applies the stack part of X5a–X5c.
func (s *explicitState) pushIsolate(rtl bool) {
	level := nextLevel(s.stack[s.top].level, rtl)
	if level > maxDepth || s.overflowIsolates > 0 || s.overflowEmbeddings > 0 {
		s.overflowIsolates++
		return
	}
	s.validIsolates++
	s.top++
	s.stack[s.top] = dirStatus{level: level, override: ON, isolate: true}
}

// popIsolate applies the stack part of X6a: a PDI closes its isolate and
// every embedding still open inside it.
func (s *explicitState) popIsolate() {
	switch {
	case s.overflowIsolates > 0:
		s.overflowIsolates--
	case s.validIsolates == 0:
		// An unmatched PDI changes nothing.
	default:
		s.overflowEmbeddings = 0
		for !s.stack[s.top].isolate {
			s.top--
		}
		s.top--
		s.validIsolates--
	}
}

// popEmbedding applies X7: a PDF closes the innermost embedding unless it
// belongs to an overflowed one or would close an isolate.
func (s *explicitState) popEmbedding() {
	switch {
	case s.overflowIsolates > 0:
	case s.overflowEmbeddings > 0:
		s.overflowEmbeddings--
	case !s.stack[s.top].isolate && s.top > 0:
		s.top--
	}
}
