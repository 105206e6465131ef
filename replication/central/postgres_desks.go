package central

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// AddCode implements Storage.
func (s *PostgresStorage) AddCode(ctx context.Context, tokenHash string, expires time.Time) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO codes (token_hash, expires) VALUES ($1, $2)`, tokenHash, expires.UnixMilli())
	if err != nil {
		return fmt.Errorf("central: add code: %w", err)
	}
	return nil
}

// Redeem implements Storage. The code is taken by one conditional UPDATE
// (unused and unexpired), so that of two desks redeeming it at once one
// gets it; only a refused code is read again to say why.
func (s *PostgresStorage) Redeem(ctx context.Context, tokenHash, desk, credentialHash string, now time.Time) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE codes SET used = $1 WHERE token_hash = $2 AND used IS NULL AND expires > $1`,
			now.UnixMilli(), tokenHash)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return pgCodeRefusal(ctx, tx, tokenHash)
		}
		tag, err = tx.Exec(ctx, `INSERT INTO desks (id, credential_hash, enrolled) VALUES ($1, $2, $3)
			ON CONFLICT (id) DO NOTHING`, desk, credentialHash, now.UnixMilli())
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrDeskExists
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("central: redeem: %w", err)
	}
	return nil
}

// pgCodeRefusal says why a code could not be taken.
func pgCodeRefusal(ctx context.Context, tx pgx.Tx, tokenHash string) error {
	var used *int64
	err := tx.QueryRow(ctx, `SELECT used FROM codes WHERE token_hash = $1`, tokenHash).Scan(&used)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return ErrCodeUnknown
	case err != nil:
		return err
	case used != nil:
		return ErrCodeUsed
	}
	return ErrCodeExpired
}

const pgDeskColumns = `id, credential_hash, enrolled, revoked`

func pgScanDesk(row pgx.Row) (Desk, error) {
	var d Desk
	var enrolled int64
	var revoked *int64
	if err := row.Scan(&d.ID, &d.CredentialHash, &enrolled, &revoked); err != nil {
		return Desk{}, err
	}
	d.Enrolled = time.UnixMilli(enrolled).UTC()
	if revoked != nil {
		d.Revoked = time.UnixMilli(*revoked).UTC()
	}
	return d, nil
}

// Desk implements Storage.
func (s *PostgresStorage) Desk(ctx context.Context, id string) (Desk, error) {
	d, err := pgScanDesk(s.pool.QueryRow(ctx, `SELECT `+pgDeskColumns+` FROM desks WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Desk{}, ErrUnknownDesk
	}
	if err != nil {
		return Desk{}, fmt.Errorf("central: desk: %w", err)
	}
	return d, nil
}

// Desks implements Storage.
func (s *PostgresStorage) Desks(ctx context.Context) ([]Desk, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+pgDeskColumns+` FROM desks ORDER BY enrolled, id`)
	if err != nil {
		return nil, fmt.Errorf("central: desks: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Desk, error) { return pgScanDesk(row) })
	if err != nil {
		return nil, fmt.Errorf("central: desks: %w", err)
	}
	return out, nil
}

// Revoke implements Storage.
func (s *PostgresStorage) Revoke(ctx context.Context, id string, now time.Time) error {
	tag, err := s.pool.Exec(ctx, `UPDATE desks SET revoked = COALESCE(revoked, $1) WHERE id = $2`, now.UnixMilli(), id)
	if err != nil {
		return fmt.Errorf("central: revoke: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("central: revoke %s: %w", id, ErrUnknownDesk)
	}
	return nil
}

// Counts implements Storage.
func (s *PostgresStorage) Counts(ctx context.Context) (int64, int64, error) {
	var n, d int64
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*), COUNT(DISTINCT id) FROM events`).Scan(&n, &d); err != nil {
		return 0, 0, fmt.Errorf("central: counts: %w", err)
	}
	return n, d, nil
}
