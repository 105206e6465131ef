package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"accueil/intake"
)

// Login throttling. Failures are counted per folded login name, whether an
// account has that name or not, so that slowing down and locking say
// nothing about which names exist.
const (
	// freeFailures are the failures (typing slips) before any delay.
	freeFailures = 2
	// firstDelay is the wait after the first failure past the free ones;
	// it doubles with each further failure.
	firstDelay = time.Second
	// LockoutFailures consecutive failures lock the name.
	LockoutFailures = 10
	// LockoutTime is how long a lock lasts unless an admin lifts it.
	LockoutTime = 30 * time.Minute
)

// ErrLoginDelayed: too many failed logins under this name; a
// *LoginDelayError says how long to wait.
var ErrLoginDelayed = errors.New("login delayed")

// LoginDelayError refuses a login attempt without checking the password:
// the name had too many failures. Locked is set when the name is locked
// (LockoutFailures reached) rather than only slowed down.
type LoginDelayError struct {
	Wait   time.Duration
	Locked bool
}

func (e *LoginDelayError) Error() string {
	return fmt.Sprintf("login delayed: try again in %s (locked %t)", e.Wait.Round(time.Second), e.Locked)
}

// Unwrap makes errors.Is(err, ErrLoginDelayed) true.
func (e *LoginDelayError) Unwrap() error { return ErrLoginDelayed }

// delayAfter is the wait imposed after n consecutive failures.
func delayAfter(n int) time.Duration {
	if n <= freeFailures {
		return 0
	}
	return firstDelay << min(n-freeFailures-1, 20)
}

// loginGate runs before the password is checked. It refuses while the
// name must wait and otherwise counts the attempt as a failure in
// advance, so that parallel guesses cannot slip past the count; a
// successful login clears it (clearFailures).
func (s *Store) loginGate(ctx context.Context, name string) error {
	key := nameKey(name)
	return s.write(ctx, func(t *txn) error {
		now := s.now().UTC()
		var n int
		var last, until string
		err := t.queryRow(`SELECT failures, last_failure, locked_until FROM login_failures WHERE name_key = ?`, key).
			Scan(&n, &last, &until)
		if err != nil && !isNoRows(err) {
			return err
		}
		if wait := waitFor(now, n, last, until); wait > 0 {
			return &LoginDelayError{Wait: wait, Locked: until != ""}
		}
		if until != "" { // the lock ran out: start again
			n = 0
		}
		return t.countFailure(key, n+1, now)
	})
}

// waitFor is how long a name with n failures, the last at last and locked
// until until (RFC 3339, or ""), must still wait at now.
func waitFor(now time.Time, n int, last, until string) time.Duration {
	if until != "" {
		u, err := time.Parse(time.RFC3339, until)
		if err != nil {
			return LockoutTime // a damaged row locks rather than opens
		}
		return max(u.Sub(now), 0)
	}
	l, err := time.Parse(time.RFC3339Nano, last)
	if err != nil || n == 0 {
		return 0
	}
	return max(l.Add(delayAfter(n)).Sub(now), 0)
}

func (t *txn) countFailure(key string, n int, now time.Time) error {
	until := ""
	if n >= LockoutFailures {
		until = now.Add(LockoutTime).Format(time.RFC3339)
		if err := t.audit(intake.Staff{}, ActionLockout, "staff", "", ""); err != nil {
			return err
		}
	}
	_, err := t.exec(`INSERT INTO login_failures (name_key, failures, last_failure, locked_until) VALUES (?, ?, ?, ?)
		ON CONFLICT (name_key) DO UPDATE SET failures = excluded.failures,
		last_failure = excluded.last_failure, locked_until = excluded.locked_until`,
		key, n, now.Format(time.RFC3339Nano), until)
	return err
}

// clearFailures forgets the failures of the account that just logged in.
// audit calls it with the login's audit row, in the same transaction, so
// that Authenticate needs no second hook.
func (t *txn) clearFailures(staffID string) error {
	_, err := t.exec(`DELETE FROM login_failures WHERE name_key = (SELECT name_key FROM staff WHERE id = ?)`, staffID)
	return err
}

// LockedStaff returns the IDs of the accounts locked now, with the time
// each lock ends. Admins only.
func (s *Store) LockedStaff(ctx context.Context, by intake.Staff) (map[string]time.Time, error) {
	if !by.Role.CanManageStaff() {
		return nil, fmt.Errorf("store: locked staff: %w", ErrForbidden)
	}
	rows, err := s.reader(ctx).query(`SELECT s.id, f.locked_until FROM login_failures f
		JOIN staff s ON s.name_key = f.name_key WHERE f.locked_until != ''`)
	if err != nil {
		return nil, fmt.Errorf("store: locked staff: %w", err)
	}
	defer rows.Close()
	out := map[string]time.Time{}
	now := s.now()
	for rows.Next() {
		var id, until string
		if err := rows.Scan(&id, &until); err != nil {
			return nil, fmt.Errorf("store: locked staff: %w", err)
		}
		if u, err := time.Parse(time.RFC3339, until); err != nil || u.After(now) {
			out[id] = u
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: locked staff: %w", err)
	}
	return out, nil
}

// UnlockStaff lifts the lock and the failure count of an account. Admins
// only; audited.
func (s *Store) UnlockStaff(ctx context.Context, by intake.Staff, id string) error {
	if !by.Role.CanManageStaff() {
		return fmt.Errorf("store: unlock staff: %w", ErrForbidden)
	}
	err := s.write(ctx, func(t *txn) error {
		res, err := t.exec(`DELETE FROM login_failures WHERE name_key = (SELECT name_key FROM staff WHERE id = ?)`, id)
		if err != nil {
			return err
		}
		if _, err := res.RowsAffected(); err != nil {
			return err
		}
		return t.audit(by, ActionStaffUnlock, "staff", id, "")
	})
	if err != nil {
		return fmt.Errorf("store: unlock staff: %w", err)
	}
	return nil
}
