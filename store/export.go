package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"accueil/intake"
)

// ActionExport records an export of person files (one row per export).
const ActionExport Action = "export"

// Export returns every live person file, redacted to the fields the role
// may read, ordered by name. The export is audited.
func (s *Store) Export(ctx context.Context, by intake.Staff) ([]intake.Person, error) {
	if !by.Role.Valid() {
		return nil, fmt.Errorf("store: export: %w", ErrForbidden)
	}
	var out []intake.Person
	err := s.write(ctx, func(t *txn) error {
		var err error
		if out, err = exportPersons(t, by.Role); err != nil {
			return err
		}
		return t.audit(by, ActionExport, intake.EntityPerson, "", "")
	})
	if err != nil {
		return nil, fmt.Errorf("store: export: %w", err)
	}
	return out, nil
}

func exportPersons(t *txn, role intake.Role) ([]intake.Person, error) {
	ids, err := idList(t, `SELECT id FROM persons WHERE live = 1`)
	if err != nil {
		return nil, err
	}
	out := make([]intake.Person, 0, len(ids))
	sorts := make(map[string]string, len(ids))
	for _, id := range ids {
		fs, err := loadFields(t, id)
		if err != nil {
			return nil, err
		}
		values := valuesOf(fs)
		p := intake.PersonFromValues(id, values)
		sorts[id] = sortKey(p)
		role.Redact(values)
		out = append(out, intake.PersonFromValues(id, values))
	}
	slices.SortFunc(out, func(a, b intake.Person) int {
		return cmp.Or(strings.Compare(sorts[a.ID], sorts[b.ID]), strings.Compare(a.ID, b.ID))
	})
	return out, nil
}
