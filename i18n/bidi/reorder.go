package bidi

import "slices"

// isWhitespaceForL1 reports whether trailing characters of class c are
// reset to the paragraph level by L1: whitespace, isolate controls, and the
// characters removed by X9, which sit among them invisibly.
func isWhitespaceForL1(c Class) bool {
	switch c {
	case WS, LRI, RLI, FSI, PDI, RLE, LRE, RLO, LRO, PDF, BN:
		return true
	}
	return false
}

// resetWhitespace applies rule L1 to the levels of one line: segment and
// paragraph separators, and whitespace before them or at the end of the
// line, get the paragraph level so that they stay at the line's edge.
func resetWhitespace(levels []Level, classes []Class, base Level) {
	trailing := true // inside whitespace that precedes a separator or the line end
	for i := len(levels) - 1; i >= 0; i-- {
		switch c := classes[i]; {
		case c == B || c == S:
			levels[i] = base
			trailing = true
		case trailing && isWhitespaceForL1(c):
			levels[i] = base
		default:
			trailing = false
		}
	}
}

// levelRuns splits a line's levels into maximal runs of one level, in
// logical order; offset is the position of the line's first character.
func levelRuns(levels []Level, offset int) []Run {
	var runs []Run
	for i := 0; i < len(levels); {
		end := i + 1
		for end < len(levels) && levels[end] == levels[i] {
			end++
		}
		runs = append(runs, Run{Start: offset + i, End: offset + end, Level: levels[i], RTL: levels[i].IsRTL()})
		i = end
	}
	return runs
}

// reorderRuns applies rule L2 to whole runs: from the highest level down to
// the lowest odd level, every maximal sequence of runs at that level or
// higher is reversed. Inside a run, characters end up reversed exactly when
// the run's level is odd, which Run.RTL records.
func reorderRuns(runs []Run) {
	highest, lowestOdd := Level(0), Level(maxDepth+2)
	for _, run := range runs {
		highest = max(highest, run.Level)
		if run.Level.IsRTL() {
			lowestOdd = min(lowestOdd, run.Level)
		}
	}
	for level := highest; level >= lowestOdd; level-- {
		for i := 0; i < len(runs); {
			if runs[i].Level < level {
				i++
				continue
			}
			end := i + 1
			for end < len(runs) && runs[end].Level >= level {
				end++
			}
			slices.Reverse(runs[i:end])
			i = end
		}
	}
}
