package central

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"accueil/intake"
)

// PutStaff implements Storage. The staff lock serialises writers, as the
// events' lock does, so that versions commit in order and StaffAfter
// never passes over one committed later.
func (s *PostgresStorage) PutStaff(ctx context.Context, r intake.StaffRecord) (int64, error) {
	var version int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, pgLockStaff); err != nil {
			return err
		}
		var owner string
		err := tx.QueryRow(ctx, `SELECT id FROM staff WHERE name_key = $1`, StaffNameKey(r.Name)).Scan(&owner)
		switch {
		case err == nil && owner != r.ID:
			return ErrStaffExists
		case err != nil && !errors.Is(err, pgx.ErrNoRows):
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM staff`).Scan(&version); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO staff (id, name, name_key, role, disabled, password, key_wrap, version)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, role = excluded.role,
				disabled = excluded.disabled, password = excluded.password, key_wrap = excluded.key_wrap,
				version = excluded.version`,
			r.ID, strings.TrimSpace(r.Name), StaffNameKey(r.Name), string(r.Role), r.Disabled, r.PasswordHash, r.KeyWrap, version)
		if isUniqueViolation(err) {
			return ErrStaffExists
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("central: put staff: %w", err)
	}
	return version, nil
}

// StaffByName implements Storage.
func (s *PostgresStorage) StaffByName(ctx context.Context, name string) (intake.StaffRecord, error) {
	r, err := scanStaff(s.pool.QueryRow(ctx, `SELECT `+staffColumns+` FROM staff WHERE name_key = $1`, StaffNameKey(name)))
	if errors.Is(err, pgx.ErrNoRows) {
		return intake.StaffRecord{}, ErrUnknownStaff
	}
	if err != nil {
		return intake.StaffRecord{}, fmt.Errorf("central: staff: %w", err)
	}
	return r, nil
}

// StaffAfter implements Storage.
func (s *PostgresStorage) StaffAfter(ctx context.Context, after int64, limit int) ([]intake.StaffRecord, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+staffColumns+` FROM staff WHERE version > $1 ORDER BY version LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("central: staff: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (intake.StaffRecord, error) { return scanStaff(row) })
	if err != nil {
		return nil, fmt.Errorf("central: staff: %w", err)
	}
	return out, nil
}

// Publish implements Storage.
func (s *PostgresStorage) Publish(ctx context.Context, kind string, body []byte, now time.Time) (int64, error) {
	var v int64
	err := s.pool.QueryRow(ctx, `INSERT INTO published (kind, body, created) VALUES ($1, $2, $3) RETURNING version`,
		kind, body, now.UnixMilli()).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("central: publish %s: %w", kind, err)
	}
	return v, nil
}

// Published implements Storage.
func (s *PostgresStorage) Published(ctx context.Context, kind string) (int64, []byte, error) {
	var v int64
	var body []byte
	err := s.pool.QueryRow(ctx, `SELECT version, body FROM published WHERE kind = $1 ORDER BY version DESC LIMIT 1`, kind).Scan(&v, &body)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil, ErrNothingPublished
	}
	if err != nil {
		return 0, nil, fmt.Errorf("central: published %s: %w", kind, err)
	}
	return v, body, nil
}
