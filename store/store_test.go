package store

import (
	"context"
	"path/filepath"
	"testing"
)

func TestOpenKeepsDeskIDAndMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "desk.db")
	s1, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	desk := s1.DeskID()
	if len(desk) != 36 || desk[14] != '7' {
		t.Fatalf("desk ID %q is not a UUIDv7", desk)
	}
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := openAt(t, path)
	if s2.DeskID() != desk {
		t.Errorf("desk ID changed on reopen: %q then %q", desk, s2.DeskID())
	}
	files, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if got := countRows(t, s2, "schema_migrations"); got != len(files) {
		t.Errorf("schema_migrations has %d rows, want %d", got, len(files))
	}
}

func TestOpenSettings(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	tests := []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"synchronous", "2"}, // FULL
		{"busy_timeout", "10000"},
	}
	for _, db := range []struct {
		name string
		q    querier
	}{{"writer", nil}, {"reader", s.reader(ctx)}} {
		for _, tt := range tests {
			t.Run(db.name+"/"+tt.pragma, func(t *testing.T) {
				var got string
				var err error
				if db.q == nil {
					err = s.w.QueryRowContext(ctx, "PRAGMA "+tt.pragma).Scan(&got)
				} else {
					err = db.q.queryRow("PRAGMA " + tt.pragma).Scan(&got)
				}
				if err != nil {
					t.Fatal(err)
				}
				if got != tt.want {
					t.Errorf("PRAGMA %s = %s, want %s", tt.pragma, got, tt.want)
				}
			})
		}
	}
}

func TestEventsAreAppendOnly(t *testing.T) {
	s := openTest(t)
	save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
	for _, q := range []string{`UPDATE events SET staff = 'x'`, `DELETE FROM events`, `DELETE FROM audit`} {
		if _, err := s.w.Exec(q); err == nil {
			t.Errorf("%s succeeded", q)
		}
	}
}
