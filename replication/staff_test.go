package replication_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"accueil/intake"
	"accueil/replication"
	"accueil/replication/central"
	"accueil/seal"
	"accueil/store"
)

// cheapKDF keeps the staff tests fast; the format is the real one.
var cheapKDF = central.StaffKDF{Time: 1, Memory: 64, Threads: 1}

// syncedBuffer is a log sink that the server writes while the test reads.
type syncedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncedBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncedBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startLoggedCentral is startCentral with its logs kept, at debug level.
func startLoggedCentral(t *testing.T) (*testCentral, *syncedBuffer) {
	t.Helper()
	dir := t.TempDir()
	id, err := central.LoadIdentity(dir, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	v, err := central.Open(context.Background(), dir, central.DefaultKeyFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncedBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := central.NewServer(v, log)
	srv.LimitDesks(0, 0)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- central.Serve(ctx, ln, srv.Handler(), id.Cert, log, 5*time.Second) }()
	t.Cleanup(func() {
		cancel()
		<-done
		v.Close()
	})
	return &testCentral{URL: "https://" + ln.Addr().String(), Addr: ln.Addr().String(), Storage: v, ID: id}, logs
}

// staffSink keeps what a desk store would receive, highest version first
// wins, as the store's contract says.
type staffSink struct{ got map[string]intake.StaffRecord }

func (s *staffSink) ApplyStaffRecords(_ context.Context, recs []intake.StaffRecord) error {
	if s.got == nil {
		s.got = map[string]intake.StaffRecord{}
	}
	for _, r := range recs {
		if old, ok := s.got[r.Name]; !ok || r.Version > old.Version {
			s.got[r.Name] = r
		}
	}
	return nil
}

// keySink keeps the deployment key handed over at enrolment.
type keySink struct {
	by intake.Staff
	kd *seal.Key
}

func (k *keySink) AdoptDeploymentKey(_ context.Context, by intake.Staff, kd *seal.Key) error {
	k.by, k.kd = by, kd
	return nil
}

// TestStaffReachDesks: accounts added and disabled at the central reach
// an enrolled desk with what checks a password offline, the deployment
// key reaches it at enrolment, and no password or hash is logged.
func TestStaffReachDesks(t *testing.T) {
	ctx := context.Background()
	c, logs := startLoggedCentral(t)
	const pw = "staff test password"
	for _, name := range []string{"Testcounsellor Alpha", "Testreception Beta"} {
		if _, err := c.Storage.AddStaff(ctx, name, pw, intake.RoleCounsellor, cheapKDF); err != nil {
			t.Fatal(err)
		}
	}
	st := openDesk(t)
	keys := &keySink{}
	if err := replication.EnrollAdopting(ctx, st, keys, admin, c.URL, c.code(t, time.Hour)); err != nil {
		t.Fatal(err)
	}
	if keys.kd == nil || !bytes.Equal(keys.kd.Bytes(), c.Storage.DeploymentKey().Bytes()) || keys.by != admin {
		t.Fatal("the desk did not receive the deployment key for its administrator")
	}
	cl := client(t, st)
	sink := &staffSink{}
	cl.Staff = sink
	if _, err := cl.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	alpha := sink.got["Testcounsellor Alpha"]
	if len(sink.got) != 2 || alpha.Disabled || !strings.HasPrefix(alpha.PasswordHash, "$argon2id$v=19$") {
		t.Fatalf("desk received %+v", sink.got)
	}
	if kd, err := seal.Unwrap(pw, alpha.KeyWrap); err != nil || !bytes.Equal(kd.Bytes(), keys.kd.Bytes()) {
		t.Fatalf("the account's key wrap does not open to the deployment key: %v", err)
	}
	if _, err := c.Storage.SetStaffDisabled(ctx, "testcounsellor alpha", true); err != nil {
		t.Fatal(err)
	}
	if n, err := cl.PullStaff(ctx); err != nil || n != 1 {
		t.Fatalf("second pull: %d accounts, %v; want only the changed one", n, err)
	}
	if !sink.got["Testcounsellor Alpha"].Disabled {
		t.Fatal("a disabled account reached the desk enabled")
	}
	for _, secret := range []string{pw, "argon2id", alpha.PasswordHash[len(alpha.PasswordHash)-20:], "Testcounsellor"} {
		if strings.Contains(logs.String(), secret) {
			t.Fatalf("the central logged %q", secret)
		}
	}
}

// TestStaffOnlyForDesksInService: the accounts are refused to a revoked
// desk and to anyone without a desk credential.
func TestStaffOnlyForDesksInService(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	if _, err := c.Storage.AddStaff(ctx, "Testhealth Gamma", "staff test password", intake.RoleHealth, cheapKDF); err != nil {
		t.Fatal(err)
	}
	st := enrolledDesk(t, c)
	cl := client(t, st)
	cl.Staff = &staffSink{}
	if n, err := cl.PullStaff(ctx); err != nil || n != 1 {
		t.Fatalf("a desk in service got %d accounts, %v", n, err)
	}
	if err := c.Storage.Revoke(ctx, st.DeskID(), time.Now()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		credential string
		code       string
	}{
		{"revoked desk", cl.Credential, replication.CodeRevoked},
		{"no credential", "", replication.CodeUnauthorized},
		{"forged credential", st.DeskID() + ".forged", replication.CodeUnauthorized},
		{"unknown desk", "nodesk.secret", replication.CodeUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cl, _ := replication.NewClient(st, mustConfig(t, st))
			cl.Credential = tt.credential
			sink := &staffSink{}
			cl.Staff = sink
			_, err := cl.PullStaff(ctx)
			if re := remoteErr(t, err); re.ErrorBody.Error != tt.code || len(sink.got) != 0 {
				t.Fatalf("got %v and %d accounts; want %s and none", err, len(sink.got), tt.code)
			}
		})
	}
}

func mustConfig(t *testing.T, st interface {
	SyncConfig(context.Context) (store.SyncConfig, error)
}) store.SyncConfig {
	t.Helper()
	cfg, err := st.SyncConfig(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestOlderCentralStillSyncs: a central that serves neither staff nor
// published content answers "not found"; the desk syncs its events all
// the same.
func TestOlderCentralStillSyncs(t *testing.T) {
	older := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == replication.PathStaff || r.URL.Path == replication.PathPublished {
				http.NotFound(w, r)
				return
			}
			h.ServeHTTP(w, r)
		})
	}
	c := startCentral(t, older)
	st := enrolledDesk(t, c)
	savePersons(t, st, 3)
	cl := client(t, st)
	cl.Staff = &staffSink{}
	cl.Published = &replication.PublishedDir{Dir: t.TempDir(), Checks: replication.PublishedChecks()}
	if sum, err := cl.Sync(context.Background()); err != nil || sum.Pushed != 3 {
		t.Fatalf("sync with an older central: %+v %v", sum, err)
	}
	if _, err := cl.PullStaff(context.Background()); err == nil {
		t.Fatal("the staff pull itself should report the missing endpoint")
	}
}
