package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf16"

	"accueil/intake"
	"accueil/intake/names"
)

// sealedDesk is a desk used the way an office uses one, with synthetic
// persons in five scripts: what the raw-bytes test looks for.
type sealedDesk struct {
	path    string
	persons []intake.Person
	notes   []string
	extra   []string // household name, import label
}

func fillDesk(t *testing.T) sealedDesk {
	t.Helper()
	ctx := context.Background()
	d := sealedDesk{path: filepath.Join(t.TempDir(), "desk.db")}
	s := openLocked(t, d.path)
	admin, err := s.CreateStaff(ctx, nil, "Testadmin", "test admin password", intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	nurse, err := s.CreateStaff(ctx, &admin, "Testnurse", "test nurse password", intake.RoleHealth)
	if err != nil {
		t.Fatal(err)
	}
	base := []intake.Person{
		{Surname: "Testperson", GivenNames: "Alphaname", NNumber: "N 000 000 01", ZEMISNumber: "Z-900000101"},
		{Surname: "Zarqatest", GivenNames: "Bahiratest", SurnameOriginal: "زرقاتست", GivenNamesOriginal: "بهيراتست",
			NNumber: "N 000 000 02", ZEMISNumber: "Z-900000202"},
		{Surname: "Testovaya", GivenNames: "Vetrana", SurnameOriginal: "Тестовая", GivenNamesOriginal: "Ветрана",
			NNumber: "N 000 000 03", ZEMISNumber: "Z-900000303"},
		{Surname: "Mukeratest", GivenNames: "Selamtest", SurnameOriginal: "ሙከራተስት", GivenNamesOriginal: "ሰላምተስት",
			NNumber: "N 000 000 04", ZEMISNumber: "Z-900000404"},
		{Surname: "Sothanaitest", GivenNames: "Kavithest", SurnameOriginal: "சோதனைடெஸ்ட்", GivenNamesOriginal: "கவிதெஸ்ட்",
			NNumber: "N 000 000 05", ZEMISNumber: "Z-900000505"},
	}
	for i, p := range base {
		p.Sex, p.Nationality, p.Permit = intake.SexFemale, "SY", intake.PermitN
		p.BirthDate = intake.MustDate("1991-03-1" + string(rune('0'+i)))
		p.HealthNotes = "Testnote allergy marker " + string(rune('A'+i)) + " penicillintest"
		d.notes = append(d.notes, p.HealthNotes)
		out, _, err := s.SavePerson(ctx, nurse, p, nil)
		if err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
		d.persons = append(d.persons, out)
	}
	d.useDesk(t, s, admin, nurse)
	return d
}

// useDesk edits, merges, groups a household, imports and applies events
// from another desk.
func (d *sealedDesk) useDesk(t *testing.T, s *Store, admin, nurse intake.Staff) {
	t.Helper()
	ctx := context.Background()
	first := d.persons[0]
	first.DietaryNeeds = "Testdiet without lentilstest"
	d.notes = append(d.notes, first.DietaryNeeds)
	_, vers, err := s.Person(ctx, nurse, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.persons[0], _, err = s.SavePerson(ctx, nurse, first, vers); err != nil {
		t.Fatal(err)
	}
	dup, _, err := s.SavePerson(ctx, nurse, intake.Person{Surname: "Testperson", GivenNames: "Alphaname",
		Sex: intake.SexFemale, Nationality: "SY", BirthDate: first.BirthDate}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Merge(ctx, admin, first.ID, dup.ID); err != nil {
		t.Fatal(err)
	}
	h, err := s.SaveHousehold(ctx, admin, intake.Household{Name: "Haushalt Testfamilia"})
	if err != nil {
		t.Fatal(err)
	}
	d.extra = append(d.extra, h.Name)
	imported := intake.Person{Surname: "Importesta", GivenNames: "Gammaname", Sex: intake.SexMale,
		Nationality: "ER", BirthDate: intake.MustDate("1988-07-01"), NNumber: "N 000 000 06"}
	label := "liste-Importesta-Gammaname.csv"
	if _, err := s.Import(ctx, admin, label, []intake.Person{imported}, nil); err != nil {
		t.Fatal(err)
	}
	d.persons = append(d.persons, imported)
	d.extra = append(d.extra, label)
	d.applyFromOtherDesk(t, s)
}

// applyFromOtherDesk saves a person at a second desk and applies its
// events here, as sync does.
func (d *sealedDesk) applyFromOtherDesk(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	other := openTest(t)
	remote := intake.Person{Surname: "Remotesta", GivenNames: "Deltaname", Sex: intake.SexMale,
		Nationality: "AF", BirthDate: intake.MustDate("1979-11-02"), NNumber: "N 000 000 07", ZEMISNumber: "Z-900000707"}
	if _, _, err := other.SavePerson(ctx, reception, remote, nil); err != nil {
		t.Fatal(err)
	}
	evs, err := other.Outbox(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyRemote(ctx, evs); err != nil {
		t.Fatal(err)
	}
	d.persons = append(d.persons, remote)
}

// needles are every form in which a value of the desk could show in the
// file: as typed, folded, transcribed to Latin, normalised, in UTF-8,
// UTF-16LE and UTF-16BE.
func (d sealedDesk) needles() []string {
	var texts []string
	for _, p := range d.persons {
		for _, n := range []string{p.Surname, p.GivenNames, p.SurnameOriginal, p.GivenNamesOriginal} {
			if n != "" {
				texts = append(texts, n, names.Fold(n), names.Latin(n))
			}
		}
		for _, n := range []string{p.NNumber, p.ZEMISNumber} {
			if n != "" {
				texts = append(texts, n, intake.NormaliseIdentifier(n))
			}
		}
		texts = append(texts, sortKey(p))
	}
	texts = append(append(texts, d.notes...), d.extra...)
	return dedupe(slices.DeleteFunc(texts, func(s string) bool { return len(s) < 5 }))
}

func encodings(s string) map[string][]byte {
	u := utf16.Encode([]rune(s))
	le, be := make([]byte, 2*len(u)), make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(le[2*i:], c)
		binary.BigEndian.PutUint16(be[2*i:], c)
	}
	return map[string][]byte{"UTF-8": []byte(s), "UTF-16LE": le, "UTF-16BE": be}
}

// A copy of the desk's files after realistic use holds none of the
// names, numbers or notes, in any script or encoding; a login finds them
// all again.
func TestNoPlaintextOnDisk(t *testing.T) {
	d := fillDesk(t)
	copyDir := t.TempDir()
	var raw []byte
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(d.path + suffix)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(copyDir, "copy"+suffix), b, 0o600); err != nil {
			t.Fatal(err)
		}
		raw = append(raw, b...)
	}
	if len(raw) < 4096 {
		t.Fatalf("only %d bytes copied", len(raw))
	}
	needles := d.needles()
	for _, n := range needles {
		for enc, b := range encodings(n) {
			if bytes.Contains(raw, b) {
				t.Errorf("the database holds %q in %s", n, enc)
			}
		}
	}
	t.Logf("%d bytes searched for %d values", len(raw), len(needles))
	s := openLocked(t, filepath.Join(copyDir, "copy"))
	if _, err := s.Authenticate(context.Background(), "Testadmin", "test admin password"); err != nil {
		t.Fatal(err)
	}
	for _, p := range d.persons {
		for _, q := range []string{p.Surname + " " + p.GivenNames, p.NNumber} {
			if q == "" || q == " " {
				continue
			}
			got, err := s.Search(context.Background(), admin, q, 10)
			if err != nil || len(got) == 0 {
				t.Errorf("search %q after login: %d results, %v", q, len(got), err)
			}
		}
	}
	mustCheck(t, s)
}

// The control for the test above: the same search finds plaintext.
func TestNeedleSearchFindsPlaintext(t *testing.T) {
	raw := []byte("xx" + string(encodings("Тестовая")["UTF-16LE"]) + "yy")
	if !bytes.Contains(raw, encodings("Тестовая")["UTF-16LE"]) {
		t.Fatal("needle search misses an encoded value")
	}
}

func TestLockedStoreRefuses(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	s := openLocked(t, path)
	admin, err := s.CreateStaff(ctx, nil, "Testadmin", "test admin password", intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := save(t, s, admin, person("Testperson", "Alphaname", "N 000 000 01"), nil)
	s.Lock()
	calls := map[string]func() error{
		"save": func() error {
			_, _, err := s.SavePerson(ctx, admin, person("Testperson", "Betaname", ""), nil)
			return err
		},
		"person":  func() error { _, _, err := s.Person(ctx, admin, p.ID); return err },
		"history": func() error { _, err := s.History(ctx, admin, p.ID); return err },
		"search":  func() error { _, err := s.Search(ctx, admin, "Testperson", 10); return err },
		"list":    func() error { _, _, err := s.List(ctx, admin, ListAll, today(), 10, 0); return err },
		"dups":    func() error { _, err := s.Duplicates(ctx, admin, p); return err },
		"export":  func() error { _, err := s.Export(ctx, admin); return err },
		"outbox":  func() error { _, err := s.Outbox(ctx, 0); return err },
		"check":   func() error { return s.Check(ctx) },
		"create staff": func() error {
			_, err := s.CreateStaff(ctx, &admin, "Testsecond", "test second password", intake.RoleReception)
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			if err := call(); !errors.Is(err, ErrLocked) {
				t.Fatalf("err = %v, want ErrLocked", err)
			}
		})
	}
	if _, err := s.Authenticate(ctx, "Testadmin", "wrong password!"); !errors.Is(err, ErrBadLogin) || !s.Locked() {
		t.Fatalf("wrong password: err = %v, locked = %v", err, s.Locked())
	}
	if _, err := s.Authenticate(ctx, "Testadmin", "test admin password"); err != nil || s.Locked() {
		t.Fatalf("login: err = %v, locked = %v", err, s.Locked())
	}
	if got, _, err := s.Person(ctx, admin, p.ID); err != nil || got.Surname != "Testperson" {
		t.Fatalf("after login: %v %q", err, got.Surname)
	}
}

func TestPasswordChangeAndReset(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	s := openLocked(t, path)
	admin, err := s.CreateStaff(ctx, nil, "Testadmin", "test admin password", intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	clerk, err := s.CreateStaff(ctx, &admin, "Testclerk", "test clerk password", intake.RoleReception)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := save(t, s, admin, person("Testperson", "Alphaname", "N 000 000 01"), nil)
	if err := s.ChangePassword(ctx, clerk, "not the password", "test clerk new one"); !errors.Is(err, ErrBadLogin) {
		t.Fatalf("change with a wrong old password: %v", err)
	}
	if err := s.ChangePassword(ctx, clerk, "test clerk password", "short"); !errors.Is(err, ErrWeakPassword) {
		t.Fatalf("change to a short password: %v", err)
	}
	if err := s.ChangePassword(ctx, clerk, "test clerk password", "test clerk new one"); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetPassword(ctx, clerk, admin.ID, "taken over account"); !errors.Is(err, ErrForbidden) {
		t.Fatalf("reset by a clerk: %v", err)
	}
	if err := s.ResetPassword(ctx, admin, clerk.ID, "test clerk reset pw"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	logins := []struct {
		name, password string
		ok             bool
	}{
		{"Testclerk", "test clerk password", false},
		{"Testclerk", "test clerk new one", false},
		{"Testclerk", "test clerk reset pw", true},
		{"Testadmin", "test admin password", true},
	}
	for _, l := range logins {
		t.Run(l.password, func(t *testing.T) {
			s := openLocked(t, path)
			_, err := s.Authenticate(ctx, l.name, l.password)
			if (err == nil) != l.ok || s.Locked() == l.ok {
				t.Fatalf("login: err = %v, locked = %v", err, s.Locked())
			}
			if !l.ok {
				return
			}
			if got, _, err := s.Person(ctx, admin, p.ID); err != nil || got.NNumber != "N 000 000 01" {
				t.Fatalf("data after login: %v", err)
			}
		})
	}
	s = openLocked(t, path)
	actions := map[Action]int{}
	entries, err := s.Audit(ctx, admin, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		actions[e.Action]++
	}
	if actions[ActionPasswordChange] != 1 || actions[ActionPasswordReset] != 1 {
		t.Fatalf("audit: %v", actions)
	}
}

// Roles hold in the store, through the sealed paths too: reception
// reads no health note in a file, its history or an export.
func TestRolesThroughSealedReads(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := person("Testrole", "Alphaname", "N 000 000 61")
	p.HealthNotes = "Rolenote diabetestest"
	p, _ = save(t, s, health, p, nil)
	roles := []struct {
		staff intake.Staff
		sees  bool
	}{{reception, false}, {admin, false}, {health, true}}
	for _, r := range roles {
		t.Run(string(r.staff.Role), func(t *testing.T) {
			got, _, err := s.Person(ctx, r.staff, p.ID)
			if err != nil || (got.HealthNotes != "") != r.sees {
				t.Fatalf("person: note %q, %v", got.HealthNotes, err)
			}
			evs, err := s.History(ctx, r.staff, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			inHistory := slices.ContainsFunc(evs, func(ev intake.Event) bool {
				return slices.ContainsFunc(ev.Changes, func(c intake.Change) bool { return c.Field == intake.FieldHealthNotes })
			})
			exp, err := s.Export(ctx, r.staff)
			if err != nil || len(exp) != 1 {
				t.Fatalf("export: %d, %v", len(exp), err)
			}
			if inHistory != r.sees || (exp[0].HealthNotes != "") != r.sees {
				t.Fatalf("history shows the note: %v, export: %q", inHistory, exp[0].HealthNotes)
			}
		})
	}
}
