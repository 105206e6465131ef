package bidi

// resolveWeak applies rules W1–W7 to the sequence. Each rule is a separate
// pass because each one sees the result of the previous rules.
func (s *sequence) resolveWeak() {
	s.resolveNonspacingMarks()
	s.resolveEuropeanAfterArabic()
	s.resolveSeparators()
	s.resolveTerminators()
	s.resolveOtherWeak()
	s.resolveEuropeanAfterL()
}

// resolveNonspacingMarks applies W1: a nonspacing mark takes the type of the
// character before it, or sos; after an isolate control it becomes ON so
// that it cannot look into the isolate.
func (s *sequence) resolveNonspacingMarks() {
	prev := s.sos
	for i, t := range s.types {
		switch t {
		case NSM:
			s.types[i] = prev
		case LRI, RLI, FSI, PDI:
			prev = ON
		default:
			prev = t
		}
	}
}

// resolveEuropeanAfterArabic applies W2 and W3: European digits after an
// Arabic letter are Arabic numbers, then Arabic letters become R.
func (s *sequence) resolveEuropeanAfterArabic() {
	strong := s.sos
	for i, t := range s.types {
		switch t {
		case L, R:
			strong = t
		case AL:
			strong = AL
			s.types[i] = R
		case EN:
			if strong == AL {
				s.types[i] = AN
			}
		}
	}
}

// resolveSeparators applies W4: a single separator between two numbers of
// the same kind joins them (ES only between European numbers).
func (s *sequence) resolveSeparators() {
	types := s.types
	for i := 1; i+1 < len(types); i++ {
		t := types[i]
		if t != ES && t != CS {
			continue
		}
		prev, next := types[i-1], types[i+1]
		switch {
		case prev == EN && next == EN:
			types[i] = EN
		case t == CS && prev == AN && next == AN:
			types[i] = AN
		}
	}
}

// resolveTerminators applies W5: a sequence of terminators (such as "%" or
// "$") next to a European number becomes part of it.
func (s *sequence) resolveTerminators() {
	types := s.types
	for i := 0; i < len(types); {
		if types[i] != ET {
			i++
			continue
		}
		end := i + 1
		for end < len(types) && types[end] == ET {
			end++
		}
		if (i > 0 && types[i-1] == EN) || (end < len(types) && types[end] == EN) {
			fill(types[i:end], EN)
		}
		i = end
	}
}

// resolveOtherWeak applies W6: remaining separators and terminators become
// Other Neutral.
func (s *sequence) resolveOtherWeak() {
	for i, t := range s.types {
		if t == ES || t == ET || t == CS {
			s.types[i] = ON
		}
	}
}

// resolveEuropeanAfterL applies W7: European numbers in left-to-right
// context become L.
func (s *sequence) resolveEuropeanAfterL() {
	strong := s.sos
	for i, t := range s.types {
		switch t {
		case L, R:
			strong = t
		case EN:
			if strong == L {
				s.types[i] = L
			}
		}
	}
}

// fill sets every element of types to t.
func fill(types []Class, t Class) {
	for i := range types {
		types[i] = t
	}
}
