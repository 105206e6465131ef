package store

import (
	"context"
	"errors"
	"testing"

	"accueil/intake"
)

func TestMerge(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	k := person("Velindor", "Amina", "N 900 001")
	g := person("Velindor", "Amina", "N 900 002")
	g.ZEMISNumber, g.DietaryNeeds, g.HealthNotes = "99.000.001", "sans porc", "synthetic note"
	g.DietaryNeeds = "sans porc"
	keep, _ := save(t, s, reception, k, nil)
	gone, _ := save(t, s, health, g, nil)
	gone.FederalCentre = "Centre fédéral fictif Nord"
	gone, _ = save(t, s, reception, gone, mustVersions(t, s, gone.ID))

	if err := s.Merge(ctx, reception, keep.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Person(ctx, health, keep.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.NNumber != "N 900 001" || got.ZEMISNumber != "99.000.001" || got.DietaryNeeds != "sans porc" ||
		got.HealthNotes != "synthetic note" || got.FederalCentre != "Centre fédéral fictif Nord" {
		t.Errorf("kept file after merge: %+v", got)
	}
	g2, _, err := s.Person(ctx, reception, gone.ID)
	if err != nil || g2.MergedInto != keep.ID {
		t.Errorf("gone file: merged into %q, %v", g2.MergedInto, err)
	}
	hist, err := s.History(ctx, reception, keep.ID)
	if err != nil {
		t.Fatal(err)
	}
	from := map[string]int{}
	for _, ev := range hist {
		from[ev.EntityID]++
	}
	// keep: created, filled by the merge; gone: created, edited, merged.
	if from[keep.ID] != 2 || from[gone.ID] != 3 {
		t.Errorf("history of the kept file has %d of its events and %d of the merged one's, want 2 and 3", from[keep.ID], from[gone.ID])
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("Count = %d after merging two files, want 1", n)
	}
	dups, err := s.Duplicates(ctx, reception, person("Velindor", "Amina", "N 900 002"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dups {
		if d.Summary.ID == gone.ID {
			t.Error("a merged file is offered as a duplicate")
		}
	}
	mustCheck(t, s)
}

func TestMergeErrors(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a, _ := save(t, s, reception, person("Velindor", "Amina", ""), nil)
	b, _ := save(t, s, reception, person("Tarquen", "Ali", ""), nil)
	c, _ := save(t, s, reception, person("Abravel", "Nour", ""), nil)
	if err := s.Merge(ctx, reception, a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		by         intake.Staff
		keep, gone string
		want       error
	}{
		{"into itself", reception, a.ID, a.ID, ErrInvalid},
		{"already merged", reception, c.ID, b.ID, ErrInvalid},
		{"into a merged file", reception, b.ID, c.ID, ErrInvalid},
		{"unknown", reception, a.ID, "0190d1e2-0000-7000-8000-000000000000", ErrNotFound},
		{"counsellor", counsellor, a.ID, c.ID, ErrForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.Merge(ctx, tt.by, tt.keep, tt.gone); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func mustVersions(t *testing.T, s *Store, id string) Versions {
	t.Helper()
	_, v, err := s.Person(context.Background(), admin, id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
