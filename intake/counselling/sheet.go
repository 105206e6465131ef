package counselling

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"accueil/intake"
)

// File is everything on record about a case that the preparation sheet
// shows: the case, the counsellor's details, the person it was opened from
// and the household's members as they are today (the person included).
type File struct {
	Case          Case
	Details       Details
	Person        intake.Person
	Members       []intake.Person
	Consultations []Consultation // oldest first
	Questions     []Question
	Appointments  []Appointment // oldest first
}

// SheetMember is one member as the sheet shows them.
type SheetMember struct {
	Person   intake.Person
	Age      int // -1 when the birth date is unknown
	Eligible bool
	Reasons  []Reason
}

// Sheet is the consultation preparation sheet: the file with eligibility
// and assistance computed on one day from the reference data.
type Sheet struct {
	File
	Today      intake.Date
	Members    []SheetMember
	Assistance Breakdown
	Reference  Reference
}

// Prepare computes the sheet of f on day today. The household's current
// members count, so a household whose members changed is computed as it
// is now, while the case keeps its history.
func Prepare(f File, ref Reference, today intake.Date) Sheet {
	s := Sheet{File: f, Today: today, Reference: ref}
	members := f.Members
	if len(members) == 0 {
		members = []intake.Person{f.Person}
	}
	ms := make([]Member, 0, len(members))
	for _, p := range members {
		m := NewMember(p, f.Details.Facts[p.ID], ref)
		ms = append(ms, m)
		age := -1
		if !p.BirthDate.IsZero() {
			age = Age(p.BirthDate, today)
		}
		s.Members = append(s.Members, SheetMember{Person: p, Age: age, Eligible: m.Eligible, Reasons: m.Reasons})
	}
	s.Assistance = Assistance(ms, ref, today, Options{SpecialNeeds: f.Details.SpecialNeeds})
	return s
}

// CaseSummary is what statistics need of a case: no names, no notes.
type CaseSummary struct {
	Step     Step
	Country  string // return country, ISO code; empty when not yet known
	Departed intake.Date
	Granted  int64 // CHF
}

// Statistics are the bureau's figures over a set of cases.
type Statistics struct {
	Cases      int
	ByStep     map[Step]int
	ByCountry  map[string]int
	Departures map[string]int // by month, "YYYY-MM"
	Granted    int64          // CHF, summed over all cases
}

// Summarise counts cases by step and country, departures by month, and
// sums the assistance granted.
func Summarise(cases []CaseSummary) Statistics {
	st := Statistics{ByStep: map[Step]int{}, ByCountry: map[string]int{}, Departures: map[string]int{}}
	for _, c := range cases {
		st.Cases++
		st.ByStep[c.Step]++
		if c.Country != "" {
			st.ByCountry[c.Country]++
		}
		if !c.Departed.IsZero() {
			st.Departures[fmt.Sprintf("%04d-%02d", c.Departed.Year, int(c.Departed.Month))]++
		}
		st.Granted += c.Granted
	}
	return st
}

// Months returns the months with departures, oldest first.
func (st Statistics) Months() []string { return slices.Sorted(maps.Keys(st.Departures)) }

// Countries returns the countries, most cases first, then by code.
func (st Statistics) Countries() []string {
	out := slices.Collect(maps.Keys(st.ByCountry))
	slices.SortFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(st.ByCountry[b], st.ByCountry[a]), cmp.Compare(a, b))
	})
	return out
}

// AllSteps lists working steps and then outcomes, for tables and charts.
func AllSteps() []Step { return append(Steps(), StepClosed, StepWithdrawn) }
