package replication_test

import (
	"context"
	"testing"
	"time"
)

// BenchmarkFirstSync pushes 10,000 events from one desk, then measures an
// empty desk's first sync of them, over loopback TLS with real stores.
//
//	go test -run - -bench FirstSync -benchtime 1x ./replication/
func BenchmarkFirstSync(b *testing.B) {
	const events = 10000
	ctx := context.Background()
	c := startCentral(b, nil)
	a := enrolledDesk(b, c)
	savePersons(b, a, events)
	start := time.Now()
	if sum := syncDesk(b, a); sum.Pushed != events {
		b.Fatalf("pushed %d", sum.Pushed)
	}
	pushRate := events / time.Since(start).Seconds()
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
	b.ReportMetric(float64(events*b.N)/pull.Seconds(), "pull-events/s")
}
