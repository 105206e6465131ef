package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"accueil/intake"
)

// legacyDesk writes, with plain SQL, a database as the desk made it
// before encryption at rest: migration 0001 only, plaintext events, rows,
// search keys and import label. It returns what must not survive.
func legacyDesk(t *testing.T, path string) (staffName, password string, needles []string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	init, err := migrationFiles.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	hash, err := cheapKDF.hash("legacy admin password")
	if err != nil {
		t.Fatal(err)
	}
	clock := NewClock(time.Now, intake.Timestamp{})
	stmts := []struct {
		q    string
		args []any
	}{
		{string(init), nil},
		{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)`, nil},
		{`INSERT INTO schema_migrations VALUES (1, '2026-01-01T00:00:00Z')`, nil},
		{`INSERT INTO meta VALUES ('desk_id', 'desk-legacy'), ('hlc', '')`, nil},
		{`INSERT INTO staff (id, name, name_key, role, password, created) VALUES ('s1', 'Legacyadmin', 'legacyadmin', 'admin', ?, '')`, []any{hash}},
		{`INSERT INTO imports (id, label, time, staff, count) VALUES ('imp-1', 'liste-Altformat-Testname.csv', '', 's1', 1)`, nil},
		// What the old code derived from the log, in clear.
		{`INSERT INTO search_keys VALUES ('altformat', 'altformat', 'p1')`, nil},
		{`INSERT INTO households VALUES ('h1', 'Haushalt Altformat')`, nil},
	}
	p := intake.Person{ID: "p1", Surname: "Altformat", GivenNames: "Testname", SurnameOriginal: "آلتفورمات",
		Sex: intake.SexFemale, Nationality: "SY", BirthDate: intake.MustDate("1990-02-03"),
		NNumber: "N 000 000 09", HealthNotes: "Legacynote asthma inhalertest", Status: intake.StatusArrived}
	for _, ev := range []struct {
		id, entity string
		et         intake.EntityType
		changes    []intake.Change
	}{
		{"e1", "p1", intake.EntityPerson, changesOf(p)},
		{"e2", "h1", intake.EntityHousehold, []intake.Change{{Field: intake.FieldHouseholdName, Value: "Haushalt Altformat"}}},
	} {
		b, _ := json.Marshal(ev.changes)
		stmts = append(stmts, struct {
			q    string
			args []any
		}{`INSERT INTO events (id, entity_type, entity_id, changes, hlc, desk, staff, schema) VALUES (?, ?, ?, ?, ?, 'desk-legacy', 's1', 1)`,
			[]any{ev.id, string(ev.et), ev.entity, string(b), clock.Now().String()}})
	}
	for _, st := range stmts {
		if _, err := db.Exec(st.q, st.args...); err != nil {
			t.Fatalf("%s: %v", st.q, err)
		}
	}
	return "Legacyadmin", "legacy admin password",
		[]string{"Altformat", "altformat", "Testname", "آلتفورمات", "N 000 000 09", "N00000009", "Legacynote asthma", "liste-Altformat"}
}

func changesOf(p intake.Person) []intake.Change {
	var out []intake.Change
	for f, v := range p.Values() {
		if v != "" {
			out = append(out, intake.Change{Field: f, Value: v})
		}
	}
	return out
}

// A database from before encryption at rest is sealed in place at the
// first login, in one go, and nothing of its plaintext stays in the file.
func TestLegacyDatabaseEncryptedAtFirstLogin(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	name, pw, needles := legacyDesk(t, path)
	raw := func() []byte {
		var all []byte
		for _, suffix := range []string{"", "-wal"} {
			b, _ := os.ReadFile(path + suffix)
			all = append(all, b...)
		}
		return all
	}
	s := openLocked(t, path)
	if !bytes.Contains(raw(), []byte("Altformat")) {
		t.Fatal("the legacy database holds no plaintext: the test tests nothing")
	}
	if _, err := s.Search(ctx, admin, "Altformat", 5); err == nil {
		t.Fatal("a locked legacy desk searched")
	}
	st, err := s.Authenticate(ctx, name, pw)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range needles {
		if bytes.Contains(raw(), []byte(n)) {
			t.Errorf("after the first login the file still holds %q", n)
		}
	}
	got, err := s.Search(ctx, st, "Altformat Testname", 5)
	if err != nil || len(got) != 1 || got[0].NNumber != "N 000 000 09" {
		t.Fatalf("search after encryption: %v %v", got, err)
	}
	if p, _, err := s.Person(ctx, health, "p1"); err != nil || p.HealthNotes == "" {
		t.Fatalf("person after encryption: %v", err)
	}
	if h, _, err := s.Household(ctx, st, "h1"); err != nil || h.Name != "Haushalt Altformat" {
		t.Fatalf("household after encryption: %q %v", h.Name, err)
	}
	if ims, err := s.Imports(ctx, st); err != nil || len(ims) != 1 || ims[0].Label != "liste-Altformat-Testname.csv" {
		t.Fatalf("imports after encryption: %v %v", ims, err)
	}
	mustCheck(t, s)
	s.Close()
	again := openLocked(t, path)
	if _, err := again.Authenticate(ctx, name, pw); err != nil {
		t.Fatalf("second login: %v", err)
	}
	mustCheck(t, again)
}
