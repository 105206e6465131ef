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
	out := make([][]Candidate, len(persons))
	err := s.read(ctx, func(t *txn) error {
		for i, p := range persons {
			if err := ctx.Err(); err != nil {
				return err
			}
			ids, err := candidateIDs(t, p)
			if err != nil {
				return err
			}
			if len(ids) > 0 {
				if out[i], err = matchCandidates(t, p, ids); err != nil {
					return err
				}
			}
			if progress != nil && (i%250 == 0 || i == len(persons)-1) {
				progress(i+1, len(persons))
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: import duplicates: %w", err)
	}
	return out, nil
}
