package central

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"accueil/intake"
	"accueil/replication"
)

// openTestVault opens a sealed central in a fresh folder.
func openTestVault(t *testing.T) *Vault {
	t.Helper()
	dir := t.TempDir()
	v, err := Open(context.Background(), dir, DefaultKeyFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v
}

// personal is what the sealed-file tests look for in raw bytes.
var personal = []string{"Testperson Alpha", "N 000 000 01", "Zeugin Beta"}

func personalEvents(desk string) []intake.Event {
	return []intake.Event{
		{ID: desk + "-1", EntityType: intake.EntityPerson, EntityID: "p1", Desk: desk, Schema: intake.SchemaVersion,
			Time: intake.Timestamp{Wall: 1}, Changes: []intake.Change{
				{Field: intake.FieldSurname, Value: personal[0]}, {Field: intake.FieldNNumber, Value: personal[1]}}},
		{ID: desk + "-2", EntityType: intake.EntityPerson, EntityID: "p2", Desk: desk, Schema: intake.SchemaVersion,
			Time: intake.Timestamp{Wall: 2}, Changes: []intake.Change{{Field: intake.FieldSurname, Value: personal[2]}}},
	}
}

// assertNoPlaintext reads the database and its journal files raw.
func assertNoPlaintext(t *testing.T, dir string) {
	t.Helper()
	if found := plaintextIn(t, dir); found != "" {
		t.Fatal(found)
	}
}

func plaintextIn(t *testing.T, dir string) string {
	t.Helper()
	for _, suffix := range []string{"", "-wal", "-journal"} {
		raw, err := os.ReadFile(filepath.Join(dir, DatabaseFile+suffix))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range personal {
			if bytes.Contains(raw, []byte(s)) {
				return DatabaseFile + suffix + " holds " + s + " in clear"
			}
		}
	}
	return ""
}

// TestVaultSealsEvents: pushed events reach the file sealed, come back
// whole, and replays are judged on content.
func TestVaultSealsEvents(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	v, err := Open(ctx, dir, DefaultKeyFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	evs := personalEvents("d1")
	if stored, _, err := v.Push(ctx, "d1", evs); err != nil || stored != 2 {
		t.Fatalf("push: %d %v", stored, err)
	}
	if stored, _, err := v.Push(ctx, "d1", evs); err != nil || stored != 0 {
		t.Fatalf("identical replay: %d %v", stored, err)
	}
	changed := personalEvents("d1")[:1]
	changed[0].Changes[0].Value = "Testperson Gamma"
	var ce *ConflictError
	if _, _, err := v.Push(ctx, "d1", changed); !errors.As(err, &ce) {
		t.Fatalf("same ID, other content: %v", err)
	}
	assertPulledBack(t, v, evs)
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	assertNoPlaintext(t, dir)
	fi, err := os.Stat(DefaultKeyFile(dir))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi, err)
	}
}

func assertPulledBack(t *testing.T, v *Vault, evs []intake.Event) {
	t.Helper()
	p, err := v.Pull(context.Background(), 0, 10)
	if err != nil || len(p.Events) != len(evs) {
		t.Fatalf("pull: %d events, %v", len(p.Events), err)
	}
	for i, ev := range evs {
		want, _ := replication.Canonical(ev)
		if !bytes.Equal(p.Events[i], want) {
			t.Fatalf("event %d came back as %s", i, p.Events[i])
		}
	}
}

// TestVaultKeyFile: a sealed database does not start without its key or
// with another one, and says what to do.
func TestVaultKeyFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	key := DefaultKeyFile(dir)
	v, err := Open(ctx, dir, key)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := v.Push(ctx, "d1", personalEvents("d1")); err != nil {
		t.Fatal(err)
	}
	v.Close()
	other := t.TempDir()
	if v, err := Open(ctx, other, DefaultKeyFile(other)); err != nil {
		t.Fatal(err)
	} else {
		v.Close()
	}
	tests := []struct {
		name, keyFile, want string
		wantErr             error
	}{
		{"missing", filepath.Join(dir, "keys", "gone.key"), "restore the key file", ErrKeyMissing},
		{"another database's key", DefaultKeyFile(other), "does not belong", ErrWrongKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(ctx, dir, tt.keyFile)
			if !errors.Is(err, tt.wantErr) || !bytes.Contains([]byte(err.Error()), []byte(tt.want)) {
				t.Fatalf("open: %v; want %v saying %q", err, tt.wantErr, tt.want)
			}
		})
	}
	if err := os.Chmod(key, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, dir, key); err == nil {
		t.Fatal("a key file others may read was used")
	}
}

// TestVaultSealsLegacyDatabase: a central made before events were sealed
// (canonical JSON in clear, SHA-256 hashes) is sealed in place at its
// first start with a key, and replays of its events still succeed.
func TestVaultSealsLegacyDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	legacy, err := OpenSQLite(ctx, filepath.Join(dir, DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	evs := personalEvents("d1")
	var recs []Record
	for _, ev := range evs {
		body, _ := replication.Canonical(ev)
		sum := sha256.Sum256(body)
		recs = append(recs, Record{ID: ev.ID, Body: body, Hash: hex.EncodeToString(sum[:])})
	}
	if _, _, err := legacy.Push(ctx, "d1", recs); err != nil {
		t.Fatal(err)
	}
	legacy.Close()
	if plaintextIn(t, dir) == "" {
		t.Fatal("the legacy database should hold names in clear: the raw search sees nothing")
	}

	v, err := Open(ctx, dir, DefaultKeyFile(dir))
	if err != nil {
		t.Fatalf("first start with a key: %v", err)
	}
	assertPulledBack(t, v, evs)
	if stored, _, err := v.Push(ctx, "d1", evs); err != nil || stored != 0 {
		t.Fatalf("replay after sealing: %d %v", stored, err)
	}
	v.Close()
	assertNoPlaintext(t, dir)
	if v, err = Open(ctx, dir, DefaultKeyFile(dir)); err != nil {
		t.Fatalf("second start: %v", err)
	}
	assertPulledBack(t, v, evs)
	v.Close()
}
