package central

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestPostgresStorage runs the conformance suite on a real PostgreSQL
// server: ACCUEIL_TEST_POSTGRES (a URL) when set, otherwise a throwaway
// cluster this test makes with initdb and pg_ctl.
func TestPostgresStorage(t *testing.T) {
	base := testPostgres(t)
	storageSuite(t, func(t *testing.T) Storage { return openTestPostgres(t, base) })
}

// TestPostgresMigrations: a second open of a database finds its schema
// done, and a database from a newer program is refused.
func TestPostgresMigrations(t *testing.T) {
	base := testPostgres(t)
	u := testSchemaURL(t, base)
	ctx := context.Background()
	for range 2 {
		st, err := OpenPostgres(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES (1000)`); err != nil {
		t.Fatal(err)
	}
	if st, err := OpenPostgres(ctx, u); err == nil || !strings.Contains(err.Error(), "newer") {
		if st != nil {
			st.Close()
		}
		t.Fatalf("a newer schema was not refused: %v", err)
	}
}

// TestPostgresVault: the vault over PostgreSQL makes its key file, stores
// events sealed (no personal value in the table), pulls them back whole,
// and refuses another key.
func TestPostgresVault(t *testing.T) {
	ctx := context.Background()
	u := testSchemaURL(t, testPostgres(t))
	key := filepath.Join(t.TempDir(), "keys", "central.key")
	v, err := OpenPostgresVault(ctx, u, key)
	if err != nil {
		t.Fatal(err)
	}
	if v.KeyCreated != key {
		t.Fatalf("key created %q, want %q", v.KeyCreated, key)
	}
	evs := personalEvents("d1")
	if stored, _, err := v.Push(ctx, "d1", evs); err != nil || stored != 2 {
		t.Fatalf("push: %d %v", stored, err)
	}
	assertPulledBack(t, v, evs)
	v.Close()
	assertNoPlaintextRows(t, u)
	other := filepath.Join(t.TempDir(), "other.key")
	if _, err := LoadKey(other, true); err != nil {
		t.Fatal(err)
	}
	if v, err := OpenPostgresVault(ctx, u, other); !errors.Is(err, ErrWrongKey) {
		if v != nil {
			v.Close()
		}
		t.Fatalf("another key: %v", err)
	}
}

// assertNoPlaintextRows reads every event row as the server holds it.
func assertNoPlaintextRows(t *testing.T, u string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, _ := conn.Query(ctx, `SELECT id || desk || hash || encode(body, 'escape') FROM events`)
	all, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil || len(all) != 2 {
		t.Fatalf("rows: %d %v", len(all), err)
	}
	for _, row := range all {
		for _, s := range personal {
			if strings.Contains(row, s) {
				t.Fatalf("an event row holds %q in clear", s)
			}
		}
	}
}

// testPostgres returns the URL of a PostgreSQL server for tests. Without
// one it skips, or fails when CI is set: CI installs PostgreSQL.
func testPostgres(tb testing.TB) string {
	tb.Helper()
	u, err := findTestPostgres(tb)
	if err != nil {
		noPostgres(tb, err.Error())
	}
	return u
}

// findTestPostgres is testPostgres without the skip: it says why there is
// no server.
func findTestPostgres(tb testing.TB) (string, error) {
	if u := os.Getenv("ACCUEIL_TEST_POSTGRES"); u != "" {
		return u, nil
	}
	bin := findPostgresBin()
	if bin == "" {
		return "", errors.New("no PostgreSQL server: set ACCUEIL_TEST_POSTGRES or install postgresql (initdb, pg_ctl)")
	}
	u, err := startCluster(tb, bin)
	if err != nil {
		return "", fmt.Errorf("cannot start a PostgreSQL cluster: %w", err)
	}
	return u, nil
}

func noPostgres(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv("CI") != "" {
		tb.Fatal(why)
	}
	tb.Skip(why)
}

// findPostgresBin finds the folder of initdb and pg_ctl: on PATH, or
// Debian's newest /usr/lib/postgresql/<version>/bin.
func findPostgresBin() string {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p)
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return pgVersion(dirs[i]) > pgVersion(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d
		}
	}
	return ""
}

func pgVersion(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

// startCluster makes a cluster in a new folder under the system's temp
// folder (short enough for a Unix socket path), listening on a socket
// there only, and stops and removes it at cleanup. PostgreSQL refuses to
// run as root: as root the folder is given to the postgres user and the
// server runs as that user.
func startCluster(tb testing.TB, bin string) (string, error) {
	dir, err := os.MkdirTemp("", "accueil-pg-")
	if err != nil {
		return "", err
	}
	tb.Cleanup(func() { os.RemoveAll(dir) })
	var asUser []string
	if os.Geteuid() == 0 {
		if asUser, err = dropRoot(dir); err != nil {
			return "", err
		}
	}
	data := filepath.Join(dir, "data")
	run := func(name string, args ...string) error {
		argv := append(append(asUser, filepath.Join(bin, name)), args...)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %w: %s", name, err, out)
		}
		return nil
	}
	if err := run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"); err != nil {
		return "", err
	}
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -c port=5432", dir)
	if err := run("pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts); err != nil {
		return "", err
	}
	tb.Cleanup(func() {
		if err := run("pg_ctl", "stop", "-m", "fast", "-w", "-D", data); err != nil {
			tb.Log(err)
		}
	})
	return "postgres:///postgres?host=" + url.QueryEscape(dir) + "&user=postgres&sslmode=disable", nil
}

// dropRoot gives dir to the postgres user and returns the command prefix
// that runs a program as that user.
func dropRoot(dir string) ([]string, error) {
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root and no postgres user to run the server: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	runuser, err := exec.LookPath("runuser")
	if err != nil {
		return nil, err
	}
	return []string{runuser, "-u", "postgres", "--"}, nil
}

// openTestPostgres opens a storage in a schema of its own, dropped at
// cleanup, so that every test starts empty on one server.
func openTestPostgres(tb testing.TB, base string) Storage {
	tb.Helper()
	st, err := OpenPostgres(context.Background(), testSchemaURL(tb, base))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// testSchemaURL makes a new schema on the server at base and returns a
// URL whose connections use it.
func testSchemaURL(tb testing.TB, base string) string {
	tb.Helper()
	ctx := context.Background()
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "test_" + hex.EncodeToString(b[:])
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if conn, err := pgx.Connect(ctx, base); err == nil {
			_, _ = conn.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`)
			conn.Close(ctx)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
