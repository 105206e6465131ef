package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"accueil/intake"
)

// maxReported bounds the differences Check lists in its error.
const maxReported = 10

// Check verifies the database: SQLite's integrity check, the foreign keys,
// and that the query tables, the search index and the duplicate keys are
// exactly what replaying the events table gives. Errors name entity IDs and
// fields, never values.
func (s *Store) Check(ctx context.Context) error {
	err := s.read(ctx, func(t *txn) error {
		if err := checkIntegrity(t); err != nil {
			return err
		}
		want, err := replayLog(t)
		if err != nil {
			return err
		}
		var diffs []string
		for _, check := range []func(*txn, *projection) ([]string, error){
			diffFieldValues, diffPersons, diffKeys, diffOthers,
		} {
			d, err := check(t, want)
			if err != nil {
				return err
			}
			diffs = append(diffs, d...)
		}
		if len(diffs) > 0 {
			if len(diffs) > maxReported {
				diffs = append(diffs[:maxReported], fmt.Sprintf("and %d more", len(diffs)-maxReported))
			}
			return errors.New("query tables differ from the log: " + strings.Join(diffs, "; "))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: check: %w", err)
	}
	return nil
}

func checkIntegrity(t *txn) error {
	var res string
	if err := t.queryRow(`PRAGMA integrity_check(1)`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	rows, err := t.query(`PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return errors.New("foreign key check failed")
	}
	return rows.Err()
}

// stored is a field value as field_values holds it.
type stored struct {
	value, version, hlc, desk string
}

// projection is what the query tables should hold, from the log alone.
type projection struct {
	types  map[string]intake.EntityType
	fields map[string]map[intake.Field]stored
}

// replayLog folds every event with apply's rule: the newest clock reading
// wins, the desk ID breaking ties.
func replayLog(t *txn) (*projection, error) {
	rows, err := t.query(`SELECT ` + eventCols + ` FROM events ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	p := &projection{types: map[string]intake.EntityType{}, fields: map[string]map[intake.Field]stored{}}
	for rows.Next() {
		ev, err := scanEvent(t, rows)
		if err != nil {
			return nil, err
		}
		p.add(ev)
	}
	return p, rows.Err()
}

func (p *projection) add(ev intake.Event) {
	if _, ok := p.types[ev.EntityID]; !ok {
		p.types[ev.EntityID] = ev.EntityType
		p.fields[ev.EntityID] = map[intake.Field]stored{}
	}
	fs := p.fields[ev.EntityID]
	for _, c := range ev.Changes {
		n := stored{value: c.Value, version: ev.ID, hlc: ev.Time.String(), desk: ev.Desk}
		old, ok := fs[c.Field]
		if !ok || n.hlc > old.hlc || (n.hlc == old.hlc && n.desk > old.desk) {
			fs[c.Field] = n
		}
	}
}

func (p *projection) values(id string) map[intake.Field]string {
	v := map[intake.Field]string{}
	for f, st := range p.fields[id] {
		v[f] = st.value
	}
	return v
}

// ids returns the entities of one type, sorted, for stable reports.
func (p *projection) ids(et intake.EntityType) []string {
	var out []string
	for id, t := range p.types {
		if t == et {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func diffFieldValues(t *txn, want *projection) ([]string, error) {
	ring, err := t.s.keys()
	if err != nil {
		return nil, err
	}
	rows, err := t.query(`SELECT n.id, n.type, f.field, f.value, e.id FROM field_values f
		JOIN entities n ON n.n = f.entity LEFT JOIN events e ON e.seq = f.version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var diffs []string
	seen := 0
	for rows.Next() {
		var id, et, f string
		var sealed []byte
		var version *string
		if err := rows.Scan(&id, &et, &f, &sealed, &version); err != nil {
			return nil, err
		}
		seen++
		value, err := openField(t, ring, id, f, sealed)
		w, ok := want.fields[id][intake.Field(f)]
		if err != nil || !ok || version == nil || w.value != value || w.version != *version || want.types[id] != intake.EntityType(et) {
			diffs = append(diffs, "field "+id+"/"+f)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	total := 0
	for _, fs := range want.fields {
		total += len(fs)
	}
	if seen != total {
		diffs = append(diffs, fmt.Sprintf("field_values has %d rows, the log gives %d", seen, total))
	}
	var entities int
	if err := t.queryRow(`SELECT count(*) FROM entities`).Scan(&entities); err != nil {
		return nil, err
	}
	if entities != len(want.types) {
		diffs = append(diffs, fmt.Sprintf("entities has %d rows, the log names %d", entities, len(want.types)))
	}
	return diffs, nil
}

// openField opens a sealed field value; a value without its entity key
// is an error here, since shredding deletes the values with the key.
func openField(q querier, ring *keyring, id, f string, sealed []byte) (string, error) {
	k, ok, err := ring.keyOf(q, id)
	if err != nil || !ok {
		return "", firstErr(err, ErrNotFound)
	}
	v, err := k.Open(sealed, fieldAAD(id, f))
	return string(v), err
}

// diffPersons compares the persons rows, clear columns and sealed record,
// with the log's fields. The personal columns of migration 0001 must be
// empty. Shredded files are left out: their row keeps statistics only.
func diffPersons(t *txn, want *projection) ([]string, error) {
	ring, err := t.s.keys()
	if err != nil {
		return nil, err
	}
	rows, err := t.query(`SELECT id, nationality, permit, status, arrival_date, household_id, relation,
		merged_into, import_batch, deleted, live, sealed,
		surname || given_names || surname_original || given_names_original || birth_date || birth_date_approx ||
		n_number || n_norm || zemis_number || zemis_norm || sort_key FROM persons`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var diffs []string
	got := map[string]bool{}
	for rows.Next() {
		vals := make([]string, 11)
		dest := make([]any, 0, 13)
		for i := range vals {
			dest = append(dest, &vals[i])
		}
		var sealed []byte
		var blank string
		if err := rows.Scan(append(dest, &sealed, &blank)...); err != nil {
			return nil, err
		}
		id := vals[0]
		got[id] = true
		if _, ok := want.types[id]; !ok {
			diffs = append(diffs, "persons row "+id+" without events")
			continue
		}
		if !personMatches(t, ring, want, vals, sealed, blank) {
			diffs = append(diffs, "persons row "+id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, id := range want.ids(intake.EntityPerson) {
		if !got[id] {
			diffs = append(diffs, "persons row "+id+" missing")
		}
	}
	return diffs, nil
}

func personMatches(t *txn, ring *keyring, want *projection, vals []string, sealed []byte, blank string) bool {
	id := vals[0]
	k, ok, err := ring.keyOf(t, id)
	if err != nil {
		return false
	}
	if !ok {
		return sealed == nil
	}
	p := intake.PersonFromValues(id, want.values(id))
	if blank != "0" || strings.Join(vals, "\x00") != rowString(personRow(p)) {
		return false
	}
	got, err := openRecord(k, id, sealed)
	if err != nil {
		return false
	}
	rec := personRecord(p)
	return bytes.Equal(got.encode(), rec.encode())
}

// tableRows reads a query's rows as text keyed by the first column.
func tableRows(t *txn, q string, cols int) (map[string]string, error) {
	rows, err := t.query(q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		vals := make([]string, cols)
		dest := make([]any, cols)
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		out[vals[0]] = strings.Join(vals, "\x00")
	}
	return out, rows.Err()
}

// rowString renders a row as tableRows reads it back: booleans as the
// integers SQLite stores.
func rowString(row []any) string {
	s := make([]string, len(row))
	for i, v := range row {
		switch v := v.(type) {
		case bool:
			s[i] = "0"
			if v {
				s[i] = "1"
			}
		default:
			s[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(s, "\x00")
}

func diffKeys(t *txn, _ *projection) ([]string, error) {
	var diffs []string
	for _, table := range []string{"search_keys", "skeleton_keys"} {
		var n int
		if err := t.queryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			diffs = append(diffs, fmt.Sprintf("%s has %d rows: keys live in sealed records only", table, n))
		}
	}
	return diffs, nil
}

// diffOthers compares households and decisions.
func diffOthers(t *txn, want *projection) ([]string, error) {
	var diffs []string
	houses, err := households(t)
	if err != nil {
		return nil, err
	}
	for _, id := range want.ids(intake.EntityHousehold) {
		if houses[id] != id+"\x00"+want.values(id)[intake.FieldHouseholdName] {
			diffs = append(diffs, "household "+id)
		}
		delete(houses, id)
	}
	if len(houses) > 0 {
		diffs = append(diffs, fmt.Sprintf("%d households without events", len(houses)))
	}
	pairs, err := tableRows(t, `SELECT a || char(0) || b, decision FROM distinct_pairs`, 2)
	if err != nil {
		return nil, err
	}
	wantPairs := map[string]string{}
	for _, id := range want.ids(intake.EntityDecision) {
		v := want.values(id)
		if v[FieldDecision] != DecisionDistinct {
			continue
		}
		a, b := orderedPair(v[FieldPersonA], v[FieldPersonB])
		if old, ok := wantPairs[a+"\x00"+b]; !ok || id < old {
			wantPairs[a+"\x00"+b] = id
		}
	}
	for k, id := range wantPairs {
		if pairs[k] != k+"\x00"+id {
			diffs = append(diffs, "distinct pair decided by "+id)
		}
		delete(pairs, k)
	}
	if len(pairs) > 0 {
		diffs = append(diffs, fmt.Sprintf("%d distinct pairs without events", len(pairs)))
	}
	return diffs, nil
}

// Rebuild empties the query tables and the index and replays the whole
// log into them, in one transaction: the repair when Check finds them
// wrong, and the step after a change to how names are keyed.
func (s *Store) Rebuild(ctx context.Context) error {
	err := s.write(ctx, func(t *txn) error {
		if err := t.replayAll(`DELETE FROM persons WHERE sealed IS NOT NULL`); err != nil {
			return err
		}
		if err := t.bumpGen(); err != nil {
			return err
		}
		t.idx.rebuild = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: rebuild: %w", err)
	}
	return nil
}

// replayAll empties the derived tables (persons with clearPersons) and
// applies the whole log again. Entities and their keys stay: the keys
// are not in the log, and shredded entities must stay shredded.
func (t *txn) replayAll(clearPersons string) error {
	for _, q := range []string{`DELETE FROM search_keys`, `DELETE FROM skeleton_keys`, clearPersons,
		`DELETE FROM households`, `DELETE FROM distinct_pairs`, `DELETE FROM field_values`} {
		if _, err := t.tx.ExecContext(t.ctx, q); err != nil {
			return err
		}
	}
	rows, err := t.tx.QueryContext(t.ctx, `SELECT seq, `+eventCols+` FROM events ORDER BY seq`)
	if err != nil {
		return err
	}
	var evs []intake.Event
	var seqs []int64
	for rows.Next() {
		var seq int64
		ev, err := scanEvent(t, seqScanner{rows, &seq})
		if err != nil {
			rows.Close()
			return err
		}
		evs, seqs = append(evs, ev), append(seqs, seq)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, ev := range evs {
		if err := t.apply(ev, seqs[i]); err != nil {
			return fmt.Errorf("event %s: %w", ev.ID, err)
		}
	}
	return nil
}

// seqScanner reads a leading seq column before an event's columns.
type seqScanner struct {
	r   rowScanner
	seq *int64
}

func (s seqScanner) Scan(dest ...any) error {
	return s.r.Scan(append([]any{s.seq}, dest...)...)
}
