package store

import (
	"context"
	"sync"
	"testing"

	"accueil/internal/synth"
)

// Desks run the form, the search box and (later) the sync client at once:
// concurrent saves and searches must neither fail nor wait on each other
// forever, and the tables must agree afterwards.
func TestConcurrentSavesAndSearches(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := synth.Persons(21, 120)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(ps); i += 4 {
				if _, _, err := s.SavePerson(ctx, reception, ps[i], nil); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for range 3 {
		wg.Go(func() {
			for i := range 60 {
				q := ps[i].Surname
				if i%3 == 0 {
					q = ps[i].NNumber
				}
				if _, err := s.Search(ctx, reception, q, 20); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Go(func() {
		if _, err := s.Import(ctx, reception, "x", synth.Persons(22, 600), nil); err != nil {
			errs <- err
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n, err := s.Count(ctx); err != nil || n != len(ps)+600 {
		t.Errorf("Count = %d, %v; want %d", n, err, len(ps)+600)
	}
	mustCheck(t, s)
}
