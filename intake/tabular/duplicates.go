package tabular

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"accueil/intake"
	"accueil/intake/names"
)

// Match is another row of the same file that may describe the same person.
type Match struct {
	Row     int // the other row's Line
	Reasons []intake.Reason
}

// Bounds of intake.MatchReasons's name rule, used to skip the name
// comparison (microseconds each) for pairs it cannot accept. They may be
// wider than intake's, never narrower; a test checks that they are.
const (
	// closeBirthDays and approxBirthDays: how far apart two dates of
	// birth may lie, exact and approximate.
	closeBirthDays  = 31
	approxBirthDays = 366
	// birthYearWindow: approxBirthDays can span two calendar year
	// boundaries (31 December to 1 January two years later).
	birthYearWindow = 2
)

// DuplicatesWithin finds rows of one file that may be the same person, by
// intake.MatchReasons. It returns, for each such row's Line, the other rows
// it may duplicate, ordered by line.
//
// Comparing every pair of a 100,000-row list would take billions of
// comparisons, so rows are only compared within blocks: the same
// normalised N or ZEMIS number, or the same sound of the surname
// (names.Skeleton, in Latin or original script) with a birth year at most
// two years apart. A row is also compared with the rows whose surname
// sounds like its given names, because intake.MatchReasons forgives
// swapped surname and given names. Two rows of the same person whose
// surnames sound different and whose identifiers differ are not found; the
// desk's duplicate check against stored files applies the full rule again
// on import.
func DuplicatesWithin(rows []Row) map[int][]Match {
	out := map[int][]Match{}
	blocks := map[string][]int{}
	// compared[i] == j+1 once row i has been compared with row j, so that
	// a pair found in several blocks is compared once.
	compared := make([]int, len(rows))
	// The prefilter runs for every candidate pair: keep what it reads
	// small and together rather than in the large rows.
	briefs := make([]brief, len(rows))
	for i := range rows {
		briefs[i] = briefOf(rows[i].Person)
	}
	for j := range rows {
		insert, lookup, ids := blockKeys(rows[j].Person)
		for n, k := range lookup {
			for _, i := range blocks[k] {
				if compared[i] == j+1 {
					continue
				}
				compared[i] = j + 1
				// Identifier blocks come first in lookup, so a pair
				// that shares one is never skipped here.
				if n >= ids && !mayMatchByName(briefs[i], briefs[j]) {
					continue
				}
				if rs := intake.MatchReasons(rows[i].Person, rows[j].Person); len(rs) > 0 {
					a, b := rows[i].Line, rows[j].Line
					out[a] = append(out[a], Match{Row: b, Reasons: rs})
					out[b] = append(out[b], Match{Row: a, Reasons: rs})
				}
			}
		}
		for _, k := range insert {
			blocks[k] = append(blocks[k], j)
		}
	}
	for _, ms := range out {
		slices.SortFunc(ms, func(a, b Match) int { return cmp.Compare(a.Row, b.Row) })
	}
	return out
}

// brief is what mayMatchByName needs of a person.
type brief struct {
	nationality string
	birthDay    int64 // days since 1970-01-01
	approx      bool
}

func briefOf(p intake.Person) brief {
	return brief{
		nationality: p.Nationality,
		birthDay:    p.BirthDate.Time().Unix() / 86400,
		approx:      p.BirthDateApprox,
	}
}

// mayMatchByName reports whether the dates of birth and nationalities of a
// and b leave intake.MatchReasons's name rule a chance. Only persons with a
// date of birth reach it (the name blocks need one).
func mayMatchByName(a, b brief) bool {
	if a.nationality != "" && b.nationality != "" && a.nationality != b.nationality {
		return false
	}
	limit := int64(closeBirthDays)
	if a.approx || b.approx {
		limit = approxBirthDays
	}
	d := a.birthDay - b.birthDay
	return -limit <= d && d <= limit
}

// blockKeys returns the blocks a person belongs to, the blocks to search
// for earlier rows that may match, and how many of those are identifier
// blocks (they come first).
func blockKeys(p intake.Person) (insert, lookup []string, ids int) {
	for _, id := range []struct{ kind, v string }{{"n", p.NNumber}, {"z", p.ZEMISNumber}} {
		if n := intake.NormaliseIdentifier(id.v); n != "" {
			k := id.kind + "\x00" + n
			insert, lookup = append(insert, k), append(lookup, k)
		}
	}
	ids = len(lookup)
	// Without a date of birth the name rule cannot match.
	if p.BirthDate.IsZero() {
		return insert, lookup, ids
	}
	surnames := sounds(p.Surname, p.SurnameOriginal)
	for _, sk := range surnames {
		insert = append(insert, nameKey(sk, p.BirthDate.Year))
	}
	for _, sk := range sounds(p.Surname, p.SurnameOriginal, p.GivenNames, p.GivenNamesOriginal) {
		for y := p.BirthDate.Year - birthYearWindow; y <= p.BirthDate.Year+birthYearWindow; y++ {
			lookup = append(lookup, nameKey(sk, y))
		}
	}
	return insert, lookup, ids
}

// sounds returns the distinct blocking keys of names: their skeletons
// without the vowel class letter. names.Skeleton documents that letter as
// one of a, i, u after the first consonant, and leaves it out for Arabic
// script, which does not write short vowels; without it, محمد and
// Mohammed share a block.
func sounds(ns ...string) []string {
	var out []string
	for _, n := range ns {
		sk := strings.Map(dropVowelClass, names.Skeleton(n))
		if sk != "" && !slices.Contains(out, sk) {
			out = append(out, sk)
		}
	}
	return out
}

func dropVowelClass(r rune) rune {
	if r == 'a' || r == 'i' || r == 'u' {
		return -1
	}
	return r
}

func nameKey(skeleton string, year int) string {
	return "s\x00" + skeleton + "\x00" + strconv.Itoa(year)
}
