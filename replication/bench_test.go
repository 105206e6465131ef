package replication_test

import (
	"context"
	"flag"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"accueil/replication"
	"accueil/store"
)

// firstSyncEvents sizes BenchmarkFirstSync; the figure is 100000.
var firstSyncEvents = flag.Int("firstsync", 10000, "events in BenchmarkFirstSync")

// BenchmarkFirstSync pushes 10,000 events from one desk, then measures an
// empty desk's first sync of them, over loopback TLS with real stores.
//
//	go test -run - -bench FirstSync -benchtime 1x ./replication/
func BenchmarkFirstSync(b *testing.B) {
	events := *firstSyncEvents
	ctx := context.Background()
	c := startCentral(b, nil)
	a := enrolledDesk(b, c)
	savePersons(b, a, events)
	start := time.Now()
	if n, err := client(b, a).Push(ctx); err != nil || n != events {
		b.Fatalf("pushed %d: %v", n, err)
	}
	pushRate := float64(events) / time.Since(start).Seconds()
	start = time.Now()
	if _, _, err := client(b, a).Pull(ctx); err != nil {
		b.Fatal(err)
	}
	// The pushing desk receives its own events back (see Storage.Pull)
	// and recognises them as replays.
	replayRate := float64(events) / time.Since(start).Seconds()
	b.ResetTimer()
	var pull time.Duration
	for range b.N {
		b.StopTimer()
		fresh := enrolledDesk(b, c)
		cl := client(b, fresh)
		b.StartTimer()
		t0 := time.Now()
		sum, err := cl.Sync(ctx)
		pull += time.Since(t0)
		if err != nil || sum.New != events {
			b.Fatalf("first sync: %+v %v", sum, err)
		}
	}
	b.ReportMetric(pushRate, "push-events/s")
	b.ReportMetric(replayRate, "replay-events/s")
	b.ReportMetric(float64(events*b.N)/pull.Seconds(), "pull-events/s")
}

// BenchmarkTwentyDesksPush: twenty desks push 500 events each at once to
// one central; reports the central's intake in events per second. Only
// the push is timed: pulling is each desk's own work, measured by
// BenchmarkFirstSync.
func BenchmarkTwentyDesksPush(b *testing.B) {
	const desks, each = 20, 500
	c := startCentral(b, nil)
	var total time.Duration
	for range b.N {
		b.StopTimer()
		clients := make([]*replication.Client, desks)
		for i := range clients {
			d := enrolledDesk(b, c)
			savePersons(b, d, each)
			clients[i] = client(b, d)
		}
		b.StartTimer()
		start := time.Now()
		var wg sync.WaitGroup
		errs := make(chan error, desks)
		for _, cl := range clients {
			wg.Go(func() {
				if _, err := cl.Push(context.Background()); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		total += time.Since(start)
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(desks*each*b.N)/total.Seconds(), "events/s")
}

// BenchmarkEditReachesOnlineDesk: two desks sync in the background as the
// app runs them (Run with replication.OnlinePoll; a save nudges a push).
// Each of 100 edits at one desk is timed from the save until the other
// desk shows it. Edits start at a random moment of the other desk's poll
// cycle, as real ones do.
//
//	go test -run - -bench EditReaches -benchtime 1x ./replication/
func BenchmarkEditReachesOnlineDesk(b *testing.B) {
	const edits = 100
	ctx, cancel := context.WithCancel(context.Background())
	c := startCentral(b, nil)
	a, other := enrolledDesk(b, c), enrolledDesk(b, c)
	ca, co := client(b, a), client(b, other)
	done := make(chan error, 2)
	go func() { done <- ca.Run(ctx, replication.OnlinePoll, nil) }()
	go func() { done <- co.Run(ctx, replication.OnlinePoll, nil) }()
	b.Cleanup(func() {
		cancel()
		for range 2 {
			if err := <-done; err != nil {
				b.Errorf("run: %v", err)
			}
		}
	})
	var lat []time.Duration
	for range b.N {
		for i := range edits {
			time.Sleep(rand.N(replication.OnlinePoll))
			lat = append(lat, editLatency(b, ca, a, other, i))
		}
	}
	slices.Sort(lat)
	pct := func(p int) float64 { return float64(lat[(len(lat)-1)*p/100]) / float64(time.Millisecond) }
	b.ReportMetric(pct(50), "p50-ms")
	b.ReportMetric(pct(95), "p95-ms")
	b.ReportMetric(pct(100), "max-ms")
}

// editLatency saves a person at desk a, nudges its sync as a save in the
// app does, and returns how long the person took to show at other.
func editLatency(b *testing.B, ca *replication.Client, a, other *store.Store, i int) time.Duration {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	p, _, err := a.SavePerson(ctx, admin, person(i), nil)
	if err != nil {
		b.Fatal(err)
	}
	ca.Nudge()
	for {
		if _, _, err := other.Person(ctx, admin, p.ID); err == nil {
			return time.Since(start)
		}
		if time.Since(start) > 30*time.Second {
			b.Fatalf("edit %d did not reach the other desk in 30 s", i)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
