package counselling

import (
	"reflect"
	"slices"
	"testing"

	"accueil/intake"
)

// person returns a fictitious household member born on birth.
func person(id, given, birth string) intake.Person {
	return intake.Person{
		ID: id, Surname: "Testari", GivenNames: given, BirthDate: intake.MustDate(birth),
		Nationality: "ER", HouseholdID: "h1",
	}
}

func TestEligibility(t *testing.T) {
	ref := loadShipped(t)
	visa := ref
	visa.VisaExemptCountries = []string{"XK"}
	lenient := ref
	lenient.ExcludeClearAbuse = false
	tests := []struct {
		name        string
		nationality string
		facts       Facts
		ref         Reference
		eligible    bool
		ids         []string
	}{
		{"no exclusion", "ER", Facts{}, ref, true, nil},
		{"criminal conviction", "ER", Facts{CriminalConviction: true}, ref, false, []string{MsgCriminalConviction}},
		{"clear abuse", "ER", Facts{ClearAbuse: true}, ref, false, []string{MsgClearAbuse}},
		{"all reasons listed", "XK", Facts{CriminalConviction: true, ClearAbuse: true}, visa, false, []string{MsgCriminalConviction, MsgClearAbuse, MsgVisaExempt}},
		{"visa-exempt country", "XK", Facts{}, visa, false, []string{MsgVisaExempt}},
		{"visa-exempt code in lower case", "xk", Facts{}, visa, false, []string{MsgVisaExempt}},
		{"other country with a list", "AF", Facts{}, visa, true, nil},
		{"empty list excludes nobody", "XK", Facts{}, ref, true, nil},
		{"nationality unknown asks for a check", "", Facts{}, visa, true, []string{MsgNationalityUnknown}},
		{"rule switched off in the data", "ER", Facts{ClearAbuse: true}, lenient, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := person("p1", "Yonas", "1990-04-02")
			p.Nationality = tt.nationality
			ok, reasons := Eligibility(p, tt.facts, tt.ref)
			var ids []string
			for _, r := range reasons {
				ids = append(ids, r.ID)
			}
			if ok != tt.eligible || !slices.Equal(ids, tt.ids) {
				t.Fatalf("Eligibility = %v, %v; want %v, %v", ok, ids, tt.eligible, tt.ids)
			}
		})
	}
}

// amounts is a breakdown reduced to what the tables compare.
type amounts struct {
	adults, children int
	lumpSum          int64 // adults and children together
	travel           int64
	reintegration    int64
	medical          bool
	total            int64
	excluded         []string
	approximate      []string
}

func summarise(b Breakdown) amounts {
	get := func(it Item) Line { l, _ := b.Line(it); return l }
	a := amounts{
		adults: get(ItemLumpSumAdults).Count, children: get(ItemLumpSumChildren).Count,
		lumpSum: get(ItemLumpSumAdults).Amount + get(ItemLumpSumChildren).Amount,
		travel:  get(ItemTravelMoney).Amount, reintegration: get(ItemReintegration).Amount,
		medical: get(ItemMedical).Included, total: b.Total, approximate: b.Approximate,
	}
	for _, e := range b.Excluded {
		a.excluded = append(a.excluded, e.PersonID)
	}
	return a
}

func TestAssistance(t *testing.T) {
	ref := loadShipped(t)
	today := intake.MustDate("2026-11-23")
	eligible := func(ps ...intake.Person) []Member {
		var ms []Member
		for _, p := range ps {
			ms = append(ms, NewMember(p, Facts{}, ref))
		}
		return ms
	}
	father := person("p1", "Yonas", "1988-03-14")
	mother := person("p2", "Saba", "1991-07-30")
	son := person("p3", "Abel", "2015-01-09")
	daughter := person("p4", "Hana", "2019-12-01")
	eighteenToday := person("p5", "Lidya", "2008-11-23")
	eighteenTomorrow := person("p6", "Meron", "2008-11-24")
	approx := person("p7", "Dawit", "2008-01-01")
	approx.BirthDateApprox = true
	escorted := person("p8", "Selam", "1960-05-05")
	escorted.Vulnerabilities = []intake.Vulnerability{intake.VulnerableMedicalEscort}
	noBirth := person("p9", "Luwam", "2000-01-01")
	noBirth.BirthDate = intake.Date{}

	tests := []struct {
		name    string
		members []Member
		opts    Options
		want    amounts
	}{
		{"single adult", eligible(father), Options{},
			amounts{adults: 1, lumpSum: 1000, travel: 100, reintegration: 3000, total: 4100}},
		{"couple with two children", eligible(father, mother, son, daughter), Options{},
			amounts{adults: 2, children: 2, lumpSum: 3000, travel: 200, reintegration: 3000, total: 6200}},
		{"child turning 18 today is an adult", eligible(mother, eighteenToday), Options{},
			amounts{adults: 2, lumpSum: 2000, travel: 200, reintegration: 3000, total: 5200}},
		{"child turning 18 tomorrow is a child", eligible(mother, eighteenTomorrow), Options{},
			amounts{adults: 1, children: 1, lumpSum: 1500, travel: 100, reintegration: 3000, total: 4600}},
		// 1 January 2008 by convention: counted as 18, although the person
		// may have been born later in 2008.
		{"approximate birth date counted as given", eligible(mother, approx), Options{},
			amounts{adults: 2, lumpSum: 2000, travel: 200, reintegration: 3000, total: 5200, approximate: []string{"p7"}}},
		{"member excluded for a conviction",
			append(eligible(mother, son), NewMember(father, Facts{CriminalConviction: true}, ref)), Options{},
			amounts{adults: 1, children: 1, lumpSum: 1500, travel: 100, reintegration: 3000, total: 4600, excluded: []string{"p1"}}},
		{"special needs", eligible(father), Options{SpecialNeeds: true},
			amounts{adults: 1, lumpSum: 1000, travel: 100, reintegration: 5000, total: 6100}},
		{"medical escort", eligible(escorted, son), Options{},
			amounts{adults: 1, children: 1, lumpSum: 1500, travel: 100, reintegration: 3000, medical: true, total: 4600}},
		{"medical escort of an excluded member does not count",
			append(eligible(son), NewMember(escorted, Facts{ClearAbuse: true}, ref)), Options{},
			amounts{children: 1, lumpSum: 500, reintegration: 3000, total: 3500, excluded: []string{"p8"}}},
		{"birth date unknown", eligible(mother, noBirth), Options{},
			amounts{adults: 1, lumpSum: 1000, travel: 100, reintegration: 3000, total: 4100, excluded: []string{"p9"}}},
		{"everyone excluded", []Member{NewMember(father, Facts{CriminalConviction: true}, ref)}, Options{SpecialNeeds: true},
			amounts{excluded: []string{"p1"}}},
		{"no members", nil, Options{}, amounts{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Assistance(tt.members, ref, today, tt.opts)
			if got := summarise(b); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Assistance =\n%+v\nwant\n%+v", got, tt.want)
			}
			if !b.Provisional {
				t.Error("figures from an unconfirmed reference must be provisional")
			}
		})
	}
}

func TestAssistanceLines(t *testing.T) {
	ref := loadShipped(t)
	ref.Confirmed = true
	m := NewMember(person("p1", "Yonas", "1988-03-14"), Facts{}, ref)
	b := Assistance([]Member{m}, ref, intake.MustDate("2026-11-23"), Options{SpecialNeeds: true})
	want := []Line{
		{Item: ItemLumpSumAdults, ID: MsgLumpSumAdults, Count: 1, Unit: 1000, Amount: 1000, Included: true},
		{Item: ItemLumpSumChildren, ID: MsgLumpSumChildren, Count: 0, Unit: 500, Amount: 0},
		{Item: ItemTravelMoney, ID: MsgTravelMoney, Count: 1, Unit: 100, Amount: 100, Included: true},
		{Item: ItemReintegration, ID: MsgReintegrationSpecial, Count: 1, Unit: 5000, Amount: 5000, Included: true},
		{Item: ItemMedical, ID: MsgMedical},
	}
	if !reflect.DeepEqual(b.Lines, want) || b.Provisional || b.Total != 6100 {
		t.Fatalf("breakdown %+v", b)
	}
}

func TestAssistanceExcludedReasons(t *testing.T) {
	ref := loadShipped(t)
	p := person("p1", "Yonas", "1988-03-14")
	p.Nationality = ""
	m := NewMember(p, Facts{CriminalConviction: true}, ref)
	b := Assistance([]Member{m}, ref, intake.MustDate("2026-11-23"), Options{})
	// The request to check the nationality does not belong to the reasons
	// for the exclusion.
	if len(b.Excluded) != 1 || len(b.Excluded[0].Reasons) != 1 || b.Excluded[0].Reasons[0].ID != MsgCriminalConviction {
		t.Fatalf("excluded %+v", b.Excluded)
	}
}

func TestAge(t *testing.T) {
	tests := []struct {
		birth, on string
		want      int
	}{
		{"2008-11-23", "2026-11-23", 18},
		{"2008-11-24", "2026-11-23", 17},
		{"2008-12-01", "2026-11-30", 17},
		{"2008-02-29", "2026-02-28", 17},
		{"2008-02-29", "2026-03-01", 18},
		{"2008-02-29", "2028-02-29", 20},
		{"2026-11-23", "2026-11-23", 0},
	}
	for _, tt := range tests {
		t.Run(tt.birth+" on "+tt.on, func(t *testing.T) {
			if got := Age(intake.MustDate(tt.birth), intake.MustDate(tt.on)); got != tt.want {
				t.Fatalf("Age = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestMessageIDs(t *testing.T) {
	seen := map[string]bool{}
	for _, id := range MessageIDs() {
		if id == "" || seen[id] {
			t.Fatalf("message ID %q empty or listed twice", id)
		}
		seen[id] = true
	}
}
