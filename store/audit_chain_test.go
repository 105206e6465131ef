package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strconv"
	"testing"

	"accueil/intake"
)

// auditedDesk makes a desk with a few audited writes and reads, closes it
// and returns its path.
func auditedDesk(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "desk.db")
	s := openAt(t, path)
	p, vers := save(t, s, reception, person("Testperson", "Alpha", "N 000 000 01"), nil)
	p.DietaryNeeds = "sans porc"
	save(t, s, reception, p, vers)
	if _, _, err := s.Person(context.Background(), counsellor, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Export(context.Background(), admin); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// tamper changes the file as an attacker with the raw file would: the
// append-only triggers dropped first.
func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range append([]string{`DROP TRIGGER audit_no_update`, `DROP TRIGGER audit_no_delete`}, stmts...) {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestVerifyAuditDetectsTampering(t *testing.T) {
	tests := []struct {
		name    string
		stmts   []string
		problem AuditProblem
		at      int64
	}{
		{"untouched", nil, AuditIntact, 0},
		{"edited staff", []string{`UPDATE audit SET staff = 'someone-else' WHERE seq = 3`}, AuditAltered, 3},
		{"edited action", []string{`UPDATE audit SET action = 'read' WHERE seq = 2`}, AuditAltered, 2},
		{"deleted row", []string{`DELETE FROM audit WHERE seq = 2`}, AuditBrokenLink, 3},
		{"deleted first row", []string{`DELETE FROM audit WHERE seq = 1`}, AuditBrokenLink, 2},
		{"deleted and renumbered", []string{`DELETE FROM audit WHERE seq = 2`,
			`UPDATE audit SET seq = seq - 1 WHERE seq > 2`}, AuditBrokenLink, 2},
		{"inserted row", []string{`INSERT INTO audit (seq, id, time, hlc, desk, staff, action, entity_type, entity_id, event_id, prev_hash, hash)
			SELECT max(seq) + 1, 'forged', time, hlc, desk, staff, 'read', entity_type, entity_id, '', hash, hash FROM audit`}, AuditAltered, 5},
		{"swapped rows", []string{`UPDATE audit SET seq = -1 WHERE seq = 2`, `UPDATE audit SET seq = 2 WHERE seq = 3`,
			`UPDATE audit SET seq = 3 WHERE seq = -1`}, AuditBrokenLink, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := auditedDesk(t)
			tamper(t, path, tt.stmts...)
			s := openAt(t, path)
			c, err := s.VerifyAudit(context.Background(), admin)
			if err != nil {
				t.Fatal(err)
			}
			if c.Problem != tt.problem || c.At != tt.at {
				t.Errorf("VerifyAudit = %s at %d, want %q at %d", c.Problem, c.At, tt.problem, tt.at)
			}
			if c.Rows < 3 || c.Head == "" {
				t.Errorf("VerifyAudit read %d rows, head %q", c.Rows, c.Head)
			}
		})
	}
}

func TestVerifyAuditAdminsOnly(t *testing.T) {
	s := openTest(t)
	for _, by := range []intake.Staff{reception, counsellor, health} {
		if _, err := s.VerifyAudit(context.Background(), by); !isForbidden(err) {
			t.Errorf("%s: VerifyAudit error %v, want forbidden", by.Role, err)
		}
	}
}

func TestAuditChainContinuesAfterVerify(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	save(t, s, reception, person("Testperson", "Beta", "N 000 000 02"), nil)
	for range 3 {
		c, err := s.VerifyAudit(ctx, admin)
		if err != nil || !c.OK() {
			t.Fatalf("VerifyAudit = %+v, %v", c, err)
		}
	}
}

// A desk written before the chain existed gets its rows chained by the
// migration.
func TestMigrationChainsExistingAudit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	old, err := migrationFiles.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{
		string(old),
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)`,
		`INSERT INTO schema_migrations VALUES (1, '2026-01-01T00:00:00Z')`,
	}
	for i := range 50 {
		stmts = append(stmts, `INSERT INTO audit (id, time, hlc, desk, staff, action, entity_type, entity_id, event_id)
			VALUES ('row-`+strconv.Itoa(i)+`', '2026-01-01T10:00:00Z', '000000000000001.0000000000', 'desk', 'staff-admin', 'login', 'staff', 'staff-admin', '')`)
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("old desk: %v", err)
		}
	}
	db.Close()

	s := openAt(t, path)
	c, err := s.VerifyAudit(context.Background(), admin)
	if err != nil {
		t.Fatal(err)
	}
	if !c.OK() || c.Rows != 50 || c.LastSeq != 50 {
		t.Errorf("after migration: %+v, want 50 intact rows", c)
	}
}

func isForbidden(err error) bool { return errors.Is(err, ErrForbidden) }
