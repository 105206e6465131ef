package replication_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"accueil/internal/synth"
	"accueil/replication"
)

// TestFirstSyncReportsProgress: a desk's first sync hears how many of the
// central's changes it has received and how many there are, rising to the
// total, no more often than ProgressEvery apart (the last report aside).
func TestFirstSyncReportsProgress(t *testing.T) {
	const n = 3000
	ctx := context.Background()
	c := startCentral(t, nil)
	a, b := enrolledDesk(t, c), enrolledDesk(t, c)
	if _, err := a.Import(ctx, admin, "synthetic", synth.Persons(4, n), nil); err != nil {
		t.Fatal(err)
	}
	syncDesk(t, a)
	cl := client(t, b)
	cl.PageSize = 50
	var reports []replication.Progress
	var times []time.Time
	cl.OnProgress = func(p replication.Progress) {
		reports = append(reports, p)
		times = append(times, time.Now())
	}
	if _, err := cl.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if len(reports) == 0 {
		t.Fatal("no progress reported")
	}
	for i, p := range reports {
		if p.Total() != n || p.Received() > p.Total() {
			t.Fatalf("report %d: %d of %d, want of %d", i, p.Received(), p.Total(), n)
		}
		if i == 0 {
			continue
		}
		if p.Received() < reports[i-1].Received() {
			t.Fatalf("report %d went back: %+v after %+v", i, p, reports[i-1])
		}
		if gap := times[i].Sub(times[i-1]); i < len(reports)-1 && gap < replication.ProgressEvery-5*time.Millisecond {
			t.Fatalf("reports %d and %d only %v apart", i-1, i, gap)
		}
	}
	if last := reports[len(reports)-1]; last.Received() != n {
		t.Fatalf("last report %d of %d", last.Received(), last.Total())
	}
}

// TestDeskWritesDuringFirstSync: a desk that is receiving a long first
// sync still saves at once: the pull commits page by page, and a save
// waits for one page at most, not for the whole sync.
func TestDeskWritesDuringFirstSync(t *testing.T) {
	const n = 3000
	ctx := context.Background()
	c := startCentral(t, nil)
	a, b := enrolledDesk(t, c), enrolledDesk(t, c)
	if _, err := a.Import(ctx, admin, "synthetic", synth.Persons(5, n), nil); err != nil {
		t.Fatal(err)
	}
	syncDesk(t, a)
	cl := client(t, b)
	cl.PageSize = 50
	started := make(chan struct{})
	var once sync.Once
	cl.OnProgress = func(replication.Progress) { once.Do(func() { close(started) }) }
	synced := make(chan error, 1)
	go func() {
		_, err := cl.Sync(ctx)
		synced <- err
	}()
	<-started
	savePersons(t, b, 1)
	select {
	case err := <-synced:
		t.Fatalf("the save waited for the whole sync (%v)", err)
	default:
	}
	if err := <-synced; err != nil {
		t.Fatal(err)
	}
}
