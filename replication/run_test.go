package replication_test

import (
	"context"
	"errors"
	"sort"
	"testing"
	"time"

	"accueil/replication"
)

// TestRunCarriesAnEditToAnOnlineDesk: both desks run in the background;
// an edit at A, nudged, reaches B within seconds. The figure is the
// latency of one edit between two online desks.
func TestRunCarriesAnEditToAnOnlineDesk(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := startCentral(t, nil)
	a, b := enrolledDesk(t, c), enrolledDesk(t, c)
	ca, cb := client(t, a), client(t, b)
	done := make(chan error, 2)
	statuses := make(chan replication.Status, 100)
	go func() { done <- ca.Run(ctx, time.Hour, nil) }()
	go func() {
		done <- cb.Run(ctx, 100*time.Millisecond, func(s replication.Status) {
			select {
			case statuses <- s:
			default:
			}
		})
	}()
	var lat []time.Duration
	for i := range 10 {
		start := time.Now()
		id := savePersons(t, a, 1)[0]
		ca.Nudge()
		for {
			if _, _, err := b.Person(ctx, admin, id); err == nil {
				break
			}
			if time.Since(start) > 5*time.Second {
				t.Fatalf("edit %d did not reach the other desk in 5 s", i)
			}
			time.Sleep(5 * time.Millisecond)
		}
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	t.Logf("edit to online desk: median %v, max %v", lat[len(lat)/2], lat[len(lat)-1])
	if s := <-statuses; !s.Online || s.Err != nil {
		t.Fatalf("status %+v", s)
	}
	cancel()
	for range 2 {
		if err := <-done; err != nil {
			t.Fatalf("run: %v", err)
		}
	}
}

func TestRunStopsWhenRevoked(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	desk := enrolledDesk(t, c)
	if err := c.Storage.Revoke(ctx, desk.DeskID(), time.Now()); err != nil {
		t.Fatal(err)
	}
	var last replication.Status
	err := client(t, desk).Run(ctx, 10*time.Millisecond, func(s replication.Status) { last = s })
	var re *replication.RemoteError
	if !errors.As(err, &re) || re.ErrorBody.Error != replication.CodeRevoked || !last.Online || last.Err == nil {
		t.Fatalf("run: %v, last status %+v", err, last)
	}
}
