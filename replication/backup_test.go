package replication_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"accueil/replication"
	"accueil/store"
)

// TestRestoredDeskGetsItsOwnEventsBack: a desk restored from a backup
// taken before some of its own pushes receives those events from the
// central on its next sync.
func TestRestoredDeskGetsItsOwnEventsBack(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "desk.db")
	open := func(p string) *store.Store {
		st, err := store.Open(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		unlockDesk(t, st)
		return st
	}
	desk := open(path)
	if err := replication.Enroll(ctx, desk, c.URL, c.code(t, time.Hour)); err != nil {
		t.Fatal(err)
	}
	savePersons(t, desk, 3)
	syncDesk(t, desk)
	desk.Close()
	backup := filepath.Join(dir, "backup.db")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(backup, data, 0o600); err != nil {
		t.Fatal(err)
	}
	desk = open(path)
	ids := savePersons(t, desk, 2)
	syncDesk(t, desk)
	desk.Close()

	restored := open(backup)
	defer restored.Close()
	if sum := syncDesk(t, restored); sum.New != 2 {
		t.Fatalf("restored desk received %d events, want its 2 later ones", sum.New)
	}
	for _, id := range ids {
		if _, _, err := restored.Person(ctx, admin, id); err != nil {
			t.Fatalf("restored desk lacks %s: %v", id, err)
		}
	}
}
