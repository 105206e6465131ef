package ui

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/intake"
	"accueil/store"
)

func TestAdminSetsIdleTimeAndUnlocksAnAccount(t *testing.T) {
	f := newFixtureAt(t, language.German)
	f.loginAs("admin", intake.RoleAdmin)
	ctx := context.Background()
	boss := *f.desk.staff
	desk1, err := f.store.CreateStaff(ctx, &boss, "desk1", testPassword, intake.RoleReception)
	if err != nil {
		t.Fatal(err)
	}
	// Ten failures in a row take minutes of waiting; the lock they leave
	// is written as the store writes it.
	lockName(t, f.path, "desk1")
	test.Tap(f.desk.Home.Staff)
	sec := f.desk.StaffAdmin.Security
	if sec == nil || sec.IdleMinutes.Text != "5" {
		t.Fatalf("security part missing or default idle time not 5 minutes: %+v", sec)
	}
	typeInto(sec.IdleMinutes, "90")
	test.Tap(sec.SaveIdle)
	if sec.Error.Text == "" {
		t.Error("90 minutes accepted")
	}
	typeInto(sec.IdleMinutes, "2")
	test.Tap(sec.SaveIdle)
	if got, err := f.store.IdleLock(ctx); err != nil || got != 2*time.Minute || f.desk.sec.idle != 2*time.Minute {
		t.Errorf("idle lock = %s, %v (desk %s), want 2m", got, err, f.desk.sec.idle)
	}

	b := sec.Unlock[desk1.ID]
	if b == nil {
		t.Fatal("no unlock button for the locked account")
	}
	test.Tap(b)
	if _, err := f.store.Authenticate(ctx, "desk1", testPassword); err != nil {
		t.Errorf("after unlock: %v", err)
	}
}

// pathFixture is a fixture whose database path the test knows.
type pathFixture struct {
	*fixture
	path string
}

func newFixtureAt(t *testing.T, lang language.Tag) pathFixture {
	f := newFixture(t, lang)
	path := filepath.Join(t.TempDir(), "desk.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f.store = st
	f.desk.store = st
	return pathFixture{f, path}
}

func lockName(t *testing.T, path, name string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	until := time.Now().Add(store.LockoutTime).UTC().Format(time.RFC3339)
	if _, err := db.Exec(`INSERT INTO login_failures VALUES (?, ?, ?, ?)`, name, store.LockoutFailures,
		time.Now().UTC().Format(time.RFC3339Nano), until); err != nil {
		t.Fatal(err)
	}
}
