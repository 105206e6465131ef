package central

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// PostgresStorage keeps the central's data in a PostgreSQL database, for
// a deployment that outgrows one machine. It uses pgx's own pool, not
// database/sql: a push is one statement over arrays, and pgx keeps
// BYTEA and arrays in their binary form.
//
// Appends to the event log are serialised by a transaction-level advisory
// lock (pgLockEvents): the identity column hands out sequence numbers at
// insert, not at commit, so without it a push could commit seq 12 while
// another still holds 11, and a desk pulling in between would move its
// cursor past 11 for good. The lock is held until commit, so commits come
// in sequence order. An advisory lock rather than LOCK TABLE because it
// stops only other appenders: LOCK TABLE … SHARE ROW EXCLUSIVE would also
// wait on autovacuum of the table (until the server cancels it, a second
// later), while readers are stopped by neither.
type PostgresStorage struct {
	pool *pgxpool.Pool
}

var _ Storage = (*PostgresStorage)(nil)

// OpenPostgres connects to the database at url (postgres://…) and brings
// its schema up to date.
func OpenPostgres(ctx context.Context, url string) (*PostgresStorage, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("central: postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("central: postgres: %w", err)
	}
	if err := migratePostgres(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("central: postgres: schema: %w", err)
	}
	return &PostgresStorage{pool: pool}, nil
}

// OpenPostgresVault opens the central's data in the PostgreSQL database
// at url, sealed under the key in keyFile (made when the database was
// never keyed), as Open does for the embedded SQLite file.
func OpenPostgresVault(ctx context.Context, url, keyFile string) (*Vault, error) {
	st, err := OpenPostgres(ctx, url)
	if err != nil {
		return nil, err
	}
	v, err := openVault(ctx, st, keyFile)
	if err != nil {
		st.Close()
		return nil, err
	}
	return v, nil
}

// Close closes the pool.
func (s *PostgresStorage) Close() error {
	s.pool.Close()
	return nil
}

// Push implements Storage: under the append lock, one INSERT … ON
// CONFLICT DO NOTHING of the whole batch (the unique ID decides, not a
// read before), then one read of the stored hashes to tell replays from
// conflicts.
func (s *PostgresStorage) Push(ctx context.Context, desk string, recs []Record) (int, int64, error) {
	var stored int
	var last int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, pgLockEvents); err != nil {
			return err
		}
		var err error
		if stored, err = pgInsertEvents(ctx, tx, desk, recs); err != nil {
			return err
		}
		if err := pgCheckReplays(ctx, tx, recs); err != nil {
			return err
		}
		return tx.QueryRow(ctx, `SELECT COALESCE(MAX(seq), 0) FROM events`).Scan(&last)
	})
	if err != nil {
		return 0, 0, fmt.Errorf("central: push: %w", err)
	}
	return stored, last, nil
}

func recordColumns(recs []Record) (ids []string, bodies [][]byte, hashes []string) {
	ids = make([]string, len(recs))
	bodies = make([][]byte, len(recs))
	hashes = make([]string, len(recs))
	for i, r := range recs {
		ids[i], bodies[i], hashes[i] = r.ID, r.Body, r.Hash
	}
	return ids, bodies, hashes
}

// pgInsertEvents inserts the records in their order (the ordinality
// keeps the push's order in the sequence) and returns how many were new.
func pgInsertEvents(ctx context.Context, tx pgx.Tx, desk string, recs []Record) (int, error) {
	ids, bodies, hashes := recordColumns(recs)
	tag, err := tx.Exec(ctx, `INSERT INTO events (id, desk, body, hash)
		SELECT r.id, $1, r.body, r.hash
		FROM unnest($2::text[], $3::bytea[], $4::text[]) WITH ORDINALITY AS r(id, body, hash, n)
		ORDER BY r.n
		ON CONFLICT (id) DO NOTHING`, desk, ids, bodies, hashes)
	if err != nil {
		return 0, err
	}
	return int(tag.RowsAffected()), nil
}

// pgCheckReplays fails with a *ConflictError, for the first record in
// push order, when a stored event has the record's ID and another hash.
func pgCheckReplays(ctx context.Context, tx pgx.Tx, recs []Record) error {
	ids, _, _ := recordColumns(recs)
	rows, err := tx.Query(ctx, `SELECT id, hash FROM events WHERE id = ANY($1::text[])`, ids)
	if err != nil {
		return err
	}
	have := make(map[string]string, len(recs))
	var id, hash string
	if _, err := pgx.ForEachRow(rows, []any{&id, &hash}, func() error { have[id] = hash; return nil }); err != nil {
		return err
	}
	for _, r := range recs {
		if have[r.ID] != r.Hash {
			return &ConflictError{ID: r.ID}
		}
	}
	return nil
}

// Pull implements Storage. It reads one repeatable-read snapshot, so that
// Last and the page agree.
func (s *PostgresStorage) Pull(ctx context.Context, after int64, limit int) (RawPage, error) {
	var p RawPage
	opts := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	err := pgx.BeginTxFunc(ctx, s.pool, opts, func(tx pgx.Tx) error {
		var err error
		p, err = pgPullPage(ctx, tx, after, limit)
		return err
	})
	if err != nil {
		return RawPage{}, fmt.Errorf("central: pull: %w", err)
	}
	return p, nil
}

func pgPullPage(ctx context.Context, tx pgx.Tx, after int64, limit int) (RawPage, error) {
	rows, err := tx.Query(ctx, `SELECT seq, id, body FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`, after, limit+1)
	if err != nil {
		return RawPage{}, err
	}
	defer rows.Close()
	p, err := fillPage(rows, after, limit)
	rows.Close() // pgx reports a read error only once the rows are closed
	if err != nil {
		return RawPage{}, err
	}
	if err := rows.Err(); err != nil {
		return RawPage{}, err
	}
	var last int64
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(seq), 0) FROM events`).Scan(&last); err != nil {
		return RawPage{}, err
	}
	p.settle(last)
	return p, nil
}

// RewriteAll implements Storage, under the append lock. After the commit
// VACUUM FULL writes the table anew, so that the old bodies are no longer
// in its files (the server's write-ahead log and its archives, if any,
// keep them until they are recycled).
func (s *PostgresStorage) RewriteAll(ctx context.Context, fn func(Record) (Record, error)) (int, error) {
	n := 0
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, pgLockEvents); err != nil {
			return err
		}
		var err error
		n, err = pgRewriteRows(ctx, tx, fn)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("central: rewrite: %w", err)
	}
	if _, err := s.pool.Exec(ctx, `VACUUM FULL events`); err != nil {
		return n, fmt.Errorf("central: rewrite: vacuum: %w", err)
	}
	return n, nil
}

func pgRewriteRows(ctx context.Context, tx pgx.Tx, fn func(Record) (Record, error)) (int, error) {
	rows, err := tx.Query(ctx, `SELECT id, body, hash FROM events ORDER BY seq`)
	if err != nil {
		return 0, err
	}
	all, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Record, error) {
		var r Record
		err := row.Scan(&r.ID, &r.Body, &r.Hash)
		return r, err
	})
	if err != nil {
		return 0, err
	}
	batch := &pgx.Batch{}
	for _, r := range all {
		nr, err := fn(r)
		if err != nil {
			return 0, err
		}
		batch.Queue(`UPDATE events SET body = $1, hash = $2 WHERE id = $3`, nr.Body, nr.Hash, r.ID)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return 0, err
	}
	return len(all), nil
}

// Setting implements Storage.
func (s *PostgresStorage) Setting(ctx context.Context, name string) ([]byte, error) {
	var v []byte
	err := s.pool.QueryRow(ctx, `SELECT value FROM settings WHERE name = $1`, name).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("central: setting %s: %w", name, err)
	}
	return v, nil
}

// InitSetting implements Storage: the primary key decides which of two
// starts wins, and both then read the winner's value.
func (s *PostgresStorage) InitSetting(ctx context.Context, name string, value []byte) ([]byte, error) {
	var v []byte
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO settings (name, value) VALUES ($1, $2)
			ON CONFLICT (name) DO NOTHING`, name, value); err != nil {
			return err
		}
		return tx.QueryRow(ctx, `SELECT value FROM settings WHERE name = $1`, name).Scan(&v)
	})
	if err != nil {
		return nil, fmt.Errorf("central: set %s: %w", name, err)
	}
	return v, nil
}

// isUniqueViolation reports a unique constraint's refusal (SQLSTATE 23505).
func isUniqueViolation(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}
