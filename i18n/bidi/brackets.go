package bidi

import "slices"

// maxBracketDepth is the size of the bracket stack of BD16.
const maxBracketDepth = 63

// bracketPair holds the positions, within a sequence, of an opening paired
// bracket and its closing bracket.
type bracketPair struct {
	open, close int
}

// resolveBrackets applies rule N0: a pair of brackets takes the direction of
// the strong text inside it, so that both brackets of a pair end up on the
// same side of that text.
func (s *sequence) resolveBrackets() {
	if s.r.text == nil {
		return
	}
	pairs := s.bracketPairs()
	if len(pairs) == 0 {
		return
	}
	embedding := directionOf(s.level)
	// Pairs are resolved in the order of their opening brackets, and
	// resolving one only changes types at or after its opening bracket,
	// so the strong type before each pair can be tracked in one scan.
	before, scanned := s.sos, 0
	for _, p := range pairs {
		for ; scanned < p.open; scanned++ {
			if t := strongForBrackets(s.types[scanned]); t != ON {
				before = t
			}
		}
		s.resolvePair(p, embedding, before)
	}
}

// bracketPairs identifies the bracket pairs of the sequence (BD16). Only
// brackets whose current type is ON take part, so brackets under an
// override do not pair.
func (s *sequence) bracketPairs() []bracketPair {
	type opener struct {
		pos int
		id  rune
	}
	var stack []opener
	var pairs []bracketPair
	for i, pos := range s.indexes {
		if s.types[i] != ON {
			continue
		}
		kind, id := bracketOf(s.r.text[pos])
		switch kind {
		case openBracket:
			if len(stack) == maxBracketDepth {
				// BD16: stop looking for pairs in this sequence.
				return sortPairs(pairs)
			}
			stack = append(stack, opener{pos: i, id: id})
		case closeBracket:
			// Match the innermost opener of the same pair, dropping
			// the unmatched openers inside it.
			for j := len(stack) - 1; j >= 0; j-- {
				if stack[j].id == id {
					pairs = append(pairs, bracketPair{open: stack[j].pos, close: i})
					stack = stack[:j]
					break
				}
			}
		}
	}
	return sortPairs(pairs)
}

// sortPairs orders pairs by their opening bracket, as N0 processes them.
func sortPairs(pairs []bracketPair) []bracketPair {
	slices.SortFunc(pairs, func(a, b bracketPair) int { return a.open - b.open })
	return pairs
}

// strongForBrackets returns the strong direction a resolved type gives for
// rule N0: numbers count as R, neutrals as ON.
func strongForBrackets(t Class) Class {
	switch t {
	case L:
		return L
	case R, AL, EN, AN:
		return R
	}
	return ON
}

// resolvePair applies N0 b–d to one pair, given the strong direction before
// its opening bracket.
func (s *sequence) resolvePair(p bracketPair, embedding, before Class) {
	dir := s.pairContent(p, embedding)
	if dir == ON {
		// N0 d: no strong type inside, leave the brackets neutral.
		return
	}
	if dir != embedding && before != dir {
		// N0 c2: opposite direction inside only, but not before:
		// the brackets follow the embedding.
		dir = embedding
	}
	s.types[p.open] = dir
	s.types[p.close] = dir
	s.setFollowingMarks(p.open+1, dir)
	s.setFollowingMarks(p.close+1, dir)
}

// pairContent returns the embedding direction if a strong type of that
// direction is inside the pair (N0 b), else the opposite direction if one
// is found (N0 c), else ON.
func (s *sequence) pairContent(p bracketPair, embedding Class) Class {
	found := ON
	for _, t := range s.types[p.open+1 : p.close] {
		switch d := strongForBrackets(t); d {
		case ON:
		case embedding:
			return d
		default:
			found = d
		}
	}
	return found
}

// setFollowingMarks gives the nonspacing marks that follow a bracket, which
// W1 made neutral like the bracket, the bracket's new type.
func (s *sequence) setFollowingMarks(from int, dir Class) {
	for i := from; i < len(s.indexes) && s.r.initial[s.indexes[i]] == NSM; i++ {
		s.types[i] = dir
	}
}
