package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"accueil/intake"
)

func TestDuplicates(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	stored := map[string]intake.Person{}
	for key, p := range map[string]intake.Person{
		"same n":       {Surname: "Tarquen", GivenNames: "Ali", BirthDate: intake.MustDate("1970-02-02"), NNumber: "N 900 001", Nationality: "AF"},
		"same zemis":   {Surname: "Abravel", GivenNames: "Nour", ZEMISNumber: "99.123.456", Nationality: "SY"},
		"similar name": {Surname: "Zarani", GivenNames: "Muhammad", BirthDate: intake.MustDate("1990-04-20"), Nationality: "SY"},
		"far birth":    {Surname: "Zarani", GivenNames: "Mohammed", BirthDate: intake.MustDate("1960-04-12"), Nationality: "SY"},
		"other nation": {Surname: "Zarani", GivenNames: "Mohammed", BirthDate: intake.MustDate("1990-04-12"), Nationality: "TR"},
		"other name":   {Surname: "Velindor", GivenNames: "Amina", BirthDate: intake.MustDate("1990-04-12"), Nationality: "SY"},
	} {
		saved, _ := save(t, s, reception, p, nil)
		stored[key] = saved
	}
	newcomer := intake.Person{Surname: "Zarani", GivenNames: "Mohammed", BirthDate: intake.MustDate("1990-04-12"),
		Nationality: "SY", NNumber: "n900001", ZEMISNumber: "99123456"}

	got, err := s.Duplicates(ctx, reception, newcomer)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]intake.Reason{
		"same n":       {intake.ReasonNNumber},
		"same zemis":   {intake.ReasonZEMISNumber},
		"similar name": {intake.ReasonNameAndBirth},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d candidates %v, want %d", len(got), surnames(summariesOf(got)), len(want))
	}
	for key, reasons := range want {
		c, ok := findCandidate(got, stored[key].ID)
		if !ok {
			t.Errorf("%s: not a candidate", key)
			continue
		}
		if !slices.Equal(c.Reasons, reasons) {
			t.Errorf("%s: reasons %v, want %v", key, c.Reasons, reasons)
		}
	}

	// The saved newcomer does not find itself, and a pair marked distinct
	// is not offered again.
	me, _ := save(t, s, reception, newcomer, nil)
	if err := s.MarkDistinct(ctx, reception, me.ID, stored["same n"].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkDistinct(ctx, reception, stored["same n"].ID, me.ID); err != nil {
		t.Fatalf("marking a pair twice: %v", err)
	}
	got, err = s.Duplicates(ctx, reception, me)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := findCandidate(got, me.ID); ok {
		t.Error("a file is its own duplicate")
	}
	if _, ok := findCandidate(got, stored["same n"].ID); ok {
		t.Error("a pair marked distinct is offered again")
	}
	if len(got) != 2 {
		t.Errorf("got %d candidates after the decision, want 2", len(got))
	}
	if n := countRows(t, s, "distinct_pairs"); n != 1 {
		t.Errorf("%d distinct pairs, want 1", n)
	}
	mustCheck(t, s)
}

func TestMarkDistinctErrors(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a, _ := save(t, s, reception, person("Velindor", "Amina", ""), nil)
	tests := []struct {
		name string
		by   intake.Staff
		a, b string
		want error
	}{
		{"same file", reception, a.ID, a.ID, ErrInvalid},
		{"unknown file", reception, a.ID, "0190d1e2-0000-7000-8000-000000000000", ErrNotFound},
		{"counsellor", counsellor, a.ID, "x", ErrForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.MarkDistinct(ctx, tt.by, tt.a, tt.b); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func findCandidate(cs []Candidate, id string) (Candidate, bool) {
	for _, c := range cs {
		if c.Summary.ID == id {
			return c, true
		}
	}
	return Candidate{}, false
}

func summariesOf(cs []Candidate) []Summary {
	out := make([]Summary, len(cs))
	for i, c := range cs {
		out[i] = c.Summary
	}
	return out
}

func TestImportDuplicates(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	stored, _ := save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
	rows := []intake.Person{
		person("Tarquen", "Ali", "n900001"),    // same N number
		person("Abravel", "Nour", "N 900 777"), // nobody
		person("Velindor", "Amina", ""),        // same name and birth
	}
	var last [2]int
	got, err := s.ImportDuplicates(ctx, reception, rows, func(done, total int) { last = [2]int{done, total} })
	if err != nil {
		t.Fatal(err)
	}
	want := [][]intake.Reason{{intake.ReasonNNumber}, nil, {intake.ReasonNameAndBirth}}
	for i, w := range want {
		switch {
		case w == nil && len(got[i]) != 0:
			t.Errorf("row %d: %d candidates, want none", i, len(got[i]))
		case w != nil && (len(got[i]) != 1 || got[i][0].Summary.ID != stored.ID || !slices.Equal(got[i][0].Reasons, w)):
			t.Errorf("row %d: candidates %+v, want the stored file for %v", i, got[i], w)
		}
	}
	if last != [2]int{3, 3} {
		t.Errorf("last progress %v", last)
	}
}
