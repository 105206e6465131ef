package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/i18n"
	"accueil/intake"
	"accueil/internal/synth"
	"accueil/replication"
	"accueil/replication/central"
	"accueil/store"
	"accueil/ui"
)

var syncAdmin = intake.Staff{ID: "staff-admin", Name: "admin", Role: intake.RoleAdmin}

// serveCentral runs a real central over TLS on loopback.
func serveCentral(t *testing.T) (url string, st *central.Vault, id central.Identity) {
	t.Helper()
	dir := t.TempDir()
	id, err := central.LoadIdentity(dir, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	st, err = central.Open(context.Background(), dir, central.DefaultKeyFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := central.NewServer(st, log)
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
		st.Close()
	})
	return "https://" + ln.Addr().String(), st, id
}

func enrolledStore(t *testing.T, url string, cst *central.Vault, id central.Identity) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// The first account makes the desk's data key and unlocks the store.
	if _, err := st.CreateStaff(ctx, nil, "deskadmin", "desk-admin-password", intake.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	code, err := central.NewCode(ctx, cst, id.CA, time.Hour, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := replication.Enroll(ctx, st, url, code); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestBackgroundSyncShowsFirstSyncProgress: a desk enrolled with a
// central that holds 3,000 changes receives them in the background; the
// sync line shows the progress bar up to the total while it runs and the
// sync state once it is done.
func TestBackgroundSyncShowsFirstSyncProgress(t *testing.T) {
	const n = 3000
	ctx := context.Background()
	url, cst, id := serveCentral(t)
	source := enrolledStore(t, url, cst, id)
	if _, err := source.Import(ctx, syncAdmin, "synthetic", synth.Persons(7, n), nil); err != nil {
		t.Fatal(err)
	}
	cfg, err := source.SyncConfig(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := replication.NewClient(source, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Sync(ctx); err != nil {
		t.Fatal(err)
	}

	test.NewTempApp(t)
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	desk := enrolledStore(t, url, cst, id)
	d := ui.NewDesk(test.NewTempWindow(t, nil), desk, cat, ui.Options{Language: language.English})
	d.Start()
	syncCtx, stop := context.WithCancel(ctx)
	defer stop()
	startSync(syncCtx, desk, d)
	line := d.SyncLine()
	deadline := time.Now().Add(60 * time.Second)
	for !strings.HasPrefix(line.Text.Text, "Synced") {
		if time.Now().After(deadline) {
			t.Fatalf("no sync state after a minute; line %q", line.Text.Text)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if line.Progress.Max != n || line.Progress.Visible() {
		t.Fatalf("progress bar: max %v (want %d, set while receiving), visible %v after the sync", line.Progress.Max, n, line.Progress.Visible())
	}
}
