package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"accueil/intake"
)

const goodPassword = "correct horse battery"

// fakeClock pins the store's wall clock and moves it on demand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }
func pinClock(s *Store) *fakeClock {
	c := &fakeClock{t: time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)}
	s.now = c.now
	return c
}
func outcome(err error) string {
	var d *LoginDelayError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &d):
		return fmt.Sprintf("wait %s locked=%t", d.Wait, d.Locked)
	case errors.Is(err, ErrBadLogin):
		return "bad"
	}
	return err.Error()
}

// failures makes n wrong attempts under name, each after the wait the
// previous one imposed, and returns what each attempt said.
func failures(s *Store, clock *fakeClock, name string, n int) []string {
	var out []string
	for range n {
		_, err := s.Authenticate(context.Background(), name, "wrong password!")
		out = append(out, outcome(err))
		var d *LoginDelayError
		if errors.As(err, &d) {
			clock.add(d.Wait)
			_, err = s.Authenticate(context.Background(), name, "wrong password!")
			out = append(out, outcome(err))
		}
	}
	return out
}

func TestLoginSlowsDownThenLocks(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	clock := pinClock(s)
	boss, err := s.CreateStaff(ctx, nil, "Testchef", goodPassword, intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateStaff(ctx, &boss, "Testdesk", goodPassword, intake.RoleReception); err != nil {
		t.Fatal(err)
	}
	// Each attempt right after the previous one.
	for i := 1; i <= 3; i++ {
		_, err := s.Authenticate(ctx, "Testdesk", "wrong password!")
		if outcome(err) != "bad" {
			t.Fatalf("attempt %d: %s, want bad", i, outcome(err))
		}
	}
	_, err = s.Authenticate(ctx, "Testdesk", goodPassword)
	if outcome(err) != "wait 1s locked=false" {
		t.Fatalf("4th attempt at once: %s, want a 1 s wait", outcome(err))
	}
	clock.add(time.Second)
	if _, err := s.Authenticate(ctx, "Testdesk", goodPassword); err != nil {
		t.Fatalf("after the wait, the right password: %v", err)
	}
	// The success cleared the count: two slips are free again.
	got := failures(s, clock, "Testdesk", LockoutFailures)
	_, err = s.Authenticate(ctx, "Testdesk", goodPassword)
	if want := fmt.Sprintf("wait %s locked=true", LockoutTime); outcome(err) != want {
		t.Fatalf("after %d failures: %s, want %s (attempts: %v)", LockoutFailures, outcome(err), want, got)
	}
	locked, err := s.LockedStaff(ctx, boss)
	if err != nil || len(locked) != 1 {
		t.Fatalf("LockedStaff = %v, %v; want the one account", locked, err)
	}

	t.Run("an unknown name behaves the same", func(t *testing.T) {
		clock.add(time.Hour)
		other := failures(s, clock, "Nobody Here", LockoutFailures)
		if fmt.Sprint(other) != fmt.Sprint(got) {
			t.Errorf("unknown name:\n%v\nknown name:\n%v", other, got)
		}
	})
	t.Run("an admin unlocks", func(t *testing.T) {
		if err := s.UnlockStaff(ctx, intake.Staff{ID: "x", Role: intake.RoleReception}, "x"); !errors.Is(err, ErrForbidden) {
			t.Errorf("reception unlocks: %v", err)
		}
		for id := range locked {
			if err := s.UnlockStaff(ctx, boss, id); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Authenticate(ctx, "testdesk", goodPassword); err != nil {
			t.Errorf("after unlock: %v", err)
		}
	})
	t.Run("the lock runs out", func(t *testing.T) {
		failures(s, clock, "Testdesk", LockoutFailures)
		clock.add(LockoutTime - time.Second)
		if _, err := s.Authenticate(ctx, "Testdesk", goodPassword); !errors.Is(err, ErrLoginDelayed) {
			t.Errorf("a second before the end: %v", err)
		}
		clock.add(time.Second)
		if _, err := s.Authenticate(ctx, "Testdesk", goodPassword); err != nil {
			t.Errorf("after %s: %v", LockoutTime, err)
		}
	})
}

func TestDelayAfter(t *testing.T) {
	tests := []struct {
		n    int
		want time.Duration
	}{{0, 0}, {1, 0}, {2, 0}, {3, time.Second}, {4, 2 * time.Second}, {9, 64 * time.Second}}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			if got := delayAfter(tt.n); got != tt.want {
				t.Errorf("delayAfter(%d) = %s, want %s", tt.n, got, tt.want)
			}
		})
	}
}

func TestCreateStaffRefusesWeakPasswords(t *testing.T) {
	s := openTest(t)
	for _, pw := range []string{"short", "aaaaaaaaaaaa", "Testchef", "1234567890", "Password123"} {
		if _, err := s.CreateStaff(context.Background(), nil, "Testchef", pw, intake.RoleAdmin); !errors.Is(err, ErrWeakPassword) {
			t.Errorf("password %q: %v, want ErrWeakPassword", pw, err)
		}
	}
}

func TestIdleLockSetting(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if d, err := s.IdleLock(ctx); err != nil || d != DefaultIdleLock {
		t.Fatalf("default idle lock = %s, %v", d, err)
	}
	tests := []struct {
		by   intake.Staff
		d    time.Duration
		want error
	}{
		{admin, 2 * time.Minute, nil},
		{reception, 3 * time.Minute, ErrForbidden},
		{admin, 10 * time.Second, ErrInvalid},
		{admin, 2 * time.Hour, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.by.Role, tt.d), func(t *testing.T) {
			if err := s.SetIdleLock(ctx, tt.by, tt.d); !errors.Is(err, tt.want) {
				t.Errorf("SetIdleLock: %v, want %v", err, tt.want)
			}
		})
	}
	if d, err := s.IdleLock(ctx); err != nil || d != 2*time.Minute {
		t.Fatalf("idle lock = %s, %v; want 2m", d, err)
	}
}
