package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"accueil/intake"
)

func TestAuditOfReadsAndWrites(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p, vers := save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
	p.DietaryNeeds = "sans porc"
	save(t, s, reception, p, vers)
	if _, _, err := s.Person(ctx, counsellor, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.History(ctx, health, p.ID); err != nil {
		t.Fatal(err)
	}
	other, _ := save(t, s, reception, person("Velindorr", "Amina", "N 900 002"), nil)
	if err := s.Merge(ctx, admin, p.ID, other.ID); err != nil {
		t.Fatal(err)
	}

	entries, err := s.Audit(ctx, admin, p.ID, 100)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		staff  string
		action Action
		entity string
	}
	var got []row
	for _, e := range entries {
		if e.Desk != s.DeskID() || e.Time.IsZero() {
			t.Errorf("audit row without desk or time: %+v", e)
		}
		got = append(got, row{e.Staff, e.Action, e.EntityID})
	}
	slices.Reverse(got) // Audit is newest first
	want := []row{
		{reception.ID, ActionCreate, p.ID},
		{reception.ID, ActionUpdate, p.ID},
		{counsellor.ID, ActionRead, p.ID},
		{health.ID, ActionHistory, p.ID},
		{reception.ID, ActionCreate, other.ID},
		{admin.ID, ActionMerge, p.ID},
		{admin.ID, ActionMerge, other.ID},
	}
	if !slices.Equal(got, want) {
		t.Errorf("audit of the file:\n got %v\nwant %v", got, want)
	}
	for _, e := range entries {
		if (e.Action == ActionCreate || e.Action == ActionUpdate) && e.Event == "" {
			t.Errorf("write audited without its event: %+v", e)
		}
	}
	if _, err := s.Audit(ctx, reception, "", 10); !errors.Is(err, ErrForbidden) {
		t.Errorf("reception reading the audit: err = %v", err)
	}
	if all, err := s.Audit(ctx, admin, "", 3); err != nil || len(all) != 3 {
		t.Errorf("Audit limit 3 = %d rows, %v", len(all), err)
	}
}

func TestOutbox(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var made []string
	for _, n := range []string{"Velindor", "Tarquen", "Abravel"} {
		p, _ := save(t, s, reception, person(n, "Amina", ""), nil)
		made = append(made, p.ID)
	}
	evs, err := s.Outbox(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 3 {
		t.Fatalf("outbox has %d events, want 3", len(evs))
	}
	for i, ev := range evs {
		if ev.EntityID != made[i] || ev.Desk != s.DeskID() || ev.Staff != reception.ID || ev.Schema == 0 {
			t.Errorf("outbox event %d: %+v", i, ev)
		}
		if i > 0 && ev.Time.Compare(evs[i-1].Time) <= 0 {
			t.Errorf("outbox not oldest first at %d", i)
		}
	}
	if first, _ := s.Outbox(ctx, 1); len(first) != 1 || first[0].ID != evs[0].ID {
		t.Errorf("Outbox(1) = %v", first)
	}
	ack := []string{evs[0].ID, evs[1].ID, "not-an-event"}
	for range 2 { // a repeated acknowledgement is harmless
		if err := s.Acknowledge(ctx, ack); err != nil {
			t.Fatal(err)
		}
	}
	rest, err := s.Outbox(ctx, 10)
	if err != nil || len(rest) != 1 || rest[0].ID != evs[2].ID {
		t.Errorf("after acknowledging two: %v, %v", rest, err)
	}
	if n := countRows(t, s, "events"); n != 3 {
		t.Errorf("acknowledging removed events from the log: %d left", n)
	}
}

func TestExport(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p := person("Velindor", "Amina", "N 900 001")
	p.HealthNotes = "synthetic note"
	save(t, s, health, p, nil)
	save(t, s, reception, person("Abravel", "Nour", "N 900 002"), nil)
	gone, _ := save(t, s, reception, person("Abravell", "Nour", "N 900 003"), nil)
	if err := s.Merge(ctx, reception, ids(mustSearch(t, s, "Abravel"))[0], gone.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		by         intake.Staff
		wantHealth string
	}{
		{reception, ""},
		{health, "synthetic note"},
	}
	for _, tt := range tests {
		t.Run(string(tt.by.Role), func(t *testing.T) {
			got, err := s.Export(ctx, tt.by)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].Surname != "Abravel" || got[1].Surname != "Velindor" {
				t.Fatalf("exported %d files: %v", len(got), got)
			}
			if got[1].HealthNotes != tt.wantHealth || got[0].ZEMISNumber != "" || got[1].NNumber != "N 900 001" {
				t.Errorf("exported %+v", got[1])
			}
		})
	}
	entries, err := s.Audit(ctx, admin, "", 1)
	if err != nil || len(entries) != 1 || entries[0].Action != ActionExport {
		t.Errorf("last audit row %+v, %v; want the export", entries, err)
	}
}

func mustSearch(t *testing.T, s *Store, q string) []Summary {
	t.Helper()
	got, err := s.Search(context.Background(), admin, q, 10)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
