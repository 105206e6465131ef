package bidi

// isNeutralOrIsolate reports whether t is a neutral or isolate control
// (NI in UAX #9) for rules N1 and N2.
func isNeutralOrIsolate(t Class) bool {
	switch t {
	case B, S, WS, ON, LRI, RLI, FSI, PDI:
		return true
	}
	return false
}

// strongForNeutrals returns the direction a resolved type gives to the
// neutrals next to it: numbers count as R (N1).
func strongForNeutrals(t Class) Class {
	if t == EN || t == AN {
		return R
	}
	return t
}

// resolveNeutrals applies rules N1 and N2: a sequence of neutrals takes the
// direction of the text on both sides if it is the same, and the embedding
// direction otherwise.
func (s *sequence) resolveNeutrals() {
	types := s.types
	embedding := directionOf(s.level)
	for i := 0; i < len(types); {
		if !isNeutralOrIsolate(types[i]) {
			i++
			continue
		}
		end := i + 1
		for end < len(types) && isNeutralOrIsolate(types[end]) {
			end++
		}
		before, after := s.sos, s.eos
		if i > 0 {
			before = strongForNeutrals(types[i-1])
		}
		if end < len(types) {
			after = strongForNeutrals(types[end])
		}
		if before == after {
			fill(types[i:end], before)
		} else {
			fill(types[i:end], embedding)
		}
		i = end
	}
}
