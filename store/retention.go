package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"accueil/intake"
)

// Retention: the files of people who left the canton's responsibility
// (status left) are anonymised a set number of years after they left.
// DOMAIN.md sets no period; two years is the default, an admin may choose
// between one and thirty.
const (
	DefaultRetentionYears = 2
	MinRetentionYears     = 1
	MaxRetentionYears     = 30
)

const retentionKey = "retention_years"

// AnonymisedFields are blanked by anonymisation. The date of birth keeps
// its year (as 1 January, approximate); nationality, sex, permit, status,
// languages and the procedure's dates stay for statistics.
var AnonymisedFields = []intake.Field{
	intake.FieldSurname, intake.FieldGivenNames, intake.FieldSurnameOriginal, intake.FieldGivenNamesOriginal,
	intake.FieldBirthDate, intake.FieldNNumber, intake.FieldZEMISNumber, intake.FieldAccommodationPlace,
	intake.FieldVulnerabilities, intake.FieldDietaryNeeds, intake.FieldHealthNotes,
}

// RetentionYears returns how many years after leaving a file is
// anonymised.
func (s *Store) RetentionYears(ctx context.Context) (int, error) {
	v, err := s.metaValue(ctx, retentionKey)
	if isNoRows(err) {
		return DefaultRetentionYears, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: retention years: %w", err)
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < MinRetentionYears || n > MaxRetentionYears {
		return DefaultRetentionYears, nil
	}
	return n, nil
}

// SetRetentionYears sets the retention period. Admins only; audited.
func (s *Store) SetRetentionYears(ctx context.Context, by intake.Staff, years int) error {
	if by.Role != intake.RoleAdmin {
		return fmt.Errorf("store: set retention: %w", ErrForbidden)
	}
	if years < MinRetentionYears || years > MaxRetentionYears {
		return fmt.Errorf("store: set retention: %w", ErrInvalid)
	}
	err := s.write(ctx, func(t *txn) error {
		if _, err := t.exec(`INSERT INTO meta (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, retentionKey, strconv.Itoa(years)); err != nil {
			return err
		}
		return t.audit(by, ActionSettings, "settings", retentionKey, "")
	})
	if err != nil {
		return fmt.Errorf("store: set retention: %w", err)
	}
	return nil
}

// RetentionPlan is what anonymisation would do now.
type RetentionPlan struct {
	// Before: files whose holder left before this time are due.
	Before time.Time
	// Persons are the IDs of the files due.
	Persons []string
	// Fields are blanked in each of them.
	Fields []intake.Field
}

// RetentionPreview lists the files due for anonymisation. Admins only.
func (s *Store) RetentionPreview(ctx context.Context, by intake.Staff) (RetentionPlan, error) {
	if by.Role != intake.RoleAdmin {
		return RetentionPlan{}, fmt.Errorf("store: retention preview: %w", ErrForbidden)
	}
	years, err := s.RetentionYears(ctx)
	if err != nil {
		return RetentionPlan{}, err
	}
	plan := RetentionPlan{Before: s.now().AddDate(-years, 0, 0), Fields: slices.Clone(AnonymisedFields)}
	err = s.read(ctx, func(t *txn) error {
		plan.Persons, err = dueForRetention(t, plan.Before)
		return err
	})
	if err != nil {
		return RetentionPlan{}, fmt.Errorf("store: retention preview: %w", err)
	}
	return plan, nil
}

// dueForRetention returns the files not anonymised yet whose status is
// left, set by an event older than before. The departure is the clock
// reading of that event: the file holds no departure date of its own.
func dueForRetention(t *txn, before time.Time) ([]string, error) {
	rows, err := t.query(`SELECT p.id, e.hlc FROM persons p
		JOIN entities n ON n.id = p.id
		JOIN field_values f ON f.entity = n.n AND f.field = 'status'
		JOIN events e ON e.seq = f.version
		WHERE p.status = 'left' AND p.deleted = 0 AND p.merged_into = ''
		AND p.id NOT IN (SELECT person_id FROM anonymised)
		ORDER BY e.seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, hlc string
		if err := rows.Scan(&id, &hlc); err != nil {
			return nil, err
		}
		ts, err := intake.ParseTimestamp(hlc)
		if err != nil {
			return nil, err
		}
		if time.UnixMilli(ts.Wall).Before(before) {
			out = append(out, id)
		}
	}
	return out, rows.Err()
}

// Anonymise anonymises the files of plan that are still due, each in its
// own transaction with its event and audit row, and returns how many it
// anonymised. Admins only.
func (s *Store) Anonymise(ctx context.Context, by intake.Staff, plan RetentionPlan) (int, error) {
	if by.Role != intake.RoleAdmin {
		return 0, fmt.Errorf("store: anonymise: %w", ErrForbidden)
	}
	done := 0
	for _, id := range plan.Persons {
		err := s.write(ctx, func(t *txn) error {
			due, err := dueForRetention(t, plan.Before)
			if err != nil || !slices.Contains(due, id) {
				return err // no longer due: its status changed since the preview
			}
			done++
			return t.anonymise(by, id)
		})
		if err != nil {
			return done, fmt.Errorf("store: anonymise: %w", err)
		}
	}
	return done, nil
}

// anonymise destroys the file's key, then writes, under a fresh key, the
// event that states what the anonymised file keeps: identity fields blank
// (the year of birth kept as 1 January, approximate), every other field
// as it was, each naming the version it replaces so that other desks
// apply it over their copy without a conflict. The old values stay only
// in events sealed under the destroyed key: unreadable on this disk and
// in its backups (crypto-shredding). It marks the file anonymised and
// audits it.
func (t *txn) anonymise(by intake.Staff, id string) error {
	cur, err := loadFields(t, id)
	if err != nil {
		return err
	}
	changes := t.anonymisedChanges(cur)
	if _, err := t.exec(`INSERT INTO anonymised (person_id, time, staff) VALUES (?, ?, ?)`,
		id, t.s.now().UTC().Format(time.RFC3339), by.ID); err != nil {
		return err
	}
	if err := t.rekey(id); err != nil {
		return err
	}
	if len(changes) > 0 {
		ev, err := t.newEvent(intake.EntityPerson, id, by, changes)
		if err != nil {
			return err
		}
		if err := t.record(ev); err != nil {
			return err
		}
	}
	return t.audit(by, ActionAnonymise, intake.EntityPerson, id, "")
}

// rekey shreds the file's key and gives it a fresh one, under which the
// anonymised file lives on. (A shredded entity otherwise never gets a key
// again, so that late edits from elsewhere cannot bring it back.)
func (t *txn) rekey(id string) error {
	if err := t.s.shred(t, id); err != nil {
		return err
	}
	var n int64
	if err := t.queryRow(`SELECT n FROM entities WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	_, _, err := t.entityKey(id, n, true)
	return err
}

// wasRekeyed reports whether an entity was anonymised, and so got a new
// key: its events from before do not open with it, by design.
func wasRekeyed(q querier, id string) bool {
	var one int
	return q.queryRow(`SELECT 1 FROM anonymised WHERE person_id = ?`, id).Scan(&one) == nil
}

// FieldAnonymised marks the event that anonymised a file, with the day it
// did: a desk that receives it destroys its own key of the file too, so
// that anonymisation reaches every desk's disk, not only the one where an
// administrator ran it.
const FieldAnonymised intake.Field = "anonymised"

// anonymisedChanges restates a file's fields as anonymisation leaves them.
func (t *txn) anonymisedChanges(cur map[intake.Field]fieldState) []intake.Change {
	var changes []intake.Change
	for _, f := range slices.Sorted(maps.Keys(cur)) {
		st := cur[f]
		v := st.value
		switch {
		case f == intake.FieldBirthDateApprox:
			if cur[intake.FieldBirthDate].value != "" {
				v = "true"
			}
		case f == intake.FieldBirthDate && len(v) >= 4:
			v = v[:4] + "-01-01"
		case slices.Contains(AnonymisedFields, f):
			v = ""
		}
		if v != "" || st.value != "" {
			changes = append(changes, intake.Change{Field: f, Value: v, Base: st.version})
		}
	}
	if _, ok := cur[intake.FieldBirthDateApprox]; !ok && len(cur[intake.FieldBirthDate].value) >= 4 {
		changes = append(changes, intake.Change{Field: intake.FieldBirthDateApprox, Value: "true"})
	}
	return append(changes, intake.Change{Field: FieldAnonymised, Value: intake.DateOf(t.s.now()).String()})
}

// anonymiseRemote destroys this desk's key of a file that another desk
// anonymised, before the anonymisation event is applied under a fresh key:
// the old identity then stays in no readable event here either.
func (t *txn) anonymiseRemote(ev intake.Event) error {
	if ev.EntityType != intake.EntityPerson || wasRekeyed(t, ev.EntityID) ||
		!slices.ContainsFunc(ev.Changes, func(c intake.Change) bool { return c.Field == FieldAnonymised }) {
		return nil
	}
	if _, err := t.exec(`INSERT INTO anonymised (person_id, time, staff) VALUES (?, ?, ?)`,
		ev.EntityID, t.s.now().UTC().Format(time.RFC3339), ev.Staff); err != nil {
		return err
	}
	var known int
	if err := t.queryRow(`SELECT count(*) FROM entities WHERE id = ?`, ev.EntityID).Scan(&known); err != nil || known == 0 {
		return err // a file this desk never had: nothing to destroy
	}
	return t.rekey(ev.EntityID)
}

// hideAnonymised removes, from the events of anonymised files, every
// change to an anonymised field: a history shows no old identity, to
// anyone.
func hideAnonymised(q querier, evs []intake.Event) ([]intake.Event, error) {
	gone := map[string]bool{}
	for _, ev := range evs {
		if _, seen := gone[ev.EntityID]; seen || ev.EntityType != intake.EntityPerson {
			continue
		}
		var n int
		if err := q.queryRow(`SELECT count(*) FROM anonymised WHERE person_id = ?`, ev.EntityID).Scan(&n); err != nil {
			return nil, err
		}
		gone[ev.EntityID] = n > 0
	}
	out := evs[:0]
	for _, ev := range evs {
		if gone[ev.EntityID] {
			ev.Changes = slices.DeleteFunc(slices.Clone(ev.Changes), func(c intake.Change) bool {
				return slices.Contains(AnonymisedFields, c.Field) || c.Field == intake.FieldBirthDateApprox
			})
			if len(ev.Changes) == 0 {
				continue
			}
		}
		out = append(out, ev)
	}
	return out, nil
}
