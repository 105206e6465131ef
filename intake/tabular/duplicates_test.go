package tabular

import (
	"fmt"
	"reflect"
	"testing"

	"accueil/intake"
)

func TestDuplicatesWithin(t *testing.T) {
	person := func(surname, given, dob string, approx bool, nat, n, zemis string) intake.Person {
		p := intake.Person{Surname: surname, GivenNames: given, BirthDateApprox: approx, Nationality: nat, NNumber: n, ZEMISNumber: zemis}
		if dob != "" {
			p.BirthDate = intake.MustDate(dob)
		}
		return p
	}
	persons := []intake.Person{
		1: person("Testperson", "Mohammed", "1990-05-03", false, "AF", "N 900 001", ""),
		2: person("Testperson", "Muhammad", "1990-05-03", false, "AF", "N 900 002", ""),
		3: person("Exemple", "Amina", "1994-03-12", false, "ER", "n900-001", ""),
		4: person("Testperson", "Mohammed", "1970-05-03", false, "AF", "", ""),
		5: person("Beispiel", "Olena", "1988-11-30", false, "UA", "", "9000.0003"),
		6: person("Sample", "Senait", "", false, "ER", "", "9000 0003"),
		7: person("Testperson", "Yonas", "1990-12-31", false, "ER", "", ""),
		8: person("Testperson", "Yonas", "1992-01-01", true, "ER", "", ""),
		9: person("Testperson", "Mohammed", "1990-05-03", false, "SY", "", ""),
	}
	var rows []Row
	for line, p := range persons[1:] {
		rows = append(rows, Row{Line: line + 1, Person: p})
	}
	nameBirth := []intake.Reason{intake.ReasonNameAndBirth}
	want := map[int][]Match{
		1: {{Row: 2, Reasons: nameBirth}, {Row: 3, Reasons: []intake.Reason{intake.ReasonNNumber}}},
		2: {{Row: 1, Reasons: nameBirth}},
		3: {{Row: 1, Reasons: []intake.Reason{intake.ReasonNNumber}}},
		5: {{Row: 6, Reasons: []intake.Reason{intake.ReasonZEMISNumber}}},
		6: {{Row: 5, Reasons: []intake.Reason{intake.ReasonZEMISNumber}}},
		// An approximate date matches within a year, across two
		// calendar year boundaries.
		7: {{Row: 8, Reasons: nameBirth}},
		8: {{Row: 7, Reasons: nameBirth}},
	}
	got := DuplicatesWithin(rows)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestDuplicatesWithinEmpty(t *testing.T) {
	if got := DuplicatesWithin(nil); len(got) != 0 {
		t.Errorf("got %v", got)
	}
}

func TestDuplicatesWithinManyRows(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 100,000 rows")
	}
	rows := generatedRows(t, 100_000)
	// Plant one duplicate pair: same N number written differently.
	rows[10].Person.NNumber = "N 990 001"
	rows[90_000].Person.NNumber = "n990001"
	got := DuplicatesWithin(rows)
	found := false
	for _, m := range got[rows[10].Line] {
		found = found || m.Row == rows[90_000].Line
	}
	if !found {
		t.Errorf("planted pair not found among %d rows with matches", len(got))
	}
}

func generatedRows(t testing.TB, n int) []Row {
	t.Helper()
	res, err := readBytes(generateList(n))
	if err != nil {
		t.Fatal(err)
	}
	return res.Rows
}

func TestGeneratedListReadsClean(t *testing.T) {
	res, err := readBytes(generateList(2000))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Rows {
		if len(r.Problems) > 0 {
			t.Fatalf("row %d: %v\n%q", r.Line, r.Problems, r.Raw)
		}
	}
	if s := fmt.Sprint(res.Unmapped, res.Missing); s != "[] []" {
		t.Errorf("unmapped, missing: %s", s)
	}
}

// TestPrefilterWithinIntakeRule checks that the bounds DuplicatesWithin
// uses to skip name comparisons are at least as wide as intake's rule.
func TestPrefilterWithinIntakeRule(t *testing.T) {
	base := intake.Person{Surname: "Testperson", GivenNames: "Amina", Nationality: "ER", BirthDate: intake.MustDate("1990-12-31")}
	tests := []struct {
		name   string
		days   int
		approx bool
		nat    string
	}{
		{"exact, just beyond", closeBirthDays + 1, false, "ER"},
		{"approximate, just beyond", approxBirthDays + 1, true, "ER"},
		{"other nationality", 0, false, "SY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			other := base
			other.BirthDate = intake.DateOf(base.BirthDate.Time().AddDate(0, 0, tt.days))
			other.BirthDateApprox, other.Nationality = tt.approx, tt.nat
			if mayMatchByName(briefOf(base), briefOf(other)) {
				t.Fatal("prefilter lets the pair through")
			}
			if rs := intake.MatchReasons(base, other); len(rs) > 0 {
				t.Errorf("intake matches a pair the prefilter skips: %v", rs)
			}
			other.BirthDate = intake.DateOf(base.BirthDate.Time().AddDate(0, 0, max(tt.days-1, 0)))
			other.Nationality = "ER"
			if !mayMatchByName(briefOf(base), briefOf(other)) || len(intake.MatchReasons(base, other)) == 0 {
				t.Error("pair just within the bounds is not matched")
			}
		})
	}
}
