package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"accueil/intake"
)

func TestSavePersonNew(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name        string
		by          intake.Staff
		p           intake.Person
		wantErr     error
		wantInvalid bool
		check       func(t *testing.T, p intake.Person)
	}{
		{
			name: "arrival defaults",
			by:   reception,
			p:    person("Velindor", "Amina", "N 900 001"),
			check: func(t *testing.T, p intake.Person) {
				if p.Status != intake.StatusArrived || p.ArrivalDate != today() {
					t.Errorf("status %q arrival %s, want arrived today", p.Status, p.ArrivalDate)
				}
			},
		},
		{
			name: "expected kept",
			by:   admin,
			p:    func() intake.Person { p := person("Tarquen", "Ali", ""); p.Status = intake.StatusExpected; return p }(),
			check: func(t *testing.T, p intake.Person) {
				if p.Status != intake.StatusExpected || !p.ArrivalDate.IsZero() {
					t.Errorf("status %q arrival %s, want expected with no arrival", p.Status, p.ArrivalDate)
				}
			},
		},
		{
			name:        "invalid",
			by:          reception,
			p:           intake.Person{GivenNames: "Amina", Nationality: "XX"},
			wantInvalid: true,
		},
		{
			name:    "counsellor may not edit",
			by:      counsellor,
			p:       person("Velindor", "Amina", ""),
			wantErr: ErrForbidden,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			got, vers, err := s.SavePerson(ctx, tt.by, tt.p, nil)
			var verr *ValidationError
			switch {
			case tt.wantInvalid:
				if !errors.As(err, &verr) || len(verr.Problems) == 0 {
					t.Fatalf("err = %v, want a ValidationError", err)
				}
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
			case err != nil:
				t.Fatal(err)
			}
			if err != nil {
				if n := countRows(t, s, "events"); n != 0 {
					t.Errorf("%d events written by a refused save", n)
				}
				return
			}
			if len(got.ID) != 36 || got.Surname != tt.p.Surname || got.NNumber != tt.p.NNumber {
				t.Errorf("saved %+v", got)
			}
			if vers[intake.FieldSurname] == "" {
				t.Error("no version for the surname")
			}
			tt.check(t, got)
			mustCheck(t, s)
		})
	}
}

func TestSavePersonOnlyChangedFields(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p, vers := save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
	first := vers[intake.FieldSurname]

	p.GivenNames = "Amina Leila"
	p2, vers2 := save(t, s, reception, p, vers)
	if vers2[intake.FieldSurname] != first {
		t.Error("an unchanged field got a new version")
	}
	if vers2[intake.FieldGivenNames] == vers[intake.FieldGivenNames] {
		t.Error("the changed field kept its version")
	}
	evs, err := s.History(ctx, reception, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 || len(evs[1].Changes) != 1 || evs[1].Changes[0].Field != intake.FieldGivenNames {
		t.Fatalf("history = %+v, want a second event changing only given names", evs)
	}
	if base := evs[1].Changes[0].Base; base != vers[intake.FieldGivenNames] {
		t.Errorf("base = %q, want the version the editor saw %q", base, vers[intake.FieldGivenNames])
	}
	// Saving again unchanged writes nothing.
	save(t, s, reception, p2, vers2)
	if n := countRows(t, s, "events"); n != 2 {
		t.Errorf("%d events after a save without changes, want 2", n)
	}
}

// Reception cannot read health notes, and its saves leave them intact.
func TestRoleRedaction(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p := person("Velindor", "Amina", "N 900 001")
	p.HealthNotes = "synthetic note"
	p, _ = save(t, s, health, p, nil)

	got, vers, err := s.Person(ctx, reception, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.HealthNotes != "" || vers[intake.FieldHealthNotes] != "" {
		t.Fatal("reception read the health notes")
	}
	got.DietaryNeeds = "sans porc"
	save(t, s, reception, got, vers)

	h, _, err := s.Person(ctx, health, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if h.HealthNotes != "synthetic note" || h.DietaryNeeds != "sans porc" {
		t.Errorf("after reception's save: health notes %q, dietary %q", h.HealthNotes, h.DietaryNeeds)
	}
	evs, err := s.History(ctx, reception, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		for _, c := range ev.Changes {
			if c.Field == intake.FieldHealthNotes {
				t.Error("reception's history shows a health notes change")
			}
		}
	}
}

func TestSavePersonConflict(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		edit      func(p *intake.Person) // the stale editor's edit
		wantConfl []intake.Field
		wantName  string
	}{
		{
			name:      "both changed the surname",
			edit:      func(p *intake.Person) { p.Surname = "Velindora" },
			wantConfl: []intake.Field{intake.FieldSurname},
		},
		{
			name:     "stale editor changed another field",
			edit:     func(p *intake.Person) { p.DietaryNeeds = "végétarien" },
			wantName: "Velindorr",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			p, vers := save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
			// Someone else fixes the surname meanwhile.
			other := p
			other.Surname = "Velindorr"
			save(t, s, admin, other, vers)
			events := countRows(t, s, "events")

			stale := p
			tt.edit(&stale)
			got, _, err := s.SavePerson(ctx, reception, stale, vers)
			if tt.wantConfl != nil {
				var cerr *ConflictError
				if !errors.As(err, &cerr) || !slices.Equal(cerr.Fields, tt.wantConfl) {
					t.Fatalf("err = %v, want conflict on %v", err, tt.wantConfl)
				}
				if n := countRows(t, s, "events"); n != events {
					t.Errorf("a conflicting save wrote %d events", n-events)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Surname != tt.wantName {
				t.Errorf("surname = %q, want the other editor's %q kept", got.Surname, tt.wantName)
			}
		})
	}
}

func TestPersonNotFound(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, _, err := s.Person(ctx, reception, "0190d1e2-0000-7000-8000-000000000000"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Person: err = %v, want ErrNotFound", err)
	}
	p := person("Velindor", "Amina", "")
	p.ID = "0190d1e2-0000-7000-8000-000000000000"
	if _, _, err := s.SavePerson(ctx, reception, p, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("SavePerson of an unknown ID: err = %v, want ErrNotFound", err)
	}
	if _, err := s.History(ctx, reception, p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("History: err = %v, want ErrNotFound", err)
	}
}

func TestHouseholds(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	h, err := s.SaveHousehold(ctx, reception, intake.Household{Name: "Velindor"})
	if err != nil {
		t.Fatal(err)
	}
	for _, given := range []string{"Amina", "Yusuf"} {
		p := person("Velindor", given, "")
		p.HouseholdID, p.Relation = h.ID, intake.RelationChild
		save(t, s, reception, p, nil)
	}
	save(t, s, reception, person("Tarquen", "Ali", ""), nil)
	h.Name = "Velindor family"
	if _, err := s.SaveHousehold(ctx, reception, h); err != nil {
		t.Fatal(err)
	}
	got, members, err := s.Household(ctx, counsellor, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Velindor family" || len(members) != 2 || members[0].GivenNames != "Amina" {
		t.Errorf("household %+v with %d members", got, len(members))
	}
	if _, _, err := s.Household(ctx, reception, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown household: err = %v", err)
	}
	if _, err := s.SaveHousehold(ctx, counsellor, intake.Household{Name: "x"}); !errors.Is(err, ErrForbidden) {
		t.Errorf("counsellor saving a household: err = %v", err)
	}
	mustCheck(t, s)
}

func TestList(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	arrived := person("Velindor", "Amina", "")
	expected := person("Tarquen", "Ali", "")
	expected.Status = intake.StatusExpected
	earlier := person("Abravel", "Nour", "")
	earlier.ArrivalDate = intake.MustDate("2024-01-10")
	for _, p := range []intake.Person{arrived, expected, earlier} {
		save(t, s, reception, p, nil)
	}
	tests := []struct {
		filter ListFilter
		want   []string
	}{
		{ListAll, []string{"Abravel", "Tarquen", "Velindor"}},
		{ListArrivedToday, []string{"Velindor"}},
		{ListExpected, []string{"Tarquen"}},
	}
	for _, tt := range tests {
		t.Run(tt.want[0], func(t *testing.T) {
			got, total, err := s.List(ctx, reception, tt.filter, today(), 10, 0)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, g := range got {
				names = append(names, g.Surname)
			}
			if total != len(tt.want) || !slices.Equal(names, tt.want) {
				t.Errorf("list = %v (total %d), want %v", names, total, tt.want)
			}
		})
	}
	page, total, err := s.List(ctx, reception, ListAll, today(), 1, 1)
	if err != nil || total != 3 || len(page) != 1 || page[0].Surname != "Tarquen" {
		t.Errorf("page 2 of 1 = %v, total %d, err %v", page, total, err)
	}
	if n, err := s.Count(ctx); err != nil || n != 3 {
		t.Errorf("Count = %d, %v", n, err)
	}
}
