package store

import (
	"context"
	"fmt"
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

// anonymise writes the event that blanks the identity of one file, marks
// it anonymised and audits it.
func (t *txn) anonymise(by intake.Staff, id string) error {
	cur, err := loadFields(t, id)
	if err != nil {
		return err
	}
	var changes []intake.Change
	for _, f := range AnonymisedFields {
		st, ok := cur[f]
		if !ok || st.value == "" {
			continue
		}
		v := ""
		if f == intake.FieldBirthDate && len(st.value) >= 4 {
			v = st.value[:4] + "-01-01"
			changes = append(changes, intake.Change{Field: intake.FieldBirthDateApprox, Value: "true", Base: cur[intake.FieldBirthDateApprox].version})
		}
		changes = append(changes, intake.Change{Field: f, Value: v, Base: st.version})
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
	if _, err := t.exec(`INSERT INTO anonymised (person_id, time, staff) VALUES (?, ?, ?)`,
		id, t.s.now().UTC().Format(time.RFC3339), by.ID); err != nil {
		return err
	}
	if err := t.shredIdentity(id); err != nil {
		return err
	}
	return t.audit(by, ActionAnonymise, intake.EntityPerson, id, "")
}

// shredIdentity is where an anonymised file's past becomes unreadable:
// with encryption at rest, the file's own key is destroyed here
// (crypto-shredding), so that the old values in its events, on this disk
// and in backups, can no longer be read. Without it the old values stay
// in the append-only log, and hideAnonymised keeps them out of every
// history.
func (t *txn) shredIdentity(personID string) error {
	_ = personID
	return nil
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
