package store

import (
	"context"
	"errors"
	"maps"
	"testing"

	"accueil/intake"
)

// Two desks exchange their events (the central's part is played by hand)
// and end with the same files.
func TestApplyRemote(t *testing.T) {
	ctx := context.Background()
	a, b := openTest(t), openTest(t)
	p, _ := save(t, a, reception, person("Velindor", "Amina", "N 900 001"), nil)

	fromA, err := a.Outbox(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{1, 0} { // a replay changes nothing
		n, err := b.ApplyRemote(ctx, fromA)
		if err != nil || n != want {
			t.Fatalf("apply %d: %d new, %v; want %d", i, n, err, want)
		}
	}
	got, vers, err := b.Person(ctx, reception, p.ID)
	if err != nil || !maps.Equal(got.Values(), p.Values()) {
		t.Fatalf("desk B has %+v, %v", got, err)
	}
	if n := countRows(t, b, "outbox"); n != 0 {
		t.Errorf("remote events queued in B's outbox: %d", n)
	}
	if hits, _ := b.Search(ctx, reception, "velindor", 5); len(hits) != 1 {
		t.Errorf("desk B search found %d files", len(hits))
	}

	// B edits the file; its event sorts after A's, and A takes the edit.
	got.Surname = "Velindorr"
	save(t, b, reception, got, vers)
	fromB, _ := b.Outbox(ctx, 0)
	if fromB[0].Time.Compare(fromA[0].Time) <= 0 {
		t.Errorf("B's edit stamped %s, not after A's %s", fromB[0].Time, fromA[0].Time)
	}
	if _, err := a.ApplyRemote(ctx, fromB); err != nil {
		t.Fatal(err)
	}
	if pa, _, _ := a.Person(ctx, reception, p.ID); pa.Surname != "Velindorr" {
		t.Errorf("desk A has surname %q after B's edit", pa.Surname)
	}
	mustCheck(t, a)
	mustCheck(t, b)

	tests := []struct {
		name string
		edit func(ev *intake.Event)
		want error
	}{
		{"same ID, other content", func(ev *intake.Event) { ev.Changes[0].Value = "Other" }, ErrEventMismatch},
		{"newer schema", func(ev *intake.Event) {
			ev.ID, ev.Schema = "0190d1e2-0000-7000-8000-00000000000a", intake.SchemaVersion+1
		}, ErrSchemaTooNew},
		{"no entity", func(ev *intake.Event) { ev.ID, ev.EntityID = "0190d1e2-0000-7000-8000-00000000000b", "" }, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := fromA[0]
			ev.Changes = append([]intake.Change(nil), ev.Changes...)
			tt.edit(&ev)
			before := countRows(t, b, "events")
			if _, err := b.ApplyRemote(ctx, []intake.Event{ev}); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if n := countRows(t, b, "events"); n != before {
				t.Errorf("a refused event was stored")
			}
		})
	}
}
