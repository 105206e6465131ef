package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"accueil/intake"
	"accueil/seal"
)

// Shredding a file's key makes its past events unreadable; the log,
// Check, Rebuild, history and sync take them as anonymised, not damaged.
func TestShredAnonymisesEvents(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	gone, vers := save(t, s, reception, person("Testshred", "Alphaname", "N 000 000 31"), nil)
	gone.Surname = "Testshredded"
	save(t, s, reception, gone, vers)
	kept, _ := save(t, s, reception, person("Testkept", "Betaname", "N 000 000 32"), nil)
	sent, err := s.Outbox(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.write(ctx, func(tx *txn) error { return s.shred(tx, gone.ID) }); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Person(ctx, reception, gone.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("shredded person: %v", err)
	}
	if evs, err := s.History(ctx, reception, gone.ID); err != nil || len(evs) != 0 {
		t.Fatalf("shredded history: %d events, %v", len(evs), err)
	}
	for _, q := range []string{"Testshred", "N 000 000 31"} {
		if got, err := s.Search(ctx, reception, q, 5); err != nil || len(got) != 0 {
			t.Fatalf("search %q finds the shredded file: %v %v", q, got, err)
		}
	}
	if got, err := s.Search(ctx, reception, "Testkept", 5); err != nil || len(got) != 1 || got[0].ID != kept.ID {
		t.Fatalf("search for the other file: %v %v", got, err)
	}
	mustCheck(t, s)
	if err := s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
	if _, err := s.ApplyRemote(ctx, sent); err != nil {
		t.Fatalf("the central sending the shredded events again: %v", err)
	}
	evs, err := s.Outbox(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		if ev.EntityID == gone.ID && len(ev.Changes) > 0 {
			t.Fatal("an event of the shredded file still reads")
		}
	}
}

// An index is rebuilt when another process wrote the database.
func TestIndexFollowsOtherProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	a, b := openAt(t, path), openAt(t, path)
	if got, err := b.Search(ctx, reception, "Testfar", 5); err != nil || len(got) != 0 {
		t.Fatalf("before: %v %v", got, err)
	}
	p, _ := save(t, a, reception, person("Testfar", "Gammaname", "N 000 000 41"), nil)
	save(t, b, reception, person("Testnear", "Deltaname", "N 000 000 42"), nil)
	for _, st := range []*Store{a, b} {
		for _, q := range []string{"Testfar", "Testnear"} {
			if got, err := st.Search(ctx, reception, q, 5); err != nil || len(got) != 1 {
				t.Fatalf("search %q: %v %v", q, got, err)
			}
		}
	}
	if _, total, err := b.List(ctx, reception, ListAll, today(), 10, 0); err != nil || total != 2 {
		t.Fatalf("list: %d %v", total, err)
	}
	if got, err := b.Search(ctx, reception, "000 000 41", 5); err != nil || len(got) != 1 || got[0].ID != p.ID {
		t.Fatalf("number search: %v %v", got, err)
	}
}

// Accounts managed by the central log in at a desk offline: their record
// carries the deployment key wrapped under their password, and the desk
// keeps its data key wrapped under the deployment key.
func TestDeploymentKeyLogin(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	s := openLocked(t, path)
	boss, err := s.CreateStaff(ctx, nil, "Testadmin", "test admin password", intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := save(t, s, boss, person("Testcentral", "Alphaname", "N 000 000 51"), nil)
	kd, err := seal.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	rec := centralRecord(t, "c-1", "Testcentral Clerk", "central clerk password", kd, 3)
	if err := s.AdoptDeploymentKey(ctx, reception, kd); !errors.Is(err, ErrForbidden) {
		t.Fatalf("adopt by reception: %v", err)
	}
	if err := s.AdoptDeploymentKey(ctx, boss, kd); err != nil {
		t.Fatal(err)
	}
	s.Lock()
	older := rec
	older.Version, older.Role = 2, intake.RoleAdmin
	if err := s.ApplyStaffRecords(ctx, []intake.StaffRecord{rec, older}); err != nil {
		t.Fatalf("apply while locked: %v", err)
	}
	st, err := s.Authenticate(ctx, "Testcentral Clerk", "central clerk password")
	if err != nil {
		t.Fatal(err)
	}
	if st.Role != intake.RoleReception {
		t.Fatalf("an older record won: role %s", st.Role)
	}
	if got, _, err := s.Person(ctx, st, p.ID); err != nil || got.Surname != "Testcentral" {
		t.Fatalf("data after a central login: %v", err)
	}
	s.Lock()
	if _, err := s.Authenticate(ctx, "Testcentral Clerk", "wrong password!!"); !errors.Is(err, ErrBadLogin) || !s.Locked() {
		t.Fatalf("wrong password: %v", err)
	}
	// A new desk whose first login is a central account makes its key
	// under the deployment key; a desk with a key of its own needs an
	// admin to adopt the deployment key first.
	fresh := openLocked(t, filepath.Join(t.TempDir(), "fresh.db"))
	if err := fresh.ApplyStaffRecords(ctx, []intake.StaffRecord{rec}); err != nil {
		t.Fatal(err)
	}
	if _, err := fresh.Authenticate(ctx, "Testcentral Clerk", "central clerk password"); err != nil || fresh.Locked() {
		t.Fatalf("first login on a new desk: %v", err)
	}
	fresh.Lock()
	if _, err := fresh.Authenticate(ctx, "Testcentral Clerk", "central clerk password"); err != nil || fresh.Locked() {
		t.Fatalf("second login on a new desk: %v", err)
	}
	own := openLocked(t, filepath.Join(t.TempDir(), "own.db"))
	if _, err := own.CreateStaff(ctx, nil, "Testadmin", "test admin password", intake.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	own.Lock()
	if err := own.ApplyStaffRecords(ctx, []intake.StaffRecord{rec}); err != nil {
		t.Fatal(err)
	}
	if _, err := own.Authenticate(ctx, "Testcentral Clerk", "central clerk password"); !errors.Is(err, ErrNoKey) || !own.Locked() {
		t.Fatalf("desk that never adopted the deployment key: %v", err)
	}
}

func centralRecord(t *testing.T, id, name, password string, kd *seal.Key, version int64) intake.StaffRecord {
	t.Helper()
	hash, err := cheapKDF.hash(password)
	if err != nil {
		t.Fatal(err)
	}
	w, err := seal.Wrap(password, kd, seal.KDF{Time: 1, Memory: 64, Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	return intake.StaffRecord{
		Staff:        intake.Staff{ID: id, Name: name, Role: intake.RoleReception},
		PasswordHash: hash, KeyWrap: w, Version: version,
	}
}

// An account made before encryption at rest gets its wrap at its first
// login on an unlocked desk; on a locked desk it is told it has no key.
func TestAccountWithoutWrap(t *testing.T) {
	ctx := context.Background()
	s := openLocked(t, filepath.Join(t.TempDir(), "desk.db"))
	boss, err := s.CreateStaff(ctx, nil, "Testadmin", "test admin password", intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	clerk, err := s.CreateStaff(ctx, &boss, "Testclerk", "test clerk password", intake.RoleReception)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(`DELETE FROM key_wraps WHERE staff_id = ?`, clerk.ID); err != nil {
		t.Fatal(err)
	}
	s.Lock()
	if _, err := s.Authenticate(ctx, "Testclerk", "test clerk password"); !errors.Is(err, ErrNoKey) || !s.Locked() {
		t.Fatalf("locked desk: %v", err)
	}
	if _, err := s.Authenticate(ctx, "Testadmin", "test admin password"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "Testclerk", "test clerk password"); err != nil {
		t.Fatalf("unlocked desk: %v", err)
	}
	s.Lock()
	if _, err := s.Authenticate(ctx, "Testclerk", "test clerk password"); err != nil || s.Locked() {
		t.Fatalf("own wrap: %v", err)
	}
}

// A central account whose login name a local account already has is left
// out (and audited); the other accounts of the batch still arrive.
func TestCentralAccountWithLocalNameIsLeftOut(t *testing.T) {
	ctx := context.Background()
	s := openLocked(t, filepath.Join(t.TempDir(), "desk.db"))
	boss, err := s.CreateStaff(ctx, nil, "Testadmin", "test admin password", intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	kd, err := seal.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AdoptDeploymentKey(ctx, boss, kd); err != nil {
		t.Fatal(err)
	}
	clash := centralRecord(t, "c-1", "testadmin", "central admin password", kd, 1)
	clerk := centralRecord(t, "c-2", "Testcentral Clerk", "central clerk password", kd, 1)
	if err := s.ApplyStaffRecords(ctx, []intake.StaffRecord{clash, clerk}); err != nil {
		t.Fatalf("a name clash blocked the batch: %v", err)
	}
	s.Lock()
	if _, err := s.Authenticate(ctx, "Testadmin", "central admin password"); err == nil {
		t.Fatal("the central account took over the local account's name")
	}
	if _, err := s.Authenticate(ctx, "Testadmin", "test admin password"); err != nil {
		t.Fatalf("local account after the clash: %v", err)
	}
	if _, err := s.Authenticate(ctx, "Testcentral Clerk", "central clerk password"); err != nil {
		t.Fatalf("the other central account did not arrive: %v", err)
	}
	rows, err := s.AuditQuery(ctx, boss, AuditQuery{Actions: []Action{ActionStaffSync}})
	if err != nil {
		t.Fatal(err)
	}
	left := 0
	for _, r := range rows {
		if r.EntityID == "c-1" && r.Event == staffNameTaken {
			left++
		}
	}
	if left != 1 {
		t.Fatalf("audit of the left-out account: %d rows", left)
	}
}
