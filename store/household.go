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
	var members []Summary
	err := s.write(ctx, func(t *txn) error {
		err := t.queryRow(`SELECT name FROM households WHERE id = ?`, id).Scan(&h.Name)
		if isNoRows(err) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		members, err = summaries(t, `SELECT `+summaryCols+` FROM persons p
			WHERE p.household_id = ? AND +p.live = 1 ORDER BY p.sort_key, p.id`, id)
		if err != nil {
			return err
		}
		return t.audit(by, ActionHouseRead, intake.EntityHousehold, id, "")
	})
	if err != nil {
		return intake.Household{}, nil, fmt.Errorf("store: household: %w", err)
	}
	return h, members, nil
}
