package central

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgMigrations are the PostgreSQL schema's steps, numbered from 1 by
// their place: a database records the last one it ran in
// schema_migrations and runs only those after it. Append, never edit.
var pgMigrations = []string{
	1: `
CREATE TABLE events (
	seq  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id   TEXT NOT NULL UNIQUE,
	desk TEXT NOT NULL,
	body BYTEA NOT NULL,
	hash TEXT NOT NULL
);
CREATE TABLE desks (
	id              TEXT PRIMARY KEY,
	credential_hash TEXT NOT NULL,
	enrolled        BIGINT NOT NULL,
	revoked         BIGINT
);
CREATE TABLE settings (
	name  TEXT PRIMARY KEY,
	value BYTEA NOT NULL
);
CREATE TABLE staff (
	id       TEXT PRIMARY KEY,
	name     TEXT NOT NULL,
	name_key TEXT NOT NULL UNIQUE,
	role     TEXT NOT NULL,
	disabled BOOLEAN NOT NULL DEFAULT FALSE,
	password TEXT NOT NULL,
	key_wrap BYTEA NOT NULL,
	version  BIGINT NOT NULL UNIQUE
);
CREATE TABLE published (
	version BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind    TEXT NOT NULL,
	body    BYTEA NOT NULL,
	created BIGINT NOT NULL
);
CREATE INDEX published_kind ON published (kind, version);
CREATE TABLE codes (
	token_hash TEXT PRIMARY KEY,
	expires    BIGINT NOT NULL,
	used       BIGINT
);`,
}

// Transaction-level advisory lock keys ("acc" + a number). Each
// serialises one kind of write against itself only.
const (
	pgLockMigrate int64 = 0x616363_01
	pgLockEvents  int64 = 0x616363_02
	pgLockStaff   int64 = 0x616363_03
)

// migratePostgres runs the migrations the database lacks, in one
// transaction under an advisory lock, so that two centrals starting at
// once do not both run them.
func migratePostgres(ctx context.Context, pool *pgxpool.Pool) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, pgLockMigrate); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY,
			applied TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		var done int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&done); err != nil {
			return err
		}
		if done >= len(pgMigrations) {
			return fmt.Errorf("database schema version %d is newer than this program's %d", done, len(pgMigrations)-1)
		}
		for v := done + 1; v < len(pgMigrations); v++ {
			if _, err := tx.Exec(ctx, pgMigrations[v]); err != nil {
				return fmt.Errorf("migration %d: %w", v, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v); err != nil {
				return fmt.Errorf("migration %d: %w", v, err)
			}
		}
		return nil
	})
}
