package store

import (
	"context"
	"fmt"
	"strings"

	"accueil/intake"
)

// maxHouseholdName bounds a household's reference name like a person's.
const maxHouseholdName = intake.MaxNameLen

// SaveHousehold creates a household (h.ID empty) or renames one.
func (s *Store) SaveHousehold(ctx context.Context, by intake.Staff, h intake.Household) (intake.Household, error) {
	if !by.Role.CanEditPersons() {
		return intake.Household{}, fmt.Errorf("store: save household: %w", ErrForbidden)
	}
	h.Name = strings.TrimSpace(h.Name)
	if len([]rune(h.Name)) > maxHouseholdName {
		return intake.Household{}, fmt.Errorf("store: save household: %w", &ValidationError{Row: -1, Problems: []intake.Problem{
			{Field: intake.FieldHouseholdName, ID: intake.MsgTooLong, Args: map[string]any{"Max": maxHouseholdName}},
		}})
	}
	isNew := h.ID == ""
	err := s.write(ctx, func(t *txn) error {
		if isNew {
			id, err := newID()
			if err != nil {
				return err
			}
			h.ID = id
		}
		cur, err := loadFields(t, h.ID)
		if err != nil {
			return err
		}
		if !isNew && len(cur) == 0 {
			return ErrNotFound
		}
		name := cur[intake.FieldHouseholdName]
		if !isNew && name.value == h.Name {
			return nil
		}
		ev, err := t.newEvent(intake.EntityHousehold, h.ID, by, []intake.Change{
			{Field: intake.FieldHouseholdName, Value: h.Name, Base: name.version},
		})
		if err != nil {
			return err
		}
		if err := t.record(ev); err != nil {
			return err
		}
		return t.audit(by, ActionHousehold, intake.EntityHousehold, h.ID, ev.ID)
	})
	if err != nil {
		return intake.Household{}, fmt.Errorf("store: save household: %w", err)
	}
	return h, nil
}

// Household returns a household and its members' files, by name. The read
// is audited.
func (s *Store) Household(ctx context.Context, by intake.Staff, id string) (intake.Household, []Summary, error) {
	if !by.Role.Valid() {
		return intake.Household{}, nil, fmt.Errorf("store: household: %w", ErrForbidden)
	}
	h := intake.Household{ID: id}
	var memberIDs []string
	err := s.write(ctx, func(t *txn) error {
		var err error
		if h.Name, err = householdName(t, id); err != nil {
			return err
		}
		if memberIDs, err = idList(t, `SELECT id FROM persons WHERE household_id = ? AND +live = 1`, id); err != nil {
			return err
		}
		return t.audit(by, ActionHouseRead, intake.EntityHousehold, id, "")
	})
	var members []Summary
	if err == nil {
		members, err = s.summariesOf(ctx, memberIDs)
	}
	if err != nil {
		return intake.Household{}, nil, fmt.Errorf("store: household: %w", err)
	}
	return h, members, nil
}

// householdName reads and opens a household's name.
func householdName(q querier, id string) (string, error) {
	var sealed []byte
	err := q.queryRow(`SELECT name FROM households WHERE id = ?`, id).Scan(&sealed)
	if isNoRows(err) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", err
	}
	return openHouseholdName(q, id, sealed)
}

func openHouseholdName(q querier, id string, sealed []byte) (string, error) {
	ring, err := q.store().keys()
	if err != nil {
		return "", err
	}
	k, ok, err := ring.keyOf(q, id)
	if err != nil || !ok || len(sealed) == 0 {
		return "", err
	}
	name, err := k.Open(sealed, householdAAD(id))
	if err != nil {
		return "", fmt.Errorf("household %s: %w", id, err)
	}
	return string(name), nil
}

// households returns every household as id NUL name, for Check.
func households(t *txn) (map[string]string, error) {
	rows, err := t.query(`SELECT id, name FROM households`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id string
		var sealed []byte
		if err := rows.Scan(&id, &sealed); err != nil {
			return nil, err
		}
		name, err := openHouseholdName(t, id, sealed)
		if err != nil {
			return nil, err
		}
		out[id] = id + "\x00" + name
	}
	return out, rows.Err()
}

// idList runs a query selecting one ID column.
func idList(q querier, query string, args ...any) ([]string, error) {
	rows, err := q.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
