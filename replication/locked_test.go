package replication_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"accueil/replication"
	"accueil/store"
)

// A locked desk cannot open its sealed outbox: Sync says so cleanly, and
// Run waits quietly, reporting nothing, until a login lets it sync.
func TestLockedDeskSyncsAfterLogin(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := startCentral(t, nil)
	desk := enrolledDesk(t, c)
	savePersons(t, desk, 2)
	desk.Lock()
	cl := client(t, desk)
	if _, err := cl.Sync(ctx); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("sync of a locked desk: %v, want ErrLocked", err)
	}
	reports := make(chan replication.Status, 10)
	done := make(chan error, 1)
	go func() {
		done <- cl.Run(ctx, 50*time.Millisecond, func(s replication.Status) { reports <- s })
	}()
	select {
	case s := <-reports:
		t.Fatalf("a locked desk reported %+v", s)
	case <-time.After(300 * time.Millisecond):
	}
	unlockDesk(t, desk)
	select {
	case s := <-reports:
		if s.Err != nil || s.Last.Pushed != 2 {
			t.Fatalf("after login: %+v", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no sync after login")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
