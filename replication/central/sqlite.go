package central

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

const schemaSQL = `
CREATE TABLE IF NOT EXISTS events (
	seq  INTEGER PRIMARY KEY,
	id   TEXT NOT NULL UNIQUE,
	desk TEXT NOT NULL,
	body TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS desks (
	id              TEXT PRIMARY KEY,
	credential_hash TEXT NOT NULL,
	enrolled        INTEGER NOT NULL,
	revoked         INTEGER
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS settings (
	name  TEXT PRIMARY KEY,
	value BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS staff (
	id       TEXT PRIMARY KEY,
	name     TEXT NOT NULL,
	name_key TEXT NOT NULL UNIQUE,
	role     TEXT NOT NULL,
	disabled INTEGER NOT NULL DEFAULT 0,
	password TEXT NOT NULL,
	key_wrap BLOB NOT NULL,
	version  INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS published (
	version INTEGER PRIMARY KEY,
	kind    TEXT NOT NULL,
	body    BLOB NOT NULL,
	created INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS published_kind ON published (kind, version);
CREATE TABLE IF NOT EXISTS codes (
	token_hash TEXT PRIMARY KEY,
	expires    INTEGER NOT NULL,
	used       INTEGER
) WITHOUT ROWID;
`

// SQLiteStorage keeps the central's data in one SQLite file. Writes go
// through one connection so that they queue in Go, not in SQLite's busy
// handler; reads use a pool that WAL lets run alongside.
type SQLiteStorage struct {
	w, r *sql.DB
}

var _ Storage = (*SQLiteStorage)(nil)

// OpenSQLite opens or creates the central database at path.
func OpenSQLite(ctx context.Context, path string) (*SQLiteStorage, error) {
	w, err := sql.Open("sqlite", centralDSN(path, false))
	if err != nil {
		return nil, fmt.Errorf("central: open: %w", err)
	}
	w.SetMaxOpenConns(1)
	if _, err := w.ExecContext(ctx, schemaSQL); err != nil {
		w.Close()
		return nil, fmt.Errorf("central: create schema: %w", err)
	}
	r, err := sql.Open("sqlite", centralDSN(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("central: open: %w", err)
	}
	r.SetMaxOpenConns(4)
	return &SQLiteStorage{w: w, r: r}, nil
}

// centralDSN: WAL so that pulls never wait for pushes, synchronous=FULL so
// that an acknowledged push survives a power cut, immediate transactions
// so that a write takes its lock at BEGIN.
func centralDSN(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	// Deleted and rewritten rows are overwritten, not left in free pages.
	q.Add("_pragma", "secure_delete(ON)")
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		q.Set("_txlock", "deferred")
	}
	return "file:" + path + "?" + q.Encode()
}

// Close closes both pools.
func (s *SQLiteStorage) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
}

func (s *SQLiteStorage) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Push implements Storage. The unique constraint decides, not a read
// before the insert: two pushes of one event at once still store it once.
func (s *SQLiteStorage) Push(ctx context.Context, desk string, recs []Record) (int, int64, error) {
	stored := 0
	var last int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, `INSERT INTO events (id, desk, body, hash) VALUES (?, ?, ?, ?)
			ON CONFLICT (id) DO NOTHING`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, r := range recs {
			fresh, err := pushOne(ctx, tx, ins, desk, r)
			if err != nil {
				return err
			}
			if fresh {
				stored++
			}
		}
		return tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM events`).Scan(&last)
	})
	if err != nil {
		return 0, 0, fmt.Errorf("central: push: %w", err)
	}
	return stored, last, nil
}

func pushOne(ctx context.Context, tx *sql.Tx, ins *sql.Stmt, desk string, r Record) (bool, error) {
	res, err := ins.ExecContext(ctx, r.ID, desk, r.Body, r.Hash)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return n == 1, err
	}
	var old string
	if err := tx.QueryRowContext(ctx, `SELECT hash FROM events WHERE id = ?`, r.ID).Scan(&old); err != nil {
		return false, err
	}
	if old != r.Hash {
		return false, &ConflictError{ID: r.ID}
	}
	return false, nil
}

// Pull implements Storage. It reads one snapshot, so that Last and the
// page agree.
func (s *SQLiteStorage) Pull(ctx context.Context, after int64, limit int) (RawPage, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return RawPage{}, fmt.Errorf("central: pull: %w", err)
	}
	defer tx.Rollback()
	page, err := pullPage(ctx, tx, after, limit)
	if err != nil {
		return RawPage{}, fmt.Errorf("central: pull: %w", err)
	}
	return page, nil
}

func pullPage(ctx context.Context, tx *sql.Tx, after int64, limit int) (RawPage, error) {
	rows, err := tx.QueryContext(ctx, `SELECT seq, id, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit+1)
	if err != nil {
		return RawPage{}, err
	}
	defer rows.Close()
	p, err := fillPage(rows, after, limit)
	if err != nil {
		return RawPage{}, err
	}
	if err := rows.Err(); err != nil {
		return RawPage{}, err
	}
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM events`).Scan(&last); err != nil {
		return RawPage{}, err
	}
	p.settle(last)
	return p, nil
}

// RewriteAll implements Storage. After the commit it vacuums and
// truncates the write-ahead log, so that no page of the old bodies stays
// in either file.
func (s *SQLiteStorage) RewriteAll(ctx context.Context, fn func(Record) (Record, error)) (int, error) {
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		n, err = rewriteRows(ctx, tx, fn)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("central: rewrite: %w", err)
	}
	for _, q := range []string{`VACUUM`, `PRAGMA wal_checkpoint(TRUNCATE)`} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return n, fmt.Errorf("central: rewrite: %s: %w", q, err)
		}
	}
	return n, nil
}

func rewriteRows(ctx context.Context, tx *sql.Tx, fn func(Record) (Record, error)) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, body, hash FROM events ORDER BY seq`)
	if err != nil {
		return 0, err
	}
	var all []Record
	for rows.Next() {
		var r Record
		if err := rows.Scan(&r.ID, &r.Body, &r.Hash); err != nil {
			rows.Close()
			return 0, err
		}
		all = append(all, r)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return 0, err
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE events SET body = ?, hash = ? WHERE id = ?`)
	if err != nil {
		return 0, err
	}
	defer upd.Close()
	for _, r := range all {
		nr, err := fn(r)
		if err != nil {
			return 0, err
		}
		if _, err := upd.ExecContext(ctx, nr.Body, nr.Hash, r.ID); err != nil {
			return 0, err
		}
	}
	return len(all), nil
}

// Setting implements Storage.
func (s *SQLiteStorage) Setting(ctx context.Context, name string) ([]byte, error) {
	var v []byte
	err := s.w.QueryRowContext(ctx, `SELECT value FROM settings WHERE name = ?`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("central: setting %s: %w", name, err)
	}
	return v, nil
}

// InitSetting implements Storage.
func (s *SQLiteStorage) InitSetting(ctx context.Context, name string, value []byte) ([]byte, error) {
	var v []byte
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (name, value) VALUES (?, ?)
			ON CONFLICT (name) DO NOTHING`, name, value); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE name = ?`, name).Scan(&v)
	})
	if err != nil {
		return nil, fmt.Errorf("central: set %s: %w", name, err)
	}
	return v, nil
}

// AddCode implements Storage.
func (s *SQLiteStorage) AddCode(ctx context.Context, tokenHash string, expires time.Time) error {
	_, err := s.w.ExecContext(ctx, `INSERT INTO codes (token_hash, expires) VALUES (?, ?)`, tokenHash, expires.UnixMilli())
	if err != nil {
		return fmt.Errorf("central: add code: %w", err)
	}
	return nil
}

// Redeem implements Storage.
func (s *SQLiteStorage) Redeem(ctx context.Context, tokenHash, desk, credentialHash string, now time.Time) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var expires int64
		var used sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT expires, used FROM codes WHERE token_hash = ?`, tokenHash).Scan(&expires, &used)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return ErrCodeUnknown
		case err != nil:
			return err
		case used.Valid:
			return ErrCodeUsed
		case now.UnixMilli() >= expires:
			return ErrCodeExpired
		}
		if _, err := tx.ExecContext(ctx, `UPDATE codes SET used = ? WHERE token_hash = ?`, now.UnixMilli(), tokenHash); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO desks (id, credential_hash, enrolled) VALUES (?, ?, ?)
			ON CONFLICT (id) DO NOTHING`, desk, credentialHash, now.UnixMilli())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, ErrDeskExists)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("central: redeem: %w", err)
	}
	return nil
}

// Desk implements Storage.
func (s *SQLiteStorage) Desk(ctx context.Context, id string) (Desk, error) {
	d, err := scanDesk(s.r.QueryRowContext(ctx, `SELECT id, credential_hash, enrolled, revoked FROM desks WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Desk{}, ErrUnknownDesk
	}
	if err != nil {
		return Desk{}, fmt.Errorf("central: desk: %w", err)
	}
	return d, nil
}

type scanner interface{ Scan(...any) error }

func scanDesk(row scanner) (Desk, error) {
	var d Desk
	var enrolled int64
	var revoked sql.NullInt64
	if err := row.Scan(&d.ID, &d.CredentialHash, &enrolled, &revoked); err != nil {
		return Desk{}, err
	}
	d.Enrolled = time.UnixMilli(enrolled).UTC()
	if revoked.Valid {
		d.Revoked = time.UnixMilli(revoked.Int64).UTC()
	}
	return d, nil
}

// Desks implements Storage.
func (s *SQLiteStorage) Desks(ctx context.Context) ([]Desk, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, credential_hash, enrolled, revoked FROM desks ORDER BY enrolled`)
	if err != nil {
		return nil, fmt.Errorf("central: desks: %w", err)
	}
	defer rows.Close()
	var out []Desk
	for rows.Next() {
		d, err := scanDesk(rows)
		if err != nil {
			return nil, fmt.Errorf("central: desks: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("central: desks: %w", err)
	}
	return out, nil
}

// Revoke implements Storage.
func (s *SQLiteStorage) Revoke(ctx context.Context, id string, now time.Time) error {
	res, err := s.w.ExecContext(ctx, `UPDATE desks SET revoked = COALESCE(revoked, ?) WHERE id = ?`, now.UnixMilli(), id)
	if err != nil {
		return fmt.Errorf("central: revoke: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("central: revoke %s: %w", id, errors.Join(err, ErrUnknownDesk))
	}
	return nil
}

// Counts implements Storage.
func (s *SQLiteStorage) Counts(ctx context.Context) (int64, int64, error) {
	var n, d int64
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT id) FROM events`).Scan(&n, &d); err != nil {
		return 0, 0, fmt.Errorf("central: counts: %w", err)
	}
	return n, d, nil
}
