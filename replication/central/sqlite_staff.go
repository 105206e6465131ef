package central

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/cases"

	"accueil/intake"
)

// StaffNameKey folds a login name as desks do, so that "Anna", "ANNA"
// and "anna" are one account everywhere.
func StaffNameKey(name string) string { return cases.Fold().String(strings.TrimSpace(name)) }

// PutStaff implements Storage.
func (s *SQLiteStorage) PutStaff(ctx context.Context, r intake.StaffRecord) (int64, error) {
	var version int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var owner string
		err := tx.QueryRowContext(ctx, `SELECT id FROM staff WHERE name_key = ?`, StaffNameKey(r.Name)).Scan(&owner)
		switch {
		case err == nil && owner != r.ID:
			return ErrStaffExists
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM staff`).Scan(&version); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO staff (id, name, name_key, role, disabled, password, key_wrap, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, role = excluded.role,
				disabled = excluded.disabled, password = excluded.password, key_wrap = excluded.key_wrap,
				version = excluded.version`,
			r.ID, strings.TrimSpace(r.Name), StaffNameKey(r.Name), string(r.Role), r.Disabled, r.PasswordHash, r.KeyWrap, version)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("central: put staff: %w", err)
	}
	return version, nil
}

const staffColumns = `id, name, role, disabled, password, key_wrap, version`

func scanStaff(row scanner) (intake.StaffRecord, error) {
	var r intake.StaffRecord
	var role string
	if err := row.Scan(&r.ID, &r.Name, &role, &r.Disabled, &r.PasswordHash, &r.KeyWrap, &r.Version); err != nil {
		return intake.StaffRecord{}, err
	}
	r.Role = intake.Role(role)
	return r, nil
}

// StaffByName implements Storage.
func (s *SQLiteStorage) StaffByName(ctx context.Context, name string) (intake.StaffRecord, error) {
	r, err := scanStaff(s.r.QueryRowContext(ctx, `SELECT `+staffColumns+` FROM staff WHERE name_key = ?`, StaffNameKey(name)))
	if errors.Is(err, sql.ErrNoRows) {
		return intake.StaffRecord{}, ErrUnknownStaff
	}
	if err != nil {
		return intake.StaffRecord{}, fmt.Errorf("central: staff: %w", err)
	}
	return r, nil
}

// StaffAfter implements Storage.
func (s *SQLiteStorage) StaffAfter(ctx context.Context, after int64, limit int) ([]intake.StaffRecord, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+staffColumns+` FROM staff WHERE version > ? ORDER BY version LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("central: staff: %w", err)
	}
	defer rows.Close()
	var out []intake.StaffRecord
	for rows.Next() {
		r, err := scanStaff(rows)
		if err != nil {
			return nil, fmt.Errorf("central: staff: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("central: staff: %w", err)
	}
	return out, nil
}
