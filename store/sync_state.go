package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// SyncConfig is what a desk keeps to talk to its central, written once at
// enrolment: where the central is, the CA it pinned and the desk's own
// credential.
type SyncConfig struct {
	URL        string
	CAPEM      string
	Credential string
}

// Keys of the meta table that hold sync state.
const (
	metaSyncURL        = "sync_url"
	metaSyncCA         = "sync_ca"
	metaSyncCredential = "sync_credential"
	metaSyncCursor     = "sync_cursor"
)

// ErrNotEnrolled: the desk has no central yet.
var ErrNotEnrolled = errors.New("this desk is not enrolled with a central")

// SetSyncConfig records the desk's enrolment in one transaction, and
// starts its cursor at the beginning.
func (s *Store) SetSyncConfig(ctx context.Context, c SyncConfig) error {
	err := s.write(ctx, func(t *txn) error {
		for k, v := range map[string]string{metaSyncURL: c.URL, metaSyncCA: c.CAPEM, metaSyncCredential: c.Credential, metaSyncCursor: "0"} {
			if _, err := t.exec(`INSERT INTO meta (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: set sync config: %w", err)
	}
	return nil
}

// SyncConfig returns the desk's enrolment, or ErrNotEnrolled.
func (s *Store) SyncConfig(ctx context.Context) (SyncConfig, error) {
	var c SyncConfig
	for _, kv := range []struct {
		key string
		dst *string
	}{{metaSyncURL, &c.URL}, {metaSyncCA, &c.CAPEM}, {metaSyncCredential, &c.Credential}} {
		v, err := s.metaValue(ctx, kv.key)
		if errors.Is(err, sql.ErrNoRows) {
			return SyncConfig{}, ErrNotEnrolled
		}
		if err != nil {
			return SyncConfig{}, fmt.Errorf("store: sync config: %w", err)
		}
		*kv.dst = v
	}
	return c, nil
}

// SyncCursor returns the central's sequence number up to which this desk
// has applied what it pulled (0 before the first pull).
func (s *Store) SyncCursor(ctx context.Context) (int64, error) {
	v, err := s.metaValue(ctx, metaSyncCursor)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: sync cursor: %w", err)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("store: sync cursor %q: %w", v, err)
	}
	return n, nil
}

// SetSyncCursor records the cursor after a pulled page was applied. It
// never moves back, so that a late write of an old page changes nothing.
func (s *Store) SetSyncCursor(ctx context.Context, cursor int64) error {
	err := s.write(ctx, func(t *txn) error {
		_, err := t.exec(`INSERT INTO meta (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value
			WHERE CAST(meta.value AS INTEGER) < CAST(excluded.value AS INTEGER)`, metaSyncCursor, strconv.FormatInt(cursor, 10))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set sync cursor: %w", err)
	}
	return nil
}

func (s *Store) metaValue(ctx context.Context, key string) (string, error) {
	var v string
	err := s.reader(ctx).queryRow(`SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	return v, err
}
