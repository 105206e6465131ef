package store

import (
	"context"
	"fmt"

	"accueil/intake"
)

// encryptLegacy seals, in one transaction, a database written before
// encryption at rest (migration 0003 marks it 'plaintext'): every entity
// gets its key, events, field values, person rows, household names and
// import labels are sealed, and the plaintext columns are emptied. The
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
		{"events", t.sealEvents}, {"field values", t.sealFieldValues},
		{"persons and households", t.refreshAll}, {"imports", t.sealImports},
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
	et, field  string
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

func (t *txn) sealFieldValues() error {
	fvs, err := t.plainRows(`SELECT f.entity, n.id, f.field, f.value FROM field_values f JOIN entities n ON n.n = f.entity`,
		func(r *plainRow) []any { return []any{&r.key, &r.entity, &r.field, &r.value} })
	if err != nil {
		return err
	}
	for _, f := range fvs {
		k, _, err := t.entityKey(f.entity, f.key, true)
		if err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE field_values SET value = ? WHERE entity = ? AND field = ?`,
			k.Seal([]byte(f.value), fieldAAD(f.entity, f.field)), f.key, f.field); err != nil {
			return err
		}
	}
	return nil
}

// refreshAll rewrites every person and household row from the (now
// sealed) field values, which empties the plaintext columns.
func (t *txn) refreshAll() error {
	rows, err := t.plainRows(`SELECT id, type FROM entities WHERE type IN ('person', 'household')`,
		func(r *plainRow) []any { return []any{&r.id, &r.et} })
	if err != nil {
		return err
	}
	for _, e := range rows {
		k, err := t.keyFor(e.id, intake.EntityType(e.et))
		if err != nil {
			return err
		}
		if e.et == "person" {
			err = t.refreshPerson(e.id, k)
		} else {
			err = t.refreshHousehold(e.id, k)
		}
		if err != nil {
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
