package counselling

import (
	"testing"
	"time"

	"accueil/intake"
)

func TestPrepareHousehold(t *testing.T) {
	ref := loadShipped(t)
	today := intake.MustDate("2026-11-23")
	father := person("p1", "Alpha", "1985-03-01")
	mother := person("p2", "Beta", "1988-07-15")
	mother.Vulnerabilities = []intake.Vulnerability{intake.VulnerableMedicalEscort}
	child := person("p3", "Gamma", "2015-01-01")
	excluded := person("p4", "Delta", "1960-01-01")
	tests := []struct {
		name    string
		members []intake.Person
		details Details
		total   int64 // lump sums + travel money + reintegration maximum
		medical bool
	}{
		// 2×1000 + 1×500 + 2×100 + 3000
		{"two adults one child", []intake.Person{father, mother, child}, Details{}, 5700, true},
		// special needs: reintegration 5000 instead of 3000
		{"special needs", []intake.Person{father, mother, child}, Details{SpecialNeeds: true}, 7700, true},
		// the convicted member gets nothing; the others count
		{"a member excluded", []intake.Person{father, excluded},
			Details{Facts: map[string]Facts{"p4": {CriminalConviction: true}}}, 4100, false},
		{"person alone", nil, Details{}, 4100, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Prepare(File{Person: father, Members: tt.members, Details: tt.details}, ref, today)
			if s.Assistance.Total != tt.total {
				t.Fatalf("total = %d, want %d (%+v)", s.Assistance.Total, tt.total, s.Assistance.Lines)
			}
			med, _ := s.Assistance.Line(ItemMedical)
			if med.Included != tt.medical {
				t.Fatalf("medical = %v, want %v", med.Included, tt.medical)
			}
			if len(s.Members) == 0 || s.Members[0].Age != 41 {
				t.Fatalf("members = %+v", s.Members)
			}
		})
	}
}

func TestSummarise(t *testing.T) {
	st := Summarise([]CaseSummary{
		{Step: StepFirstContact, Country: "ER"},
		{Step: StepDeparturePaid, Country: "ER", Departed: intake.MustDate("2026-10-03"), Granted: 4100},
		{Step: StepReintegrationFollowUp, Country: "GE", Departed: intake.MustDate("2026-10-20"), Granted: 5700},
		{Step: StepWithdrawn},
	})
	if st.Cases != 4 || st.ByStep[StepFirstContact] != 1 || st.ByCountry["ER"] != 2 || st.Granted != 9800 {
		t.Fatalf("stats = %+v", st)
	}
	if m := st.Months(); len(m) != 1 || m[0] != "2026-10" || st.Departures["2026-10"] != 2 {
		t.Fatalf("departures = %v %v", m, st.Departures)
	}
	if c := st.Countries(); len(c) != 2 || c[0] != "ER" {
		t.Fatalf("countries = %v", c)
	}
}

func TestWeekOf(t *testing.T) {
	tests := []struct{ day, monday string }{
		{"2026-11-23", "2026-11-23"}, // a Monday
		{"2026-11-29", "2026-11-23"}, // a Sunday
		{"2026-11-26", "2026-11-23"},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			d, _ := time.Parse("2006-01-02", tt.day)
			from, to := WeekOf(d.Add(15 * time.Hour))
			if from.Format("2006-01-02") != tt.monday || to.Sub(from) != 7*24*time.Hour {
				t.Fatalf("WeekOf = %v..%v", from, to)
			}
		})
	}
}

func TestDetailsCheck(t *testing.T) {
	tests := []struct {
		name string
		d    Details
		want string
	}{
		{"empty", Details{}, ""},
		{"country", Details{Country: "Eritrea"}, MsgBadCountry},
		{"negative amount", Details{Granted: -1}, MsgBadAmount},
		{"unknown status", Details{Documents: map[DocumentKind]DocumentStatus{DocTravelDocument: "lost"}}, MsgBadDocument},
		{"good", Details{Country: "ER", Granted: 4100, Documents: map[DocumentKind]DocumentStatus{DocCivilStatus: DocRequested}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := tt.d.Check(); got != tt.want {
				t.Fatalf("Check = %q, want %q", got, tt.want)
			}
		})
	}
}
