package store

import (
	"context"
	"fmt"

	"accueil/intake"
)

// encryptLegacy seals, in one transaction, a database written before
// encryption at rest (migration 0003 marks it 'plaintext'): every entity
// gets its key, the events are sealed, the query tables are emptied and
// replayed from the sealed log (as Rebuild does), import labels are
// sealed. The
// database is then vacuumed and its WAL truncated, so that no page of
// the file still holds the old values. r becomes the store's ring first:
// the sealing helpers take keys from it.
func (s *Store) encryptLegacy(ctx context.Context, r *keyring) error {
	v, err := s.metaValue(ctx, "plaintext")
	if isNoRows(err) || (err == nil && v != "1") {
		return nil
	}
	if err != nil {
		return fmt.Errorf("encrypt in place: %w", err)
	}
	s.ring.Store(r)
	if err := s.write(ctx, func(t *txn) error { return t.sealAll() }); err != nil {
		s.ring.Store(nil)
		return fmt.Errorf("encrypt in place: %w", err)
	}
	return s.purgeFreePages(ctx)
}

// purgeFreePages rewrites the database file without its free pages and
// empties the WAL, which still holds the pages as they were.
func (s *Store) purgeFreePages(ctx context.Context) error {
	for _, q := range []string{`PRAGMA wal_checkpoint(TRUNCATE)`, `VACUUM`, `PRAGMA wal_checkpoint(TRUNCATE)`} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("encrypt in place: %s: %w", q, err)
		}
	}
	return nil
}

func (t *txn) sealAll() error {
	restore, err := t.suspendTrigger("events_no_update")
	if err != nil {
		return err
	}
	steps := []struct {
		name string
		fn   func() error
	}{
		{"events", t.sealEvents},
		{"replay", func() error { return t.replayAll(`DELETE FROM persons`) }},
		{"imports", t.sealImports},
	}
	for _, st := range steps {
		if err := st.fn(); err != nil {
			return fmt.Errorf("%s: %w", st.name, err)
		}
	}
	for _, q := range []string{restore, `DELETE FROM search_keys`, `DELETE FROM skeleton_keys`,
		`DELETE FROM meta WHERE key = 'plaintext'`} {
		if _, err := t.tx.ExecContext(t.ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// suspendTrigger drops a trigger and returns the SQL that makes it again.
func (t *txn) suspendTrigger(name string) (string, error) {
	var sql string
	if err := t.queryRow(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`, name).Scan(&sql); err != nil {
		return "", fmt.Errorf("trigger %s: %w", name, err)
	}
	_, err := t.tx.ExecContext(t.ctx, `DROP TRIGGER `+name)
	return sql, err
}

type plainRow struct {
	key        int64
	id, entity string
	et         string
	value      string
}

// plainRows reads a whole query up front: rows are rewritten afterwards.
func (t *txn) plainRows(q string, scan func(*plainRow) []any) ([]plainRow, error) {
	rows, err := t.tx.QueryContext(t.ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []plainRow
	for rows.Next() {
		var r plainRow
		if err := rows.Scan(scan(&r)...); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (t *txn) sealEvents() error {
	evs, err := t.plainRows(`SELECT seq, id, entity_id, entity_type, changes FROM events`, func(r *plainRow) []any {
		return []any{&r.key, &r.id, &r.entity, &r.et, &r.value}
	})
	if err != nil {
		return err
	}
	for _, e := range evs {
		k, err := t.keyFor(e.entity, intake.EntityType(e.et))
		if err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE events SET changes = ? WHERE seq = ?`, k.Seal([]byte(e.value), eventAAD(e.id)), e.key); err != nil {
			return err
		}
	}
	return nil
}

func (t *txn) sealImports() error {
	r, err := t.s.keys()
	if err != nil {
		return err
	}
	ims, err := t.plainRows(`SELECT id, label FROM imports`, func(r *plainRow) []any { return []any{&r.id, &r.value} })
	if err != nil {
		return err
	}
	for _, im := range ims {
		if _, err := t.exec(`UPDATE imports SET label = ? WHERE id = ?`, r.values.Seal([]byte(im.value), importAAD(im.id)), im.id); err != nil {
			return err
		}
	}
	return nil
}
