package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"accueil/intake"
)

// Versions maps each field to the ID of the event that last set it. A form
// keeps the Versions it was opened with and hands them back on save, so
// that the store can tell an edit from an overwrite of someone else's.
type Versions map[intake.Field]string

// systemFields are set by Merge and Import, never by a form: a form built
// from a blank Person must not clear them.
var systemFields = map[intake.Field]bool{
	intake.FieldMergedInto:  true,
	intake.FieldImportBatch: true,
}

// SavePerson records a new person (p.ID empty) or the changes to an
// existing one, and returns the file as stored and its new versions.
//
// Only changed fields become changes, and only fields the staff member's
// role may read: a form that never showed a field cannot blank it. A field
// changed both here and by someone else since the form was opened (seen
// names an older version) is a *ConflictError and nothing is written.
// Invalid data is a *ValidationError.
func (s *Store) SavePerson(ctx context.Context, by intake.Staff, p intake.Person, seen Versions) (intake.Person, Versions, error) {
	out, vers, err := s.savePerson(ctx, by, p, seen)
	if err != nil {
		return intake.Person{}, nil, fmt.Errorf("store: save person: %w", err)
	}
	return out, vers, nil
}

func (s *Store) savePerson(ctx context.Context, by intake.Staff, p intake.Person, seen Versions) (intake.Person, Versions, error) {
	if !by.Role.CanEditPersons() {
		return intake.Person{}, nil, ErrForbidden
	}
	isNew := p.ID == ""
	if isNew {
		var err error
		if p, err = s.prepareNew(p); err != nil {
			return intake.Person{}, nil, err
		}
	}
	if problems := p.Validate(s.today()); len(problems) > 0 {
		return intake.Person{}, nil, &ValidationError{Row: -1, Problems: problems}
	}
	var out intake.Person
	var vers Versions
	err := s.write(ctx, func(t *txn) error {
		cur, err := loadFields(t, p.ID)
		if err != nil {
			return err
		}
		if !isNew && len(cur) == 0 {
			return ErrNotFound
		}
		changes, err := t.planChanges(by.Role, p, cur, seen)
		if err != nil {
			return err
		}
		if err := t.writePerson(by, p.ID, changes, isNew); err != nil {
			return err
		}
		out, vers, err = loadPerson(t, by.Role, p.ID)
		return err
	})
	return out, vers, err
}

// prepareNew gives a new file its ID and the defaults of a check-in at
// the desk: arrived, today.
func (s *Store) prepareNew(p intake.Person) (intake.Person, error) {
	id, err := newID()
	if err != nil {
		return p, err
	}
	p.ID = id
	if p.Status == "" {
		p.Status = intake.StatusArrived
	}
	if p.Status == intake.StatusArrived && p.ArrivalDate.IsZero() {
		p.ArrivalDate = s.today()
	}
	return p, nil
}

// writePerson records one event with the changes and audits it; no
// changes, no event.
func (t *txn) writePerson(by intake.Staff, id string, changes []intake.Change, isNew bool) error {
	if len(changes) == 0 {
		return nil
	}
	ev, err := t.newEvent(intake.EntityPerson, id, by, changes)
	if err != nil {
		return err
	}
	if err := t.record(ev); err != nil {
		return err
	}
	action := ActionUpdate
	if isNew {
		action = ActionCreate
	}
	return t.audit(by, action, intake.EntityPerson, id, ev.ID)
}

// planChanges compares the form's person with the stored fields. A field
// whose version moved on since the form was opened is left alone when the
// form still holds the value it showed (the editor did not touch it), and
// is a conflict when the editor changed it too.
func (t *txn) planChanges(role intake.Role, p intake.Person, cur map[intake.Field]fieldState, seen Versions) ([]intake.Change, error) {
	want := p.Values()
	var changes []intake.Change
	var conflicts []intake.Field
	for _, f := range intake.PersonFields() {
		if !role.CanReadField(f) || systemFields[f] {
			continue
		}
		v, now := want[f], cur[f]
		if v == now.value {
			continue
		}
		if base := seen[f]; base != now.version {
			shown, known, err := t.valueAt(p.ID, f, base)
			if err != nil {
				return nil, err
			}
			if !known || v != shown {
				conflicts = append(conflicts, f)
			}
			continue
		}
		changes = append(changes, intake.Change{Field: f, Value: v, Base: now.version})
	}
	if len(conflicts) > 0 {
		return nil, &ConflictError{Fields: conflicts}
	}
	return changes, nil
}

// valueAt returns the value field f had after event version ("" before
// any event set it). known is false for a version that is not in the log
// or did not set f: the form cannot have shown it.
func (t *txn) valueAt(entity string, f intake.Field, version string) (value string, known bool, err error) {
	if version == "" {
		return "", true, nil
	}
	ev, err := eventByID(t, version)
	if errors.Is(err, ErrNotFound) {
		return "", false, nil
	}
	if err != nil || ev.EntityID != entity {
		return "", false, err
	}
	for _, c := range ev.Changes {
		if c.Field == f {
			return c.Value, true, nil
		}
	}
	return "", false, nil
}

// Person returns the file with the fields the role may read, and their
// versions for a later SavePerson. The read is audited.
func (s *Store) Person(ctx context.Context, by intake.Staff, id string) (intake.Person, Versions, error) {
	if !by.Role.Valid() {
		return intake.Person{}, nil, fmt.Errorf("store: person: %w", ErrForbidden)
	}
	var p intake.Person
	var vers Versions
	err := s.write(ctx, func(t *txn) error {
		var err error
		if p, vers, err = loadPerson(t, by.Role, id); err != nil {
			return err
		}
		return t.audit(by, ActionRead, intake.EntityPerson, id, "")
	})
	if err != nil {
		return intake.Person{}, nil, fmt.Errorf("store: person: %w", err)
	}
	return p, vers, nil
}

// loadPerson reads a person, redacted for role.
func loadPerson(q querier, role intake.Role, id string) (intake.Person, Versions, error) {
	fs, err := loadFields(q, id)
	if err != nil {
		return intake.Person{}, nil, err
	}
	if len(fs) == 0 {
		return intake.Person{}, nil, ErrNotFound
	}
	values := valuesOf(fs)
	role.Redact(values)
	vers := Versions{}
	for f := range values {
		if v := fs[f].version; v != "" {
			vers[f] = v
		}
	}
	return intake.PersonFromValues(id, values), vers, nil
}

// History returns every event of the person's file, and of the files
// merged into it, oldest first. Changes to fields the role may not read
// are left out, and so are events left empty by that. The read is audited.
func (s *Store) History(ctx context.Context, by intake.Staff, id string) ([]intake.Event, error) {
	if !by.Role.Valid() {
		return nil, fmt.Errorf("store: history: %w", ErrForbidden)
	}
	var out []intake.Event
	err := s.write(ctx, func(t *txn) error {
		ids, err := mergedFamily(t, id)
		if err != nil {
			return err
		}
		for _, e := range ids {
			evs, err := entityEvents(t, e)
			if err != nil {
				return err
			}
			out = append(out, evs...)
		}
		if len(out) == 0 {
			return ErrNotFound
		}
		slices.SortStableFunc(out, func(a, b intake.Event) int { return a.Time.Compare(b.Time) })
		out = redactEvents(by.Role, out)
		if out, err = hideAnonymised(t, out); err != nil {
			return err
		}
		return t.audit(by, ActionHistory, intake.EntityPerson, id, "")
	})
	if err != nil {
		return nil, fmt.Errorf("store: history: %w", err)
	}
	return out, nil
}

// mergedFamily returns id and every file merged into it, directly or not.
func mergedFamily(q querier, id string) ([]string, error) {
	rows, err := q.query(`WITH RECURSIVE fam(id) AS (
			SELECT ? UNION SELECT p.id FROM persons p JOIN fam ON p.merged_into = fam.id)
		SELECT id FROM fam`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		ids = append(ids, s)
	}
	return ids, rows.Err()
}

func redactEvents(role intake.Role, evs []intake.Event) []intake.Event {
	out := evs[:0]
	for _, ev := range evs {
		if ev.EntityType == intake.EntityPerson {
			ev.Changes = slices.DeleteFunc(slices.Clone(ev.Changes), func(c intake.Change) bool {
				return !role.CanReadField(c.Field)
			})
			if len(ev.Changes) == 0 {
				continue
			}
		}
		out = append(out, ev)
	}
	return out
}

const eventCols = `id, entity_type, entity_id, changes, hlc, desk, staff, schema`

// scanEvent reads an event row (eventCols) and opens its changes, looking
// keys up through q. The changes of a shredded entity's events read as
// none: the event was anonymised, the log is not damaged.
func scanEvent(q querier, r rowScanner) (intake.Event, error) {
	var ev intake.Event
	var et, hlc string
	var sealed []byte
	if err := r.Scan(&ev.ID, &et, &ev.EntityID, &sealed, &hlc, &ev.Desk, &ev.Staff, &ev.Schema); err != nil {
		return ev, err
	}
	ev.EntityType = intake.EntityType(et)
	var err error
	if ev.Time, err = intake.ParseTimestamp(hlc); err != nil {
		return ev, fmt.Errorf("event %s: %w", ev.ID, err)
	}
	ring, err := q.store().keys()
	if err != nil {
		return ev, err
	}
	k, ok, err := ring.keyOf(q, ev.EntityID)
	if err != nil || !ok || len(sealed) == 0 {
		return ev, err
	}
	changes, err := k.Open(sealed, eventAAD(ev.ID))
	if err != nil {
		if wasRekeyed(q, ev.EntityID) {
			return ev, nil // sealed under the key anonymisation destroyed
		}
		return ev, fmt.Errorf("event %s: %w", ev.ID, err)
	}
	if err := json.Unmarshal(changes, &ev.Changes); err != nil {
		return ev, fmt.Errorf("event %s: %w", ev.ID, err)
	}
	return ev, nil
}

// scanEvent reads an event row read through the read pool.
func (s *Store) scanEvent(r rowScanner) (intake.Event, error) {
	return scanEvent(s.reader(context.Background()), r)
}

func eventByID(q querier, id string) (intake.Event, error) {
	ev, err := scanEvent(q, q.queryRow(`SELECT `+eventCols+` FROM events WHERE id = ?`, id))
	if isNoRows(err) {
		return ev, ErrNotFound
	}
	return ev, err
}

func entityEvents(q querier, id string) ([]intake.Event, error) {
	rows, err := q.query(`SELECT `+eventCols+` FROM events WHERE entity_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []intake.Event
	for rows.Next() {
		ev, err := scanEvent(q, rows)
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, rows.Err()
}
