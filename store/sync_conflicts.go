package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"accueil/intake"
)

// FieldConflict is one field of one record changed at two desks or more,
// each from the same version, without seeing the other's change. The log
// keeps every value; the query tables show the provisional winner (the
// later hybrid clock time) on every desk alike until a person decides.
type FieldConflict struct {
	EntityType intake.EntityType
	EntityID   string
	Field      intake.Field
	// Person is the file's current surname and given names, for lists.
	Person string
	// Base is the version all the changes started from ("" for a field
	// that was never set).
	Base     string
	Versions []ConflictVersion // oldest first
}

// ConflictVersion is one of the competing values.
type ConflictVersion struct {
	Event string
	Value string
	Time  intake.Timestamp
	Desk  string
	Staff string
	// StaffName is the staff member's login name when this desk knows the
	// account, else "".
	StaffName string
}

// Conflicts lists the open conflicts in fields the staff member may read,
// among the fields that are never merged automatically.
// A conflict is open while no later change names one of its versions as
// its base: a decision by staff is a change made from the value shown,
// and closes it. It is derived from the log alone, so it holds for events
// however they arrived.
func (s *Store) Conflicts(ctx context.Context, by intake.Staff) ([]FieldConflict, error) {
	type key struct {
		entity string
		field  intake.Field
	}
	type sibling struct {
		base string
		ver  ConflictVersion
		et   intake.EntityType
	}
	byField := map[key][]sibling{}
	rows, err := s.reader(ctx).query(`SELECT ` + eventCols + ` FROM events ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("store: conflicts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		ev, err := s.scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("store: conflicts: %w", err)
		}
		for _, c := range ev.Changes {
			if !by.Role.CanReadField(c.Field) || autoMerged(ev.EntityType, c.Field) {
				continue
			}
			k := key{ev.EntityID, c.Field}
			byField[k] = append(byField[k], sibling{base: c.Base, et: ev.EntityType,
				ver: ConflictVersion{Event: ev.ID, Value: c.Value, Time: ev.Time, Desk: ev.Desk, Staff: ev.Staff}})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: conflicts: %w", err)
	}
	var out []FieldConflict
	for k, sibs := range byField {
		bases := map[string]bool{}
		groups := map[string][]ConflictVersion{}
		for _, sb := range sibs {
			bases[sb.base] = true
			groups[sb.base] = append(groups[sb.base], sb.ver)
		}
		for base, vers := range groups {
			if len(vers) < 2 || sameValues(vers) || slices.ContainsFunc(vers, func(v ConflictVersion) bool { return bases[v.Event] }) {
				continue
			}
			slices.SortFunc(vers, func(a, b ConflictVersion) int { return a.Time.Compare(b.Time) })
			out = append(out, FieldConflict{EntityType: sibs[0].et, EntityID: k.entity, Field: k.field, Base: base, Versions: vers})
		}
	}
	slices.SortFunc(out, func(a, b FieldConflict) int {
		return a.Versions[0].Time.Compare(b.Versions[0].Time)
	})
	if err := nameStaff(s.reader(ctx), out); err != nil {
		return nil, fmt.Errorf("store: conflicts: %w", err)
	}
	if err := namePersons(s.reader(ctx), by.Role, out); err != nil {
		return nil, fmt.Errorf("store: conflicts: %w", err)
	}
	return out, nil
}

// namePersons fills in each conflict's person name as the file shows it
// now. Listing conflicts is not opening a file: no read is audited.
func namePersons(q querier, role intake.Role, cs []FieldConflict) error {
	for i := range cs {
		if cs[i].EntityType != intake.EntityPerson {
			continue
		}
		p, _, err := loadPerson(q, role, cs[i].EntityID)
		if err != nil {
			return err
		}
		cs[i].Person = strings.TrimSpace(p.Surname + " " + p.GivenNames)
	}
	return nil
}

// nameStaff fills in the names of the staff members this desk knows.
func nameStaff(q querier, cs []FieldConflict) error {
	if len(cs) == 0 {
		return nil
	}
	rows, err := q.query(`SELECT id, name FROM staff`)
	if err != nil {
		return err
	}
	defer rows.Close()
	names := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		names[id] = name
	}
	for i := range cs {
		for j := range cs[i].Versions {
			cs[i].Versions[j].StaffName = names[cs[i].Versions[j].Staff]
		}
	}
	return rows.Err()
}

// autoMerged tells the person fields declared safe to merge: there the
// later edit simply wins (sync rule 6). Identity and health fields, and
// fields of other records, go to a person.
func autoMerged(et intake.EntityType, f intake.Field) bool {
	if et != intake.EntityPerson {
		return false
	}
	info, known := intake.PersonFieldInfo(f)
	return known && !info.NeverAutoMerge
}

// sameValues: desks that typed the same thing agree; nothing to decide.
func sameValues(vers []ConflictVersion) bool {
	for _, v := range vers[1:] {
		if v.Value != vers[0].Value {
			return false
		}
	}
	return true
}

// ActionResolve is audited when staff settle a conflict between desks.
const ActionResolve Action = "resolve_conflict"

// ResolveConflict settles a conflict with value: one of the competing
// versions' values, or a new value staff typed. The decision is an
// ordinary local event, written, applied and queued for the central like
// any edit, with one change per competing version, each naming that
// version as its base: every desk that receives it sees that the decision
// saw them all, takes it as the field's value (it is the latest) and
// closes the conflict. No value is lost: the versions stay in the log and
// in History. Only roles that may edit persons and read the field may
// decide; health notes are for the health role alone.
func (s *Store) ResolveConflict(ctx context.Context, by intake.Staff, c FieldConflict, value string) error {
	if err := s.resolveConflict(ctx, by, c, value); err != nil {
		return fmt.Errorf("store: resolve conflict: %w", err)
	}
	return nil
}

func (s *Store) resolveConflict(ctx context.Context, by intake.Staff, c FieldConflict, value string) error {
	if !by.Role.CanEditPersons() || !by.Role.CanReadField(c.Field) {
		return ErrForbidden
	}
	if c.EntityType != intake.EntityPerson || len(c.Versions) < 2 {
		return ErrInvalid
	}
	return s.write(ctx, func(t *txn) error {
		cur, err := loadFields(t, c.EntityID)
		if err != nil {
			return err
		}
		if len(cur) == 0 {
			return ErrNotFound
		}
		if err := t.checkVersions(c); err != nil {
			return err
		}
		if err := s.checkChoice(cur, c, value); err != nil {
			return err
		}
		changes := make([]intake.Change, len(c.Versions))
		for i, v := range c.Versions {
			changes[i] = intake.Change{Field: c.Field, Value: value, Base: v.Event}
		}
		ev, err := t.newEvent(intake.EntityPerson, c.EntityID, by, changes)
		if err != nil {
			return err
		}
		if err := t.record(ev); err != nil {
			return err
		}
		return t.audit(by, ActionResolve, intake.EntityPerson, c.EntityID, ev.ID)
	})
}

// checkVersions makes sure each competing version is in this desk's log
// and set the field to the value shown: a decision names only what staff
// saw.
func (t *txn) checkVersions(c FieldConflict) error {
	for _, v := range c.Versions {
		shown, known, err := t.valueAt(c.EntityID, c.Field, v.Event)
		if err != nil {
			return err
		}
		if !known || shown != v.Value {
			return ErrInvalid
		}
	}
	return nil
}

// checkChoice validates a value staff typed as the person's form would;
// a competing value was valid where it was typed and is taken as it is.
func (s *Store) checkChoice(cur map[intake.Field]fieldState, c FieldConflict, value string) error {
	if slices.ContainsFunc(c.Versions, func(v ConflictVersion) bool { return v.Value == value }) {
		return nil
	}
	values := valuesOf(cur)
	values[c.Field] = value
	p := intake.PersonFromValues(c.EntityID, values)
	var problems []intake.Problem
	for _, pr := range p.Validate(s.today()) {
		if pr.Field == c.Field {
			problems = append(problems, pr)
		}
	}
	if len(problems) > 0 {
		return &ValidationError{Row: -1, Problems: problems}
	}
	return nil
}
