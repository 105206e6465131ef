package store

import (
	"encoding/json"
	"fmt"

	"accueil/intake"
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
	res, err := t.exec(`INSERT INTO events (id, entity_type, entity_id, changes, hlc, desk, staff, schema)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		ev.ID, string(ev.EntityType), ev.EntityID, string(changes), ev.Time.String(), ev.Desk, ev.Staff, ev.Schema)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// apply folds an event into the current field values, newest clock
// reading first (desk ID breaking ties), then refreshes what is derived
// from the entity. Applying the log in any order gives the same tables.
func (t *txn) apply(ev intake.Event, seq int64) error {
	n, err := t.entityNumber(ev.EntityID, ev.EntityType)
	if err != nil {
		return err
	}
	hlc := ev.Time.String()
	for _, c := range ev.Changes {
		_, err := t.exec(`INSERT INTO field_values (entity, field, value, version) VALUES (?, ?, ?, ?)
			ON CONFLICT (entity, field) DO UPDATE SET value = excluded.value, version = excluded.version
			WHERE (?, ?) > (SELECT hlc, desk FROM events WHERE seq = field_values.version)`,
			n, string(c.Field), c.Value, seq, hlc, ev.Desk)
		if err != nil {
			return err
		}
	}
	switch ev.EntityType {
	case intake.EntityPerson:
		return t.refreshPerson(ev.EntityID, ev.Changes)
	case intake.EntityHousehold:
		return t.refreshHousehold(ev.EntityID)
	case intake.EntityDecision:
		return t.refreshDecision(ev.EntityID)
	}
	return t.applyCounselling(ev)
}

// entityNumber returns the entity's number, giving it one on first sight.
func (t *txn) entityNumber(id string, et intake.EntityType) (int64, error) {
	var n int64
	err := t.queryRow(`SELECT n FROM entities WHERE id = ?`, id).Scan(&n)
	if !isNoRows(err) {
		return n, err
	}
	res, err := t.exec(`INSERT INTO entities (id, type) VALUES (?, ?)`, id, string(et))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// fieldState is a field's current value and the event that set it.
type fieldState struct {
	value, version string
}

// loadFields returns the current fields of an entity; empty when it does
// not exist.
func loadFields(q querier, id string) (map[intake.Field]fieldState, error) {
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
		var st fieldState
		if err := rows.Scan(&f, &st.value, &st.version); err != nil {
			return nil, err
		}
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

// reindexFields are the fields that change a person's index keys.
var reindexFields = map[intake.Field]bool{
	intake.FieldSurname: true, intake.FieldGivenNames: true,
	intake.FieldSurnameOriginal: true, intake.FieldGivenNamesOriginal: true,
	intake.FieldDeleted: true, intake.FieldMergedInto: true,
}

// refreshPerson rewrites the person's summary row and, when a name or the
// file's state changed, its search and duplicate keys.
func (t *txn) refreshPerson(id string, changes []intake.Change) error {
	fs, err := loadFields(t, id)
	if err != nil {
		return err
	}
	p := intake.PersonFromValues(id, valuesOf(fs))
	if _, err := t.exec(upsertPerson, personRow(p)...); err != nil {
		return fmt.Errorf("person row: %w", err)
	}
	if err := t.step("person"); err != nil {
		return err
	}
	for _, c := range changes {
		if reindexFields[c.Field] {
			return t.reindex(p)
		}
	}
	return nil
}

const upsertPerson = `INSERT INTO persons (id, surname, given_names, surname_original,
	given_names_original, birth_date, birth_date_approx, nationality, permit, status,
	arrival_date, n_number, n_norm, zemis_number, zemis_norm, household_id, relation,
	merged_into, import_batch, deleted, live, sort_key)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET surname = excluded.surname, given_names = excluded.given_names,
	surname_original = excluded.surname_original, given_names_original = excluded.given_names_original,
	birth_date = excluded.birth_date, birth_date_approx = excluded.birth_date_approx,
	nationality = excluded.nationality, permit = excluded.permit, status = excluded.status,
	arrival_date = excluded.arrival_date, n_number = excluded.n_number, n_norm = excluded.n_norm,
	zemis_number = excluded.zemis_number, zemis_norm = excluded.zemis_norm,
	household_id = excluded.household_id, relation = excluded.relation,
	merged_into = excluded.merged_into, import_batch = excluded.import_batch,
	deleted = excluded.deleted, live = excluded.live, sort_key = excluded.sort_key`

// personRow is the persons row of p, in upsertPerson's column order.
func personRow(p intake.Person) []any {
	return []any{
		p.ID, p.Surname, p.GivenNames, p.SurnameOriginal, p.GivenNamesOriginal,
		p.BirthDate.String(), p.BirthDateApprox, p.Nationality, string(p.Permit), string(p.Status),
		p.ArrivalDate.String(), p.NNumber, intake.NormaliseIdentifier(p.NNumber),
		p.ZEMISNumber, intake.NormaliseIdentifier(p.ZEMISNumber), p.HouseholdID, string(p.Relation),
		p.MergedInto, p.ImportBatch, p.Deleted, live(p), sortKey(p),
	}
}

func live(p intake.Person) bool { return !p.Deleted && p.MergedInto == "" }

// reindex replaces the person's keys. Keys are deleted by person rather
// than recomputed from the old names, so that a change in the key
// algorithm never leaves stale keys behind.
func (t *txn) reindex(p intake.Person) error {
	if _, err := t.exec(`DELETE FROM search_keys WHERE person_id = ?`, p.ID); err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM skeleton_keys WHERE person_id = ?`, p.ID); err != nil {
		return err
	}
	search, skeleton := personKeys(p)
	sk := sortKey(p)
	for _, k := range search {
		if _, err := t.exec(`INSERT INTO search_keys (key, sort_key, person_id) VALUES (?, ?, ?)`, k, sk, p.ID); err != nil {
			return fmt.Errorf("search keys: %w", err)
		}
	}
	if err := t.step("search_keys"); err != nil {
		return err
	}
	for _, k := range skeleton {
		if _, err := t.exec(`INSERT INTO skeleton_keys (key, person_id) VALUES (?, ?)`, k, p.ID); err != nil {
			return fmt.Errorf("skeleton keys: %w", err)
		}
	}
	return nil
}

func (t *txn) refreshHousehold(id string) error {
	fs, err := loadFields(t, id)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO households (id, name) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name`, id, fs[intake.FieldHouseholdName].value)
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
