package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"accueil/intake"
)

// DefaultIdleLock is how long a desk stays unlocked without use unless an
// admin chose otherwise.
const DefaultIdleLock = 5 * time.Minute

// Bounds of the idle lock an admin may set.
const (
	MinIdleLock = time.Minute
	MaxIdleLock = time.Hour
)

const idleLockKey = "idle_lock_seconds"

// IdleLock returns the time without use after which the desk locks.
func (s *Store) IdleLock(ctx context.Context) (time.Duration, error) {
	var v string
	err := s.reader(ctx).queryRow(`SELECT value FROM meta WHERE key = ?`, idleLockKey).Scan(&v)
	if isNoRows(err) {
		return DefaultIdleLock, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: idle lock: %w", err)
	}
	n, err := strconv.Atoi(v)
	if err != nil || time.Duration(n)*time.Second < MinIdleLock || time.Duration(n)*time.Second > MaxIdleLock {
		return DefaultIdleLock, nil
	}
	return time.Duration(n) * time.Second, nil
}

// SetIdleLock sets the time without use after which the desk locks,
// between MinIdleLock and MaxIdleLock. Admins only; audited.
func (s *Store) SetIdleLock(ctx context.Context, by intake.Staff, d time.Duration) error {
	if by.Role != intake.RoleAdmin {
		return fmt.Errorf("store: set idle lock: %w", ErrForbidden)
	}
	if d < MinIdleLock || d > MaxIdleLock {
		return fmt.Errorf("store: set idle lock: %w", ErrInvalid)
	}
	err := s.write(ctx, func(t *txn) error {
		if _, err := t.exec(`INSERT INTO meta (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, idleLockKey, strconv.Itoa(int(d/time.Second))); err != nil {
			return err
		}
		return t.audit(by, ActionSettings, "settings", idleLockKey, "")
	})
	if err != nil {
		return fmt.Errorf("store: set idle lock: %w", err)
	}
	return nil
}
