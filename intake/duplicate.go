package intake

import "accueil/intake/names"

// Reason says why two files may be the same person.
type Reason string

// Reasons for a duplicate candidate.
const (
	ReasonNNumber      Reason = "n_number"
	ReasonZEMISNumber  Reason = "zemis_number"
	ReasonNameAndBirth Reason = "name_birth"
)

// Thresholds of the duplicate rule. A similar name alone is common (many
// people share a name); with a close date of birth and a compatible
// nationality it is worth a person's look.
const (
	SimilarNameScore = 0.85
	// closeBirthDays tolerates a typing slip in the day or month.
	closeBirthDays = 31
	// approxBirthDays tolerates approximate dates set to 1 January.
	approxBirthDays = 366
)

// MatchReasons returns why a and b may be the same person, or nil.
func MatchReasons(a, b Person) []Reason {
	var rs []Reason
	if sameIdentifier(a.NNumber, b.NNumber) {
		rs = append(rs, ReasonNNumber)
	}
	if sameIdentifier(a.ZEMISNumber, b.ZEMISNumber) {
		rs = append(rs, ReasonZEMISNumber)
	}
	if similarNames(a, b) && closeBirth(a, b) && compatibleNationality(a, b) {
		rs = append(rs, ReasonNameAndBirth)
	}
	return rs
}

func sameIdentifier(x, y string) bool {
	nx := NormaliseIdentifier(x)
	return nx != "" && nx == NormaliseIdentifier(y)
}

func similarNames(a, b Person) bool {
	if names.Similarity(a.FullName(), b.FullName()) >= SimilarNameScore {
		return true
	}
	// Compare across scripts too: one file may hold only the original script.
	for _, x := range []string{a.FullName(), a.OriginalName()} {
		for _, y := range []string{b.FullName(), b.OriginalName()} {
			if x != "" && y != "" && names.Similarity(x, y) >= SimilarNameScore {
				return true
			}
		}
	}
	return false
}

func closeBirth(a, b Person) bool {
	if a.BirthDate.IsZero() || b.BirthDate.IsZero() {
		return false
	}
	limit := closeBirthDays
	if a.BirthDateApprox || b.BirthDateApprox {
		limit = approxBirthDays
	}
	return DaysBetween(a.BirthDate, b.BirthDate) <= limit
}

func compatibleNationality(a, b Person) bool {
	return a.Nationality == "" || b.Nationality == "" || a.Nationality == b.Nationality
}
