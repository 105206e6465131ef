package replication_test

import (
	"context"
	"testing"

	"accueil/intake"
	"accueil/store"
)

// TestConcurrentEditsBecomeAConflict: two desks change the same field
// offline from the same version. After sync both values are kept, both
// desks list the conflict and show the same provisional value, and a
// decision made from the shown value closes it everywhere.
func TestConcurrentEditsBecomeAConflict(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	a, b := enrolledDesk(t, c), enrolledDesk(t, c)
	id := savePersons(t, a, 1)[0]
	syncDesk(t, a)
	syncDesk(t, b)
	edit := func(d *store.Store, given string) {
		t.Helper()
		p, vers, err := d.Person(ctx, admin, id)
		if err != nil {
			t.Fatal(err)
		}
		p.GivenNames = given
		// A field declared safe to merge, changed at both desks too:
		// the later edit wins without asking anyone.
		p.AccommodationPlace = "Foyer " + given
		if _, _, err := d.SavePerson(ctx, admin, p, vers); err != nil {
			t.Fatal(err)
		}
	}
	edit(a, "Amina Leyla")
	edit(b, "Amina Layla")
	syncDesk(t, a)
	syncDesk(t, b)
	syncDesk(t, a)
	shown := map[string]bool{}
	for name, d := range map[string]*store.Store{"A": a, "B": b} {
		cs, err := d.Conflicts(ctx, admin)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 1 || cs[0].EntityID != id || cs[0].Field != intake.FieldGivenNames || len(cs[0].Versions) != 2 {
			t.Fatalf("desk %s lists %+v, want one conflict on given names", name, cs)
		}
		vals := map[string]bool{cs[0].Versions[0].Value: true, cs[0].Versions[1].Value: true}
		if !vals["Amina Leyla"] || !vals["Amina Layla"] {
			t.Fatalf("desk %s lost a value: %+v", name, cs[0].Versions)
		}
		p, _, err := d.Person(ctx, admin, id)
		if err != nil {
			t.Fatal(err)
		}
		shown[p.GivenNames+" | "+p.AccommodationPlace] = true
	}
	if len(shown) != 1 {
		t.Fatalf("desks show different values: %v", shown)
	}
	edit(b, "Amina L.") // staff decide from the value shown
	syncDesk(t, b)
	syncDesk(t, a)
	for _, d := range []*store.Store{a, b} {
		if cs, err := d.Conflicts(ctx, admin); err != nil || len(cs) != 0 {
			t.Fatalf("conflict still open after a decision: %+v %v", cs, err)
		}
	}
}
