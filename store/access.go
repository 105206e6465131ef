package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"accueil/intake"
)

// SubjectAccess is everything the desk holds on one person, for a
// subject-access request: every field of the file and of the files merged
// into it (health notes included: the data are the person's own), the
// full history of changes, the household's name, and the audit of who
// read or changed the file. Staff accounts appear by ID.
type SubjectAccess struct {
	Exported time.Time         `json:"exported"`
	By       string            `json:"exported_by"` // staff ID
	Person   map[string]string `json:"person"`
	// Merged are the files merged into this one, each with its fields.
	Merged    map[string]map[string]string `json:"merged_files,omitempty"`
	Household string                       `json:"household,omitempty"`
	History   []intake.Event               `json:"history"`
	Access    []AuditEntry                 `json:"access_log"`
}

// SubjectAccess collects a person's data. Admins only; audited. An
// anonymised file's history keeps hidden what anonymisation removed.
func (s *Store) SubjectAccess(ctx context.Context, by intake.Staff, id string) (SubjectAccess, error) {
	if by.Role != intake.RoleAdmin {
		return SubjectAccess{}, fmt.Errorf("store: subject access: %w", ErrForbidden)
	}
	out := SubjectAccess{Exported: s.now().UTC(), By: by.ID, Merged: map[string]map[string]string{}}
	err := s.write(ctx, func(t *txn) error {
		ids, err := mergedFamily(t, id)
		if err != nil {
			return err
		}
		for _, e := range ids {
			if err := out.add(t, id, e); err != nil {
				return err
			}
		}
		if out.Person == nil {
			return ErrNotFound
		}
		slices.SortStableFunc(out.History, func(a, b intake.Event) int { return a.Time.Compare(b.Time) })
		if out.History, err = hideAnonymised(t, out.History); err != nil {
			return err
		}
		if hh := out.Person[string(intake.FieldHouseholdID)]; hh != "" {
			if err := t.queryRow(`SELECT name FROM households WHERE id = ?`, hh).Scan(&out.Household); err != nil && !isNoRows(err) {
				return err
			}
		}
		where, args, err := auditWhere(t, AuditQuery{PersonID: id})
		if err != nil {
			return err
		}
		if out.Access, err = queryAudit(t, where, args, 0); err != nil {
			return err
		}
		return t.audit(by, ActionAccess, intake.EntityPerson, id, "")
	})
	if err != nil {
		return SubjectAccess{}, fmt.Errorf("store: subject access: %w", err)
	}
	return out, nil
}

// add puts one file of the family (the person's own, or one merged into
// it) and its events into the report.
func (a *SubjectAccess) add(t *txn, id, file string) error {
	fs, err := loadFields(t, file)
	if err != nil {
		return err
	}
	if len(fs) > 0 {
		values := map[string]string{}
		for f, st := range fs {
			if st.value != "" {
				values[string(f)] = st.value
			}
		}
		if file == id {
			a.Person = values
		} else {
			a.Merged[file] = values
		}
	}
	evs, err := entityEvents(t, file)
	if err != nil {
		return err
	}
	a.History = append(a.History, evs...)
	return nil
}
