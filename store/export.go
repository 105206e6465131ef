package store

import (
	"context"
	"fmt"

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
	rows, err := t.query(`SELECT p.id, f.field, f.value FROM persons p
		JOIN entities n ON n.id = p.id JOIN field_values f ON f.entity = n.n
		WHERE p.live = 1 ORDER BY p.sort_key, p.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		out    []intake.Person
		cur    string
		values map[intake.Field]string
	)
	flush := func() {
		if cur != "" {
			role.Redact(values)
			out = append(out, intake.PersonFromValues(cur, values))
		}
	}
	for rows.Next() {
		var id, field, value string
		if err := rows.Scan(&id, &field, &value); err != nil {
			return nil, err
		}
		if id != cur {
			flush()
			cur, values = id, map[intake.Field]string{}
		}
		values[intake.Field(field)] = value
	}
	flush()
	return out, rows.Err()
}
