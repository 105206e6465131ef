package store

import (
	"context"
	"fmt"
)

// OutboxCount returns how many events wait for the central's
// acknowledgement, for the sync line ("3 changes waiting").
func (s *Store) OutboxCount(ctx context.Context) (int, error) {
	var n int
	err := s.read(ctx, func(t *txn) error {
		return t.queryRow(`SELECT COUNT(*) FROM outbox`).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("store: outbox count: %w", err)
	}
	return n, nil
}
