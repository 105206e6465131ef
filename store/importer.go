package store

import (
	"context"
	"fmt"
	"time"

	"accueil/intake"
)

// importBatchSize is the number of files written per transaction: large
// enough to be fast, small enough that the write lock is held for a few
// milliseconds and a save at another desk window is never kept waiting.
const importBatchSize = 250

// ImportInfo describes one import.
type ImportInfo struct {
	ID        string
	Label     string // what the staff called it, usually the file name
	Time      time.Time
	Staff     string // ID of who imported
	StaffName string
	Count     int
	Undone    bool
	UndoneAt  time.Time
}

// Import writes persons already parsed and previewed by the caller as new
// files with status expected, in transactions of importBatchSize, calling
// progress after each. The rows are all validated first (a
// *ValidationError names the row) so that a bad row writes nothing. If the
// import fails later, the files already written stay and the batch ID is
// returned with the error, so that UndoImport can take them back.
func (s *Store) Import(ctx context.Context, by intake.Staff, label string, persons []intake.Person, progress func(done, total int)) (string, error) {
	if !by.Role.CanImport() {
		return "", fmt.Errorf("store: import: %w", ErrForbidden)
	}
	today := s.today()
	for i, p := range persons {
		p.Status = intake.StatusExpected
		if problems := p.Validate(today); len(problems) > 0 {
			return "", fmt.Errorf("store: import: %w", &ValidationError{Row: i, Problems: problems})
		}
	}
	batch, err := newID()
	if err != nil {
		return "", fmt.Errorf("store: import: %w", err)
	}
	for start := 0; start < len(persons); start += importBatchSize {
		end := min(start+importBatchSize, len(persons))
		err := s.write(ctx, func(t *txn) error {
			if start == 0 {
				if err := t.startImport(by, batch, label); err != nil {
					return err
				}
			}
			return t.importChunk(by, batch, start, persons[start:end])
		})
		if err != nil {
			if start == 0 {
				batch = ""
			}
			return batch, fmt.Errorf("store: import: %w", err)
		}
		if progress != nil {
			progress(end, len(persons))
		}
	}
	return batch, nil
}

func (t *txn) startImport(by intake.Staff, batch, label string) error {
	r, err := t.s.keys()
	if err != nil {
		return err
	}
	// The label is often a file name, which may name a person: sealed.
	_, err = t.exec(`INSERT INTO imports (id, label, time, staff, count) VALUES (?, ?, ?, ?, 0)`,
		batch, r.values.Seal([]byte(label), importAAD(batch)), t.s.now().UTC().Format(time.RFC3339Nano), by.ID)
	return err
}

func (t *txn) importChunk(by intake.Staff, batch string, first int, persons []intake.Person) error {
	for i, p := range persons {
		if err := t.importPerson(by, batch, p); err != nil {
			return fmt.Errorf("row %d: %w", first+i, err)
		}
	}
	_, err := t.exec(`UPDATE imports SET count = count + ? WHERE id = ?`, len(persons), batch)
	return err
}

// importPerson writes one new file. A caller-given ID is kept, so that the
// caller can refer to the file afterwards, but must be new.
func (t *txn) importPerson(by intake.Staff, batch string, p intake.Person) error {
	if p.ID == "" {
		id, err := newID()
		if err != nil {
			return err
		}
		p.ID = id
	} else if cur, err := loadFields(t, p.ID); err != nil || len(cur) > 0 {
		return firstErr(err, ErrExists)
	}
	p.Status, p.ImportBatch = intake.StatusExpected, batch
	p.MergedInto, p.Deleted = "", false
	var changes []intake.Change
	values := p.Values()
	for _, f := range intake.PersonFields() {
		if v := values[f]; v != "" && (by.Role.CanReadField(f) || f == intake.FieldImportBatch) {
			changes = append(changes, intake.Change{Field: f, Value: v})
		}
	}
	ev, err := t.newEvent(intake.EntityPerson, p.ID, by, changes)
	if err != nil {
		return err
	}
	if err := t.record(ev); err != nil {
		return err
	}
	return t.audit(by, ActionImport, intake.EntityPerson, p.ID, ev.ID)
}

// UndoImport deletes (tombstones) the files of an import that nobody
// changed since; files edited, merged or merged into since are kept and
// counted. Like Import it works in short transactions, and it can be run
// again after an interruption.
func (s *Store) UndoImport(ctx context.Context, by intake.Staff, batch string) (undone, kept int, err error) {
	if !by.Role.CanImport() {
		return 0, 0, fmt.Errorf("store: undo import: %w", ErrForbidden)
	}
	var n int
	if err := s.reader(ctx).queryRow(`SELECT count(*) FROM imports WHERE id = ?`, batch).Scan(&n); err != nil || n == 0 {
		return 0, 0, fmt.Errorf("store: undo import: %w", firstErr(err, ErrNotFound))
	}
	after := ""
	for {
		var ids []string
		err := s.write(ctx, func(t *txn) error {
			var err error
			if ids, err = batchPersons(t, batch, after); err != nil {
				return err
			}
			for _, id := range ids {
				gone, err := t.undoPerson(by, id)
				if err != nil {
					return err
				}
				if gone {
					undone++
				} else {
					kept++
				}
			}
			if len(ids) < importBatchSize {
				_, err = t.exec(`UPDATE imports SET undone_time = ? WHERE id = ?`,
					s.now().UTC().Format(time.RFC3339Nano), batch)
			}
			return err
		})
		if err != nil {
			return undone, kept, fmt.Errorf("store: undo import: %w", err)
		}
		if len(ids) < importBatchSize {
			return undone, kept, nil
		}
		after = ids[len(ids)-1]
	}
}

// batchPersons returns the next files of an import not yet deleted, in ID
// order after the ID after.
func batchPersons(t *txn, batch, after string) ([]string, error) {
	return idList(t, `SELECT id FROM persons WHERE import_batch = ? AND deleted = 0 AND id > ?
		ORDER BY id LIMIT ?`, batch, after, importBatchSize)
}

// undoPerson tombstones a file untouched since its import. Any later event
// on it (an edit, a merge) or a file merged into it means someone worked
// on it, and it stays.
func (t *txn) undoPerson(by intake.Staff, id string) (bool, error) {
	var events, mergedIn int
	if err := t.queryRow(`SELECT (SELECT count(*) FROM events WHERE entity_id = ?),
		(SELECT count(*) FROM persons WHERE merged_into = ?)`, id, id).Scan(&events, &mergedIn); err != nil {
		return false, err
	}
	if events != 1 || mergedIn > 0 {
		return false, nil
	}
	cur, err := loadFields(t, id)
	if err != nil {
		return false, err
	}
	ev, err := t.newEvent(intake.EntityPerson, id, by, []intake.Change{
		{Field: intake.FieldDeleted, Value: "true", Base: cur[intake.FieldDeleted].version},
	})
	if err != nil {
		return false, err
	}
	if err := t.record(ev); err != nil {
		return false, err
	}
	return true, t.audit(by, ActionUndoImport, intake.EntityPerson, id, ev.ID)
}

// Imports lists the imports, newest first.
func (s *Store) Imports(ctx context.Context, by intake.Staff) ([]ImportInfo, error) {
	if !by.Role.CanImport() {
		return nil, fmt.Errorf("store: imports: %w", ErrForbidden)
	}
	ring, err := s.keys()
	if err != nil {
		return nil, fmt.Errorf("store: imports: %w", err)
	}
	rows, err := s.reader(ctx).query(`SELECT i.id, i.label, i.time, i.staff, coalesce(s.name, ''), i.count, i.undone_time
		FROM imports i LEFT JOIN staff s ON s.id = i.staff ORDER BY i.time DESC, i.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("store: imports: %w", err)
	}
	defer rows.Close()
	var out []ImportInfo
	for rows.Next() {
		var in ImportInfo
		var tm, undone string
		var label []byte
		if err := rows.Scan(&in.ID, &label, &tm, &in.Staff, &in.StaffName, &in.Count, &undone); err != nil {
			return nil, fmt.Errorf("store: imports: %w", err)
		}
		if in.Label, err = openLabel(ring, in.ID, label); err != nil {
			return nil, fmt.Errorf("store: imports: %w", err)
		}
		in.Time, _ = time.Parse(time.RFC3339Nano, tm)
		if undone != "" {
			in.Undone = true
			in.UndoneAt, _ = time.Parse(time.RFC3339Nano, undone)
		}
		out = append(out, in)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: imports: %w", err)
	}
	return out, nil
}

func openLabel(r *keyring, id string, sealed []byte) (string, error) {
	b, err := r.values.Open(sealed, importAAD(id))
	if err != nil {
		return "", fmt.Errorf("import %s label: %w", id, err)
	}
	return string(b), nil
}
