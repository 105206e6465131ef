package store

import (
	"context"
	"database/sql"
	"fmt"

	"accueil/intake"
)

// txn is one write transaction. Its statements come from the writer's
// cache, bound to the transaction once each.
type txn struct {
	ctx   context.Context
	tx    *sql.Tx
	s     *Store
	cache *stmtCache
	stmts map[string]*sql.Stmt
	// stamped is set once the transaction read the clock, so that commit
	// persists the reading and a restart never goes back in time.
	stamped bool
	// idx collects what the transaction changes in the search index.
	idx indexPending
	// fresh holds entities given their number by this transaction and
	// not applied yet: their first event's values are all they have.
	fresh map[string]bool
	// nums are entity numbers looked up or given by this transaction.
	nums map[string]int64
}

// write runs fn in one immediate transaction and commits it. Nothing fn
// wrote survives an error.
func (s *Store) write(ctx context.Context, fn func(t *txn) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	t := &txn{ctx: ctx, tx: tx, s: s, cache: s.wstmts, stmts: map[string]*sql.Stmt{},
		idx: indexPending{recs: map[string]*record{}}}
	defer s.wstmts.warm(context.WithoutCancel(ctx))
	if err := fn(t); err != nil {
		_ = tx.Rollback()
		return err
	}
	if t.stamped {
		if _, err := t.exec(`UPDATE meta SET value = ? WHERE key = 'hlc'`, s.clock.Last().String()); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("persist clock: %w", err)
		}
	}
	if err := t.step("commit"); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := t.commitIndex(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// read runs fn in a read-only transaction on the read pool: a consistent
// snapshot that never waits for a writer.
func (s *Store) read(ctx context.Context, fn func(t *txn) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin read: %w", err)
	}
	defer s.rstmts.warm(context.WithoutCancel(ctx))
	defer tx.Rollback()
	return fn(&txn{ctx: ctx, tx: tx, s: s, cache: s.rstmts, stmts: map[string]*sql.Stmt{}})
}

// stamp reads the hybrid clock. It is called inside the transaction, after
// the write lock is held, so that local append order and clock order agree.
func (t *txn) stamp() intake.Timestamp {
	t.stamped = true
	return t.s.clock.Now()
}

// step gives tests a place to break a write between two of its parts.
func (t *txn) step(name string) error {
	if t.s.failpoint == nil {
		return nil
	}
	if err := t.s.failpoint(name); err != nil {
		return fmt.Errorf("at %s: %w", name, err)
	}
	return nil
}

func (t *txn) stmt(q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if base, ok := t.cache.cached(q); ok {
		st = t.tx.StmtContext(t.ctx, base)
	} else {
		var err error
		if st, err = t.tx.PrepareContext(t.ctx, q); err != nil {
			return nil, err
		}
	}
	t.stmts[q] = st
	return st, nil
}

func (t *txn) exec(q string, args ...any) (sql.Result, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.ctx, args...)
}

func (t *txn) query(q string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(t.ctx, args...)
}

// queryRow returns a row whose Scan reports a preparation error too.
func (t *txn) queryRow(q string, args ...any) rowScanner {
	st, err := t.stmt(q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(t.ctx, args...)
}

// querier is what read helpers need: a write transaction or the read pool,
// so that the same code reads inside a write and outside.
type querier interface {
	query(q string, args ...any) (*sql.Rows, error)
	queryRow(q string, args ...any) rowScanner
	store() *Store
}

func (t *txn) store() *Store { return t.s }

func (r reader) store() *Store { return r.s }

// reader runs queries on the read pool.
type reader struct {
	ctx context.Context
	s   *Store
}

func (s *Store) reader(ctx context.Context) reader { return reader{ctx: ctx, s: s} }

func (r reader) query(q string, args ...any) (*sql.Rows, error) {
	st, err := r.s.rstmts.get(r.ctx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(r.ctx, args...)
}

func (r reader) queryRow(q string, args ...any) rowScanner {
	st, err := r.s.rstmts.get(r.ctx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(r.ctx, args...)
}

type rowScanner interface{ Scan(dest ...any) error }

type errRow struct{ err error }

func (e errRow) Scan(...any) error { return e.err }
