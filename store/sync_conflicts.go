package store

import (
	"context"
	"fmt"
	"slices"

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
	return out, nil
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
