package replication_test

import (
	"context"
	"testing"
)

// TestDeletesAndMergesTravel: a deleted file stays deleted at the other
// desk (a tombstone, not an absence that a later sync could fill), and a
// merge arrives as a merge.
func TestDeletesAndMergesTravel(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	a, b := enrolledDesk(t, c), enrolledDesk(t, c)
	ids := savePersons(t, a, 3)
	syncDesk(t, a)
	syncDesk(t, b)
	p, vers, err := a.Person(ctx, admin, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	p.Deleted = true
	if _, _, err := a.SavePerson(ctx, admin, p, vers); err != nil {
		t.Fatal(err)
	}
	if err := a.Merge(ctx, admin, ids[1], ids[2]); err != nil {
		t.Fatal(err)
	}
	syncDesk(t, a)
	syncDesk(t, b)
	syncDesk(t, b) // a second sync brings nothing back
	gone, _, err := b.Person(ctx, admin, ids[0])
	if err != nil || !gone.Deleted {
		t.Fatalf("deleted file at the other desk: %+v %v", gone.Deleted, err)
	}
	merged, _, err := b.Person(ctx, admin, ids[2])
	if err != nil || merged.MergedInto != ids[1] {
		t.Fatalf("merged file at the other desk: %q %v", merged.MergedInto, err)
	}
	na, err := a.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	nb, err := b.Count(ctx)
	if err != nil || na != nb {
		t.Fatalf("desks count %d and %d files (%v)", na, nb, err)
	}
}
