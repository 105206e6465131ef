package counselling

import (
	"slices"
	"strings"

	"accueil/intake"
)

// Message IDs of eligibility reasons.
const (
	// MsgCriminalConviction: excluded for a criminal conviction.
	MsgCriminalConviction = "counselling.eligibility.criminal_conviction"
	// MsgClearAbuse: excluded for clear abuse.
	MsgClearAbuse = "counselling.eligibility.clear_abuse"
	// MsgVisaExempt: excluded as a national of a visa-exempt country.
	// Args: "Country".
	MsgVisaExempt = "counselling.eligibility.visa_exempt"
	// MsgNationalityUnknown: the nationality is not on file, so the
	// visa-exempt list could not be checked. Does not exclude.
	MsgNationalityUnknown = "counselling.eligibility.nationality_unknown"
	// MsgBirthDateUnknown: without a birth date a member is neither adult
	// nor child; the member receives nothing until the date is entered.
	MsgBirthDateUnknown = "counselling.assistance.birth_date_unknown"
)

// Facts are what the counsellor establishes and enters for one person; the
// office's files do not hold them.
type Facts struct {
	CriminalConviction bool
	ClearAbuse         bool
}

// Reason explains an eligibility decision as a message ID with arguments.
// Excludes is false for a reason that only asks the counsellor to check
// something.
type Reason struct {
	ID       string
	Args     map[string]any
	Excludes bool
}

// Eligibility reports whether p may receive return assistance under the
// exclusion rules of ref, with every reason found: the counsellor sees all
// of them, not only the first. A person whose nationality is unknown stays
// eligible with a reason asking for the check, because counselling must not
// deny assistance for a gap in the office's file.
func Eligibility(p intake.Person, facts Facts, ref Reference) (eligible bool, reasons []Reason) {
	if facts.CriminalConviction && ref.ExcludeCriminalConviction {
		reasons = append(reasons, Reason{ID: MsgCriminalConviction, Excludes: true})
	}
	if facts.ClearAbuse && ref.ExcludeClearAbuse {
		reasons = append(reasons, Reason{ID: MsgClearAbuse, Excludes: true})
	}
	nat := strings.ToUpper(strings.TrimSpace(p.Nationality))
	switch {
	case nat == "":
		reasons = append(reasons, Reason{ID: MsgNationalityUnknown})
	case slices.Contains(ref.VisaExemptCountries, nat):
		reasons = append(reasons, Reason{ID: MsgVisaExempt, Args: map[string]any{"Country": nat}, Excludes: true})
	}
	return !slices.ContainsFunc(reasons, func(r Reason) bool { return r.Excludes }), reasons
}
