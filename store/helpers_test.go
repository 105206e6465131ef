package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"accueil/intake"
	"accueil/seal"
)

// Staff of the tests. The store trusts the caller's Staff (the UI got it
// from Authenticate), so most tests need no accounts.
var (
	reception  = intake.Staff{ID: "staff-reception", Name: "reception", Role: intake.RoleReception}
	health     = intake.Staff{ID: "staff-health", Name: "health", Role: intake.RoleHealth}
	admin      = intake.Staff{ID: "staff-admin", Name: "admin", Role: intake.RoleAdmin}
	counsellor = intake.Staff{ID: "staff-counsellor", Name: "counsellor", Role: intake.RoleCounsellor}
)

// cheapKDF keeps password hashing fast in tests.
var cheapKDF = kdfParams{time: 1, memory: 64, threads: 1, keyLen: 32}

// openTest opens a store in a fresh temporary directory.
func openTest(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "desk.db"))
}

// openAt opens the store at path and unlocks it with a data key kept
// for tests under a key wrap of its own, so that most tests need no
// accounts.
func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s := openLocked(t, path)
	unlockTest(t, s)
	return s
}

// openLocked opens the store at path as the desk does: locked.
func openLocked(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	s.kdf = cheapKDF
	t.Cleanup(func() { s.Close() })
	return s
}

// The wrap of the tests' data key.
const testKeyID, testKeyPassword = "test-key", "test key password"

func unlockTest(t testing.TB, s *Store) {
	t.Helper()
	ctx := context.Background()
	w, err := s.wrapOf(ctx, testKeyID)
	var dk *seal.Key
	switch {
	case err == nil:
		dk, err = seal.Unwrap(testKeyPassword, w)
	case isNoRows(err):
		if dk, err = seal.NewKey(); err == nil {
			err = s.write(ctx, func(tx *txn) error {
				w, err := seal.Wrap(testKeyPassword, dk, s.wrapKDF())
				if err != nil {
					return err
				}
				return tx.storeWrap(testKeyID, w)
			})
		}
	}
	if err == nil {
		err = s.unlock(ctx, dk)
	}
	if err != nil {
		t.Fatalf("unlock: %v", err)
	}
}

func today() intake.Date { return intake.DateOf(time.Now()) }

// person is a clearly fictitious file: invented surname, common given
// name, a made-up N number.
func person(surname, given, n string) intake.Person {
	return intake.Person{
		Surname:     surname,
		GivenNames:  given,
		Sex:         intake.SexFemale,
		BirthDate:   intake.MustDate("1990-04-12"),
		Nationality: "SY",
		NNumber:     n,
		Permit:      intake.PermitN,
	}
}

func save(t testing.TB, s *Store, by intake.Staff, p intake.Person, seen Versions) (intake.Person, Versions) {
	t.Helper()
	out, vers, err := s.SavePerson(context.Background(), by, p, seen)
	if err != nil {
		t.Fatalf("save person: %v", err)
	}
	return out, vers
}

func mustCheck(t testing.TB, s *Store) {
	t.Helper()
	if err := s.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func countRows(t testing.TB, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func ids(sums []Summary) []string {
	out := make([]string, len(sums))
	for i, s := range sums {
		out[i] = s.ID
	}
	return out
}
