package store

import (
	"context"
	"errors"
	"testing"

	"accueil/internal/synth"
)

var errInjected = errors.New("injected failure")

// tables whose rows a failed write must leave exactly as they were.
var writeTables = []string{"events", "field_values", "persons", "outbox", "audit", "imports", "distinct_pairs"}

func snapshot(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tb := range writeTables {
		out[tb] = countRows(t, s, tb)
	}
	return out
}

// Every write is all or nothing: a failure at any step between the event
// and the commit leaves the log, the query tables, the index, the outbox
// and the audit as they were, and consistent with each other.
func TestWritesAreAtomic(t *testing.T) {
	ctx := context.Background()
	writes := []struct {
		name  string
		steps []string
		// setup stores what the write needs and returns the write.
		setup func(t *testing.T, s *Store) func() error
	}{
		{"create", []string{"append", "apply", "person", "index", "outbox", "audit", "commit"},
			func(t *testing.T, s *Store) func() error {
				return func() error {
					_, _, err := s.SavePerson(ctx, reception, person("Tarquen", "Ali", "N 900 002"), nil)
					return err
				}
			}},
		{"rename", []string{"append", "person", "index", "outbox", "audit", "commit"},
			func(t *testing.T, s *Store) func() error {
				p, vers := save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
				p.Surname = "Velindorra"
				return func() error {
					_, _, err := s.SavePerson(ctx, reception, p, vers)
					return err
				}
			}},
		{"merge", []string{"append", "apply", "outbox", "audit", "commit"},
			func(t *testing.T, s *Store) func() error {
				keep, _ := save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
				gone, _ := save(t, s, reception, person("Velindorr", "Amina", "N 900 002"), nil)
				return func() error { return s.Merge(ctx, reception, keep.ID, gone.ID) }
			}},
		{"distinct", []string{"append", "apply", "outbox", "audit", "commit"},
			func(t *testing.T, s *Store) func() error {
				a, _ := save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
				b, _ := save(t, s, reception, person("Velindorr", "Amina", "N 900 002"), nil)
				return func() error { return s.MarkDistinct(ctx, reception, a.ID, b.ID) }
			}},
		{"import", []string{"append", "index", "outbox", "audit", "commit"},
			func(t *testing.T, s *Store) func() error {
				return func() error {
					_, err := s.Import(ctx, reception, "x", synth.Persons(3, 20), nil)
					return err
				}
			}},
	}
	for _, w := range writes {
		for _, step := range w.steps {
			t.Run(w.name+"/"+step, func(t *testing.T) {
				s := openTest(t)
				write := w.setup(t, s)
				before := snapshot(t, s)
				hits := 0
				s.failpoint = func(at string) error {
					if at == step {
						hits++
						return errInjected
					}
					return nil
				}
				if err := write(); !errors.Is(err, errInjected) || hits == 0 {
					t.Fatalf("err = %v after %d hits, want the injected failure", err, hits)
				}
				s.failpoint = nil
				assertUnchanged(t, s, before)
			})
		}
	}
}

func assertUnchanged(t *testing.T, s *Store, before map[string]int) {
	t.Helper()
	after := snapshot(t, s)
	for _, tb := range writeTables {
		if after[tb] != before[tb] {
			t.Errorf("%s: %d rows before the failed write, %d after", tb, before[tb], after[tb])
		}
	}
	mustCheck(t, s)
	if o, e := countRows(t, s, "outbox"), countRows(t, s, "events"); o != e {
		t.Errorf("outbox holds %d events of %d", o, e)
	}
}

func TestRebuildGivesSameTables(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.Import(ctx, reception, "x", synth.Persons(5, 60), nil); err != nil {
		t.Fatal(err)
	}
	a, _ := save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
	b, _ := save(t, s, reception, person("Velindorr", "Amina", "N 900 002"), nil)
	if err := s.Merge(ctx, reception, a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	if err := s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	assertUnchanged(t, s, before)
}
