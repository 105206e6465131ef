package store

import (
	"context"
	"fmt"

	"accueil/intake"
)

// Outbox returns up to limit events made here that the central has not
// acknowledged yet (all when limit <= 0), oldest first.
func (s *Store) Outbox(ctx context.Context, limit int) ([]intake.Event, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := s.reader(ctx).query(`SELECT e.id, e.entity_type, e.entity_id, e.changes, e.hlc, e.desk, e.staff, e.schema
		FROM outbox o JOIN events e ON e.seq = o.event_seq ORDER BY o.event_seq LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: outbox: %w", err)
	}
	defer rows.Close()
	var out []intake.Event
	for rows.Next() {
		ev, err := s.scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("store: outbox: %w", err)
		}
		out = append(out, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: outbox: %w", err)
	}
	return out, nil
}

// Acknowledge removes events the central has stored from the outbox. IDs
// not in the outbox are ignored, so that a repeated acknowledgement after
// a lost answer is harmless.
func (s *Store) Acknowledge(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	err := s.write(ctx, func(t *txn) error {
		_, err := t.exec(`DELETE FROM outbox WHERE event_seq IN
			(SELECT seq FROM events WHERE id IN (SELECT value FROM json_each(?)))`, jsonList(ids))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: acknowledge: %w", err)
	}
	return nil
}
