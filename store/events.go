package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"accueil/intake"
	"accueil/seal"
)

// Fields of a decision entity (intake.EntityDecision). A decision names two
// person files and what staff decided about them.
const (
	FieldDecision intake.Field = "decision"
	FieldPersonA  intake.Field = "person_a"
	FieldPersonB  intake.Field = "person_b"
)

// DecisionDistinct is the decision that two files are different persons.
const DecisionDistinct = "distinct"

// newEvent stamps a local event for changes to one entity.
func (t *txn) newEvent(et intake.EntityType, entity string, by intake.Staff, changes []intake.Change) (intake.Event, error) {
	id, err := newID()
	if err != nil {
		return intake.Event{}, err
	}
	return intake.Event{
		ID:         id,
		EntityType: et,
		EntityID:   entity,
		Changes:    changes,
		Time:       t.stamp(),
		Desk:       t.s.desk,
		Staff:      by.ID,
		Schema:     intake.SchemaVersion,
	}, nil
}

// record appends a local event to the log, applies it to the query tables
// and the index, and queues it for the central: the three parts of every
// write, in the caller's transaction.
func (t *txn) record(ev intake.Event) error {
	seq, err := t.appendEvent(ev)
	if err != nil {
		return fmt.Errorf("append event: %w", err)
	}
	if err := t.step("append"); err != nil {
		return err
	}
	if err := t.apply(ev, seq); err != nil {
		return fmt.Errorf("apply event: %w", err)
	}
	if err := t.step("apply"); err != nil {
		return err
	}
	if _, err := t.exec(`INSERT INTO outbox (event_seq) VALUES (?)`, seq); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return t.step("outbox")
}

func (t *txn) appendEvent(ev intake.Event) (int64, error) {
	changes, err := json.Marshal(ev.Changes)
	if err != nil {
		return 0, err
	}
	k, err := t.keyFor(ev.EntityID, ev.EntityType)
	if err != nil {
		return 0, err
	}
	// An event for a shredded entity keeps its place in the log but not
	// its content: there is no key left to seal it with.
	var sealed []byte
	if k != nil {
		sealed = k.Seal(changes, eventAAD(ev.ID))
	}
	res, err := t.exec(`INSERT INTO events (id, entity_type, entity_id, changes, hlc, desk, staff, schema)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		ev.ID, string(ev.EntityType), ev.EntityID, sealedOrEmpty(sealed), ev.Time.String(), ev.Desk, ev.Staff, ev.Schema)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// sealedOrEmpty stores an absent sealed value as an empty blob.
func sealedOrEmpty(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// keyFor returns the entity's key, giving a new entity its number and
// key; nil for a shredded entity.
func (t *txn) keyFor(id string, et intake.EntityType) (*seal.Key, error) {
	n, created, err := t.entityNumber(id, et)
	if err != nil {
		return nil, err
	}
	if created {
		if t.fresh == nil {
			t.fresh = map[string]bool{}
		}
		t.fresh[id] = true
	}
	k, _, err := t.entityKey(id, n, created)
	return k, err
}

// apply folds an event into the current field values, newest clock
// reading first (desk ID breaking ties), then refreshes what is derived
// from the entity. Applying the log in any order gives the same tables.
func (t *txn) apply(ev intake.Event, seq int64) error {
	n, created, err := t.entityNumber(ev.EntityID, ev.EntityType)
	if err != nil {
		return err
	}
	k, ok, err := t.entityKey(ev.EntityID, n, created)
	if err != nil || !ok {
		return err // shredded: nothing of it is kept
	}
	created = created || t.fresh[ev.EntityID]
	delete(t.fresh, ev.EntityID)
	if err := t.upsertFields(ev, n, seq, k); err != nil {
		return err
	}
	switch ev.EntityType {
	case intake.EntityPerson:
		if created {
			// A file first seen now has exactly this event's values:
			// no need to read them back and open them again.
			return t.storePerson(ev.EntityID, k, firstValues(ev.Changes))
		}
		return t.refreshPerson(ev.EntityID, k)
	case intake.EntityHousehold:
		return t.refreshHousehold(ev.EntityID, k)
	case intake.EntityDecision:
		return t.refreshDecision(ev.EntityID)
	}
	return t.applyCounselling(ev)
}

// fieldsPerStatement bounds the rows of one field upsert.
const fieldsPerStatement = 32

// upsertFields writes the event's changes into field_values, a field
// taking the change only when the event is newer (clock, then desk) than
// the one that set it. The rows of an event go in one statement (per 32
// fields): one round trip instead of one per field. A field changed twice
// in one event keeps its first change, as one statement per field did.
func (t *txn) upsertFields(ev intake.Event, n, seq int64, k *seal.Key) error {
	hlc := ev.Time.String()
	for cs := range slices.Chunk(ev.Changes, fieldsPerStatement) {
		args := make([]any, 0, 4*len(cs)+2)
		for _, c := range cs {
			args = append(args, n, string(c.Field), k.Seal([]byte(c.Value), fieldAAD(ev.EntityID, string(c.Field))), seq)
		}
		args = append(args, hlc, ev.Desk)
		if _, err := t.exec(upsertFieldsSQL(len(cs)), args...); err != nil {
			return err
		}
	}
	return nil
}

// upsertFieldsSQL is the field upsert of rows rows; the event's clock
// reading and desk are its last two parameters.
func upsertFieldsSQL(rows int) string {
	return `INSERT INTO field_values (entity, field, value, version) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?), ", rows), ", ") + `
		ON CONFLICT (entity, field) DO UPDATE SET value = excluded.value, version = excluded.version
		WHERE (?, ?) > (SELECT hlc, desk FROM events WHERE seq = field_values.version)`
}

// entityNumber returns the entity's number, giving it one on first sight.
// Numbers are kept for the transaction: an event's append and its apply
// both ask.
func (t *txn) entityNumber(id string, et intake.EntityType) (n int64, created bool, err error) {
	if n, ok := t.nums[id]; ok {
		return n, false, nil
	}
	err = t.queryRow(`SELECT n FROM entities WHERE id = ?`, id).Scan(&n)
	switch {
	case err == nil:
	case !isNoRows(err):
		return 0, false, err
	default:
		res, err := t.exec(`INSERT INTO entities (id, type) VALUES (?, ?)`, id, string(et))
		if err != nil {
			return 0, false, err
		}
		if n, err = res.LastInsertId(); err != nil {
			return 0, false, err
		}
		created = true
	}
	if t.nums == nil {
		t.nums = map[string]int64{}
	}
	t.nums[id] = n
	return n, created, nil
}

// fieldState is a field's current value and the event that set it.
type fieldState struct {
	value, version string
}

// loadFields returns the current fields of an entity; empty when it does
// not exist or was shredded.
func loadFields(q querier, id string) (map[intake.Field]fieldState, error) {
	r, err := q.store().keys()
	if err != nil {
		return nil, err
	}
	k, ok, err := r.keyOf(q, id)
	if err != nil || !ok {
		return map[intake.Field]fieldState{}, err
	}
	rows, err := q.query(`SELECT f.field, f.value, e.id FROM entities n
		JOIN field_values f ON f.entity = n.n JOIN events e ON e.seq = f.version
		WHERE n.id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[intake.Field]fieldState{}
	for rows.Next() {
		var f string
		var sealed []byte
		var st fieldState
		if err := rows.Scan(&f, &sealed, &st.version); err != nil {
			return nil, err
		}
		v, err := k.Open(sealed, fieldAAD(id, f))
		if err != nil {
			return nil, fmt.Errorf("field %s of %s: %w", f, id, err)
		}
		st.value = string(v)
		out[intake.Field(f)] = st
	}
	return out, rows.Err()
}

func valuesOf(fs map[intake.Field]fieldState) map[intake.Field]string {
	v := make(map[intake.Field]string, len(fs))
	for f, st := range fs {
		v[f] = st.value
	}
	return v
}

// refreshPerson rewrites the person's row: the clear columns lists count
// and filter on, and the sealed record with the personal ones and the
// search keys; the index takes the record after the commit.
func (t *txn) refreshPerson(id string, k *seal.Key) error {
	fs, err := loadFields(t, id)
	if err != nil {
		return err
	}
	return t.storePerson(id, k, valuesOf(fs))
}

// firstValues are the values an event gives a new entity: the first
// change of each field, as the field upsert keeps it (a later change of
// the same field in the same event is not newer).
func firstValues(cs []intake.Change) map[intake.Field]string {
	v := make(map[intake.Field]string, len(cs))
	for _, c := range cs {
		if _, ok := v[c.Field]; !ok {
			v[c.Field] = c.Value
		}
	}
	return v
}

// storePerson writes the persons row and the index record of a file
// from its current values.
func (t *txn) storePerson(id string, k *seal.Key, values map[intake.Field]string) error {
	p := intake.PersonFromValues(id, values)
	rec := personRecord(p)
	row := append(personRow(p), k.Seal(rec.encode(), personAAD(id)))
	if _, err := t.exec(upsertPerson, row...); err != nil {
		return fmt.Errorf("person row: %w", err)
	}
	if err := t.step("person"); err != nil {
		return err
	}
	if err := t.indexPut(id, &rec); err != nil {
		return err
	}
	return t.step("index")
}

// upsertPerson writes a persons row. The personal columns of migration
// 0001 stay empty: their values are in sealed.
const upsertPerson = `INSERT INTO persons (id, surname, given_names, surname_original,
	given_names_original, birth_date, birth_date_approx, nationality, permit, status,
	arrival_date, n_number, n_norm, zemis_number, zemis_norm, household_id, relation,
	merged_into, import_batch, deleted, live, sort_key, sealed)
	VALUES (?, '', '', '', '', '', 0, ?, ?, ?, ?, '', '', '', '', ?, ?, ?, ?, ?, ?, '', ?)
	ON CONFLICT (id) DO UPDATE SET nationality = excluded.nationality, permit = excluded.permit,
	status = excluded.status, arrival_date = excluded.arrival_date,
	household_id = excluded.household_id, relation = excluded.relation,
	merged_into = excluded.merged_into, import_batch = excluded.import_batch,
	deleted = excluded.deleted, live = excluded.live, sealed = excluded.sealed`

// personRow is the clear part of p's persons row, in upsertPerson's
// column order: what lists filter and statistics count, nothing that
// identifies the person.
func personRow(p intake.Person) []any {
	return []any{
		p.ID, p.Nationality, string(p.Permit), string(p.Status), p.ArrivalDate.String(),
		p.HouseholdID, string(p.Relation), p.MergedInto, p.ImportBatch, p.Deleted, live(p),
	}
}

func live(p intake.Person) bool { return !p.Deleted && p.MergedInto == "" }

func (t *txn) refreshHousehold(id string, k *seal.Key) error {
	fs, err := loadFields(t, id)
	if err != nil {
		return err
	}
	name := k.Seal([]byte(fs[intake.FieldHouseholdName].value), householdAAD(id))
	_, err = t.exec(`INSERT INTO households (id, name) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name`, id, name)
	return err
}

func (t *txn) refreshDecision(id string) error {
	fs, err := loadFields(t, id)
	if err != nil {
		return err
	}
	if fs[FieldDecision].value != DecisionDistinct {
		return nil
	}
	a, b := orderedPair(fs[FieldPersonA].value, fs[FieldPersonB].value)
	_, err = t.exec(`INSERT INTO distinct_pairs (a, b, decision) VALUES (?, ?, ?)
		ON CONFLICT (a, b) DO UPDATE SET decision = min(decision, excluded.decision)`, a, b, id)
	return err
}

func orderedPair(a, b string) (string, string) {
	if b < a {
		return b, a
	}
	return a, b
}
