package central

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Publish implements Storage.
func (s *SQLiteStorage) Publish(ctx context.Context, kind string, body []byte, now time.Time) (int64, error) {
	res, err := s.w.ExecContext(ctx, `INSERT INTO published (kind, body, created) VALUES (?, ?, ?)`, kind, body, now.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("central: publish %s: %w", kind, err)
	}
	v, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("central: publish %s: %w", kind, err)
	}
	return v, nil
}

// Published implements Storage.
func (s *SQLiteStorage) Published(ctx context.Context, kind string) (int64, []byte, error) {
	var v int64
	var body []byte
	err := s.r.QueryRowContext(ctx, `SELECT version, body FROM published WHERE kind = ? ORDER BY version DESC LIMIT 1`, kind).Scan(&v, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, ErrNothingPublished
	}
	if err != nil {
		return 0, nil, fmt.Errorf("central: published %s: %w", kind, err)
	}
	return v, body, nil
}
