package counselling

import (
	"slices"

	"accueil/intake"
)

// Message IDs of the lines of a [Breakdown].
const (
	MsgLumpSumAdults        = "counselling.assistance.lump_sum_adults"
	MsgLumpSumChildren      = "counselling.assistance.lump_sum_children"
	MsgTravelMoney          = "counselling.assistance.travel_money"
	MsgReintegration        = "counselling.assistance.reintegration_max"
	MsgReintegrationSpecial = "counselling.assistance.reintegration_max_special_needs"
	MsgMedical              = "counselling.assistance.medical"
)

// Item names a line of a [Breakdown], for code that looks a line up.
type Item string

// Items of a breakdown, in the order the preparation sheet shows them.
const (
	ItemLumpSumAdults   Item = "lump_sum_adults"
	ItemLumpSumChildren Item = "lump_sum_children"
	ItemTravelMoney     Item = "travel_money"
	ItemReintegration   Item = "reintegration_max"
	ItemMedical         Item = "medical_assistance"
)

// Member is one person of the household with the eligibility decided for
// them, usually by [NewMember].
type Member struct {
	Person   intake.Person
	Eligible bool
	Reasons  []Reason
}

// NewMember decides the eligibility of p from the counsellor's facts.
func NewMember(p intake.Person, facts Facts, ref Reference) Member {
	ok, reasons := Eligibility(p, facts, ref)
	return Member{Person: p, Eligible: ok, Reasons: reasons}
}

// Options are the counsellor's choices for the computation.
type Options struct {
	// SpecialNeeds raises the reintegration project maximum to the
	// special-needs figure.
	SpecialNeeds bool
}

// Line is one item of assistance. Amount is Count × Unit for the lump sums
// and travel money, the maximum for the reintegration project, and zero for
// medical assistance, which is not an amount but a yes or no (Included) for
// the members who need a medical escort (Count): its cost is assessed case
// by case.
type Line struct {
	Item     Item
	ID       string // message ID of the line's label
	Count    int    // persons counted; 1 or 0 for the reintegration project
	Unit     int64  // CHF per person, or the maximum
	Amount   int64  // CHF
	Included bool
}

// Excluded is a member who receives nothing, with why.
type Excluded struct {
	PersonID string
	Reasons  []Reason
}

// Breakdown is the assistance a household may receive, in whole Swiss
// francs. Total is an upper bound: the lump sums are maxima and the
// reintegration project is granted up to its maximum.
type Breakdown struct {
	Lines       []Line
	Total       int64
	Excluded    []Excluded
	Approximate []string // IDs of members counted with an approximate birth date
	Provisional bool     // the reference figures are not yet confirmed
}

// Line returns the line of item it and whether there is one.
func (b Breakdown) Line(it Item) (Line, bool) {
	i := slices.IndexFunc(b.Lines, func(l Line) bool { return l.Item == it })
	if i < 0 {
		return Line{}, false
	}
	return b.Lines[i], true
}

// Assistance computes the return assistance of a household on day today.
// Eligible members count as adults from the age of majority in ref, by their
// age on today; an approximate birth date is counted as given and the member
// is listed in Approximate so the sheet can say so. Excluded members, and
// members without a birth date, get nothing and are listed with the reason.
// The per-case items (reintegration project, medical assistance) exist only
// when at least one member is counted.
func Assistance(members []Member, ref Reference, today intake.Date, opts Options) Breakdown {
	b := Breakdown{Provisional: !ref.Confirmed}
	var adults, children, medical int
	for _, m := range members {
		p := m.Person
		switch {
		case !m.Eligible:
			b.Excluded = append(b.Excluded, Excluded{PersonID: p.ID, Reasons: excluding(m.Reasons)})
			continue
		case p.BirthDate.IsZero():
			b.Excluded = append(b.Excluded, Excluded{PersonID: p.ID, Reasons: []Reason{{ID: MsgBirthDateUnknown}}})
			continue
		}
		if p.BirthDateApprox {
			b.Approximate = append(b.Approximate, p.ID)
		}
		if Age(p.BirthDate, today) >= ref.Majority {
			adults++
		} else {
			children++
		}
		if slices.Contains(p.Vulnerabilities, intake.VulnerableMedicalEscort) {
			medical++
		}
	}
	b.Lines = lines(adults, children, medical, ref, opts)
	for _, l := range b.Lines {
		b.Total += l.Amount
	}
	return b
}

func lines(adults, children, medical int, ref Reference, opts Options) []Line {
	counted := 0
	if adults+children > 0 {
		counted = 1
	}
	reint := Line{Item: ItemReintegration, ID: MsgReintegration, Count: counted, Unit: ref.ReintegrationMax, Included: counted == 1}
	if opts.SpecialNeeds {
		reint.ID, reint.Unit = MsgReintegrationSpecial, ref.ReintegrationMaxSpecial
	}
	reint.Amount = int64(counted) * reint.Unit
	return []Line{
		perPerson(ItemLumpSumAdults, MsgLumpSumAdults, adults, ref.LumpSumPerAdult),
		perPerson(ItemLumpSumChildren, MsgLumpSumChildren, children, ref.LumpSumPerChild),
		perPerson(ItemTravelMoney, MsgTravelMoney, adults, ref.TravelMoneyPerAdult),
		reint,
		{Item: ItemMedical, ID: MsgMedical, Count: medical, Included: medical > 0 && ref.MedicalAssistanceAvailable},
	}
}

func perPerson(it Item, id string, n int, unit int64) Line {
	return Line{Item: it, ID: id, Count: n, Unit: unit, Amount: int64(n) * unit, Included: n > 0}
}

// excluding keeps the reasons that exclude, dropping mere requests to check.
func excluding(rs []Reason) []Reason {
	var out []Reason
	for _, r := range rs {
		if r.Excludes {
			out = append(out, r)
		}
	}
	return out
}

// Age returns the age in full years on day on of a person born on birth.
// Someone born on 29 February turns a year older on 1 March in common years.
func Age(birth, on intake.Date) int {
	age := on.Year - birth.Year
	if on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) {
		age--
	}
	return age
}
