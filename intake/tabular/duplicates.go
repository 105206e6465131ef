package tabular

import (
	"cmp"
	"slices"
	"strconv"

	"accueil/intake"
	"accueil/intake/names"
)

// Match is another row of the same file that may describe the same person.
type Match struct {
	Row     int // the other row's Line
	Reasons []intake.Reason
}

// birthYearWindow is how many years apart two dates of birth may lie and
// still be close for intake.MatchReasons: an approximate date is close
// within 366 days, which can span two calendar year boundaries.
const birthYearWindow = 2

// DuplicatesWithin finds rows of one file that may be the same person, by
// intake.MatchReasons. It returns, for each such row's Line, the other rows
// it may duplicate, ordered by line.
//
// Comparing every pair of a 100,000-row list would take billions of
// comparisons, so rows are only compared within blocks: the same
// normalised N or ZEMIS number, or the same sound of the surname
// (names.Skeleton) with a birth year at most two years apart. Two rows of
// the same person whose surnames sound different and whose identifiers
// differ are not found; the desk's duplicate check against stored files
// applies the full rule again on import.
func DuplicatesWithin(rows []Row) map[int][]Match {
	out := map[int][]Match{}
	blocks := map[string][]int{}
	// compared[i] == j+1 once row i has been compared with row j, so that
	// a pair found in several blocks is compared once.
	compared := make([]int, len(rows))
	for j := range rows {
		insert, lookup := blockKeys(rows[j].Person)
		for _, k := range lookup {
			for _, i := range blocks[k] {
				if compared[i] == j+1 {
					continue
				}
				compared[i] = j + 1
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

// blockKeys returns the blocks a person belongs to and the blocks to search
// for earlier rows that may match.
func blockKeys(p intake.Person) (insert, lookup []string) {
	for _, id := range []struct{ kind, v string }{{"n", p.NNumber}, {"z", p.ZEMISNumber}} {
		if n := intake.NormaliseIdentifier(id.v); n != "" {
			k := id.kind + "\x00" + n
			insert, lookup = append(insert, k), append(lookup, k)
		}
	}
	// Without a date of birth the name rule cannot match.
	if p.BirthDate.IsZero() {
		return insert, lookup
	}
	var sounds []string
	for _, s := range []string{p.Surname, p.SurnameOriginal} {
		if sk := names.Skeleton(s); sk != "" && !slices.Contains(sounds, sk) {
			sounds = append(sounds, sk)
		}
	}
	for _, sk := range sounds {
		insert = append(insert, nameKey(sk, p.BirthDate.Year))
		for y := p.BirthDate.Year - birthYearWindow; y <= p.BirthDate.Year+birthYearWindow; y++ {
			lookup = append(lookup, nameKey(sk, y))
		}
	}
	return insert, lookup
}

func nameKey(skeleton string, year int) string {
	return "s\x00" + skeleton + "\x00" + strconv.Itoa(year)
}
