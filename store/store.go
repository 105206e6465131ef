package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"accueil/intake"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is a desk's local database. It is safe for concurrent use: writes
// go through a single connection, one transaction at a time, while reads
// use a small pool of read-only connections that WAL lets run alongside.
type Store struct {
	w, r   *sql.DB
	wstmts *stmtCache
	rstmts *stmtCache
	desk   string
	clock  *Clock
	// now is the wall clock; tests pin it.
	now func() time.Time
	kdf kdfParams
	// ring holds the data key and what it opened while unlocked; nil
	// while locked.
	ring atomic.Pointer[keyring]
	// failpoint, when set by a test, is called between the steps of a
	// write and aborts the transaction when it returns an error.
	failpoint func(step string) error
}

// readers is the size of the read pool: searches and lists from the UI
// and the sync client at once, no more on a desk computer.
const readers = 4

// Open opens the desk database at path, creating it if needed, applies the
// migrations it lacks and, on first open, gives the desk its ID.
func Open(ctx context.Context, path string) (*Store, error) {
	s := &Store{now: time.Now, kdf: defaultKDF()}
	var err error
	if s.w, err = sql.Open("sqlite", dsn(path, false)); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// One writer connection: in-process writers queue in Go rather than in
	// SQLite's sleeping busy handler.
	s.w.SetMaxOpenConns(1)
	s.w.SetConnMaxIdleTime(0)
	if s.r, err = sql.Open("sqlite", dsn(path, true)); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.r.SetMaxOpenConns(readers)
	s.r.SetMaxIdleConns(readers)
	s.wstmts = newStmtCache(s.w)
	s.rstmts = newStmtCache(s.r)
	if err := s.init(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return s, nil
}

// dsn sets what every connection needs. synchronous=FULL makes each
// commit reach the disk before the caller is told "saved"; immediate
// transactions take the write lock at BEGIN, so a write never fails half
// way for want of it.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate")
	q.Add("_pragma", "cache_size(-16000)")
	q.Add("_pragma", "temp_store(MEMORY)")
	// Freed pages are overwritten, so that a deleted or replaced value
	// (a plaintext row being sealed, a shredded entity key) is gone.
	q.Add("_pragma", "secure_delete(ON)")
	if readOnly {
		q.Set("_query_only", "1")
	}
	return path + "?" + q.Encode()
}

func (s *Store) init(ctx context.Context) error {
	if err := s.migrate(ctx); err != nil {
		return err
	}
	var last intake.Timestamp
	err := s.write(ctx, func(t *txn) error {
		id, err := newID()
		if err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO meta (key, value) VALUES ('desk_id', ?), ('hlc', '')
			ON CONFLICT (key) DO NOTHING`, id); err != nil {
			return err
		}
		var hlc string
		if err := t.queryRow(`SELECT (SELECT value FROM meta WHERE key = 'desk_id'),
			(SELECT value FROM meta WHERE key = 'hlc')`).Scan(&s.desk, &hlc); err != nil {
			return err
		}
		if hlc != "" {
			last, err = intake.ParseTimestamp(hlc)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("desk identity: %w", err)
	}
	s.clock = NewClock(s.wall, last)
	return nil
}

// wall reads s.now late so that a test may replace it after Open.
func (s *Store) wall() time.Time { return s.now() }

// migrate applies, in order, the embedded migrations not yet recorded.
// Each runs in its own transaction with its record, so a crash leaves
// either all of a migration or none of it.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	files, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range files {
		err := s.write(ctx, func(t *txn) error {
			var n int
			if err := t.queryRow(`SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil || n > 0 {
				return err
			}
			if _, err := t.tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := t.exec(`INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`,
				m.version, s.now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	return nil
}

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded files, named NNNN_what.sql, by number.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		b, err := migrationFiles.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", e.Name(), err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	slices.SortFunc(out, func(a, b migration) int { return a.version - b.version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a number", out[i-1].name, out[i].name)
		}
	}
	return out, nil
}

// Close closes the database. Pending writes have been committed already:
// every write returns only after its commit.
func (s *Store) Close() error {
	s.Lock()
	var errs []error
	for _, c := range []*stmtCache{s.wstmts, s.rstmts} {
		if c != nil {
			errs = append(errs, c.close())
		}
	}
	for _, db := range []*sql.DB{s.r, s.w} {
		if db != nil {
			errs = append(errs, db.Close())
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// DeskID returns the ID this desk gave itself on first open; every event
// made here carries it.
func (s *Store) DeskID() string { return s.desk }

// Clock returns the desk's hybrid logical clock, for the sync client to
// Update with the times of events it receives.
func (s *Store) Clock() *Clock { return s.clock }

// newID returns a fresh UUIDv7: time-ordered, so that new rows land at the
// end of the B-trees that index them.
func newID() (string, error) {
	u, err := uuid.NewV7()
	if err != nil {
		return "", fmt.Errorf("new id: %w", err)
	}
	return u.String(), nil
}

// stmtCache keeps prepared statements: parsing SQL again for every row of
// an import would cost more than writing the row. A statement first met
// inside a transaction is prepared on the transaction for that once, and
// on the pool after the transaction: preparing on the pool while holding
// its only writer connection would wait forever.
type stmtCache struct {
	mu      sync.Mutex
	db      *sql.DB
	m       map[string]*sql.Stmt
	pending map[string]bool
}

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}, pending: map[string]bool{}}
}

// cached returns the statement if it is prepared already, and otherwise
// notes that warm should prepare it.
func (c *stmtCache) cached(q string) (*sql.Stmt, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st, ok := c.m[q]
	if !ok {
		c.pending[q] = true
	}
	return st, ok
}

// get returns the statement, preparing it on the pool if needed. Only for
// callers that hold no connection of the pool.
func (c *stmtCache) get(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := c.cached(q); ok {
		return st, nil
	}
	if err := c.warm(ctx); err != nil {
		return nil, err
	}
	st, _ := c.cached(q)
	return st, nil
}

// warm prepares the statements noted by cached. The lock is not held
// while preparing: that waits for a connection, and the transaction
// holding it may need the cache to finish.
func (c *stmtCache) warm(ctx context.Context) error {
	c.mu.Lock()
	qs := make([]string, 0, len(c.pending))
	for q := range c.pending {
		qs = append(qs, q)
	}
	c.mu.Unlock()
	for _, q := range qs {
		st, err := c.db.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		c.mu.Lock()
		if _, dup := c.m[q]; dup {
			st.Close()
		} else {
			c.m[q] = st
		}
		delete(c.pending, q)
		c.mu.Unlock()
	}
	return nil
}

func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, st := range c.m {
		errs = append(errs, st.Close())
	}
	c.m = map[string]*sql.Stmt{}
	return errors.Join(errs...)
}
