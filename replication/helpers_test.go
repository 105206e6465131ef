package replication_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"accueil/intake"
	"accueil/replication"
	"accueil/replication/central"
	"accueil/store"
)

var admin = intake.Staff{ID: "staff-admin", Name: "admin", Role: intake.RoleAdmin}

// testCentral is a real central on 127.0.0.1 with its own CA.
type testCentral struct {
	URL     string
	Addr    string
	Storage *central.Vault
	ID      central.Identity
}

// startCentral serves the central's handlers over TLS; wrap, when set,
// stands between the listener and the handlers.
func startCentral(t testing.TB, wrap func(http.Handler) http.Handler) *testCentral {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	id, err := central.LoadIdentity(dir, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	st, err := central.Open(ctx, dir, central.DefaultKeyFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := central.NewServer(st, log)
	// The tests here push far faster than desks do; limits have their own test.
	srv.LimitDesks(0, 0)
	srv.LimitEnrolment(0, 0)
	h := srv.Handler()
	if wrap != nil {
		h = wrap(h)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- central.Serve(sctx, ln, h, id.Cert, log, 5*time.Second) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		st.Close()
	})
	return &testCentral{URL: "https://" + ln.Addr().String(), Addr: ln.Addr().String(), Storage: st, ID: id}
}

func (c *testCentral) code(t testing.TB, ttl time.Duration) string {
	t.Helper()
	code, err := central.NewCode(context.Background(), c.Storage, c.ID.CA, ttl, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return code
}

func (c *testCentral) counts(t testing.TB) (int64, int64) {
	t.Helper()
	n, d, err := c.Storage.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n, d
}

func openDesk(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	unlockDesk(t, st)
	return st
}

// The desk's test admin, whose login unlocks the store: persons and
// events are sealed at rest.
const deskAdmin, deskPassword = "Testadmin", "test admin password"

// unlockDesk logs the test admin in, making the account on a new desk.
func unlockDesk(t testing.TB, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	has, err := st.HasStaff(ctx)
	if err == nil && !has {
		_, err = st.CreateStaff(ctx, nil, deskAdmin, deskPassword, intake.RoleAdmin)
	}
	if err == nil {
		_, err = st.Authenticate(ctx, deskAdmin, deskPassword)
	}
	if err != nil {
		t.Fatalf("unlock desk: %v", err)
	}
}

// enrolledDesk opens a desk and enrols it with c.
func enrolledDesk(t testing.TB, c *testCentral) *store.Store {
	t.Helper()
	st := openDesk(t)
	if err := replication.Enroll(context.Background(), st, c.URL, c.code(t, time.Hour)); err != nil {
		t.Fatalf("enroll: %v", err)
	}
	return st
}

func client(t testing.TB, st *store.Store) *replication.Client {
	t.Helper()
	cfg, err := st.SyncConfig(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cl, err := replication.NewClient(st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	cl.Retry = replication.Backoff{Min: 5 * time.Millisecond, Max: 50 * time.Millisecond, Attempts: 8}
	return cl
}

func syncDesk(t testing.TB, st *store.Store) replication.Summary {
	t.Helper()
	sum, err := client(t, st).Sync(context.Background())
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return sum
}

// person is a clearly fictitious file.
func person(i int) intake.Person {
	return intake.Person{
		Surname:     fmt.Sprintf("Velindor%d", i),
		GivenNames:  "Amina",
		Sex:         intake.SexFemale,
		BirthDate:   intake.MustDate("1990-04-12"),
		Nationality: "SY",
		NNumber:     fmt.Sprintf("N 900 %03d", i%1000),
		Permit:      intake.PermitN,
	}
}

func savePersons(t testing.TB, st *store.Store, n int) []string {
	t.Helper()
	ids := make([]string, n)
	for i := range n {
		p, _, err := st.SavePerson(context.Background(), admin, person(i), nil)
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = p.ID
	}
	return ids
}

func remoteErr(t testing.TB, err error) *replication.RemoteError {
	t.Helper()
	var re *replication.RemoteError
	if !errors.As(err, &re) {
		t.Fatalf("want a refusal from the central, got %v", err)
	}
	return re
}
