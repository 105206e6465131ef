package store

import (
	"context"
	"fmt"

	"accueil/intake"
)

// ImportDuplicates returns, for each person of an import being previewed,
// the stored files it may duplicate (same rule as Duplicates), in one read
// transaction. progress, if set, is told every few hundred persons.
func (s *Store) ImportDuplicates(ctx context.Context, by intake.Staff, persons []intake.Person, progress func(done, total int)) ([][]Candidate, error) {
	if !by.Role.Valid() {
		return nil, fmt.Errorf("store: import duplicates: %w", ErrForbidden)
	}
	x, err := s.currentIndex(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: import duplicates: %w", err)
	}
	defer x.mu.RUnlock()
	out := make([][]Candidate, len(persons))
	for i, p := range persons {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("store: import duplicates: %w", err)
		}
		if ids := x.candidateIDs(p); len(ids) > 0 {
			out[i] = x.matchCandidates(p, ids)
		}
		if progress != nil && (i%250 == 0 || i == len(persons)-1) {
			progress(i+1, len(persons))
		}
	}
	return out, nil
}
