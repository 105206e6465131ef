package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"accueil/intake"
)

// Summary is what lists and search results show of a person.
type Summary struct {
	ID                 string
	Surname            string
	GivenNames         string
	SurnameOriginal    string
	GivenNamesOriginal string
	BirthDate          intake.Date
	BirthDateApprox    bool
	Nationality        string
	Permit             intake.Permit
	Status             intake.Status
	ArrivalDate        intake.Date
	NNumber            string
	HouseholdID        string
	Relation           intake.Relation
}

// ListFilter chooses the persons a list shows.
type ListFilter int

// Lists of the desk's home screen.
const (
	// ListAll: every file neither deleted nor merged.
	ListAll ListFilter = iota
	// ListArrivedToday: checked in today.
	ListArrivedToday
	// ListExpected: attributed but not yet checked in.
	ListExpected
)

// List returns one page of a list, ordered by name, and the list's length.
// It reads the in-memory index: names are sealed on disk.
func (s *Store) List(ctx context.Context, by intake.Staff, f ListFilter, today intake.Date, limit, offset int) ([]Summary, int, error) {
	if !by.Role.Valid() {
		return nil, 0, fmt.Errorf("store: list: %w", ErrForbidden)
	}
	x, err := s.currentIndex(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("store: list: %w", err)
	}
	defer x.mu.RUnlock()
	keep := listFilter(f, today)
	var out []Summary
	total := 0
	x.order.scan("", "\x00", func(e kentry) bool {
		if !keep(e.p) {
			return true
		}
		if total >= offset && len(out) < limit {
			out = append(out, e.p.Summary)
		}
		total++
		return true
	})
	return out, total, nil
}

func listFilter(f ListFilter, today intake.Date) func(*pentry) bool {
	switch f {
	case ListArrivedToday:
		return func(p *pentry) bool {
			return p.Live && p.Summary.ArrivalDate == today && p.Summary.Status == intake.StatusArrived
		}
	case ListExpected:
		return func(p *pentry) bool { return p.Live && p.Summary.Status == intake.StatusExpected }
	}
	return func(p *pentry) bool { return p.Live }
}

// summariesOf returns the summaries of the files with these IDs, by name.
func (s *Store) summariesOf(ctx context.Context, ids []string) ([]Summary, error) {
	x, err := s.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	defer x.mu.RUnlock()
	return x.sortedSummaries(ids), nil
}

// sortedSummaries returns the summaries of ids found in the index, in
// name order. Caller holds mu.
func (x *index) sortedSummaries(ids []string) []Summary {
	ps := make([]*pentry, 0, len(ids))
	for _, id := range ids {
		if p := x.byID[id]; p != nil {
			ps = append(ps, p)
		}
	}
	slices.SortFunc(ps, byName)
	out := make([]Summary, len(ps))
	for i, p := range ps {
		out[i] = p.Summary
	}
	return out
}

func byName(a, b *pentry) int {
	return cmp.Or(strings.Compare(a.Sort, b.Sort), strings.Compare(a.id(), b.id()))
}

// Count returns the number of files neither deleted nor merged.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.reader(ctx).queryRow(`SELECT count(*) FROM persons WHERE live = 1`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	return n, nil
}

// jsonList encodes ids for json_each, which lets one prepared statement
// take a list of any length.
func jsonList(ids []string) string {
	b, _ := json.Marshal(ids)
	return string(b)
}
