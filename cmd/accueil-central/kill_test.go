package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"accueil/intake"
	"accueil/replication"
	"accueil/replication/central"
	"accueil/store"
)

// killCount is 40 by default to keep the suite quick; the figure
// is -kills 200.
var killCount = flag.Int("kills", 40, "SIGKILLs in TestKilledMidSync")

// TestKilledMidSync kills the desk's sync or the central with SIGKILL at
// random moments, again and again; afterwards every event the desk made
// is on the central exactly once, with the same content.
func TestKilledMidSync(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes dozens of times")
	}
	kills := *killCount
	ctx := context.Background()
	dataC := filepath.Join(t.TempDir(), "central")
	srv, base, _ := startCentralProc(t, dataC, "127.0.0.1:0")
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	dataD := filepath.Join(t.TempDir(), "desk")
	// The desk's administrator enrols it (the account other tests of
	// this package log in with).
	env := []string{"ACCUEIL_PASSWORD=test admin password"}
	runOK(t, env, deskBin, "init", "--data", dataD, "--admin", "Testadmin")
	made := map[string]intake.Event{}
	makeDeskEvents(t, dataD, 1000, made)
	out := runOK(t, nil, centralBin, "enroll", "--data", dataC)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	runOK(t, env, deskBin, "enroll", base, lines[len(lines)-1], "--data", dataD, "--user", "Testadmin")

	interrupted := 0
	for i := range kills {
		makeDeskEvents(t, dataD, 100, made)
		sync := exec.Command(deskBin, "sync", "--once", "--data", dataD, "--user", deskAdmin)
		sync.Env = append(os.Environ(), deskEnv...)
		if err := sync.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.N(50)) * time.Millisecond)
		if i%2 == 0 {
			_ = sync.Process.Kill()
			if sync.Wait() != nil {
				interrupted++
			}
			continue
		}
		// Kill the central under the desk and bring it back on the same
		// port: the desk's retries must reach the new process.
		_ = srv.Process.Kill()
		_ = srv.Wait()
		srv, _, _ = startCentralProc(t, dataC, u.Host)
		if err := sync.Wait(); err != nil {
			t.Fatalf("kill %d: the desk's sync did not survive the central's restart: %v", i, err)
		}
	}
	t.Logf("%d desk syncs killed mid-way, %d central restarts", interrupted, kills/2)
	runOK(t, deskEnv, deskBin, "sync", "--once", "--data", dataD, "--user", deskAdmin)
	if err := srv.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = srv.Wait()
	assertExactlyOnce(ctx, t, dataC, made)
}

// makeDeskEvents saves n persons at the desk in dir and adds its outbox
// to made: with no sync running, every new event is in it.
func makeDeskEvents(t *testing.T, dir string, n int, made map[string]intake.Event) {
	t.Helper()
	ctx := context.Background()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(dir, "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	by := unlockDesk(t, st)
	for i := range n {
		p := intake.Person{Surname: "Velindor", GivenNames: "Amina", Sex: intake.SexFemale,
			BirthDate: intake.MustDate("1990-04-12"), Nationality: "SY", Permit: intake.PermitN}
		p.GivenNames += strings.Repeat("a", i%7)
		if _, _, err := st.SavePerson(ctx, by, p, nil); err != nil {
			t.Fatal(err)
		}
	}
	evs, err := st.Outbox(ctx, 0)
	if err != nil || len(evs) < n {
		t.Fatalf("outbox: %d events, %v", len(evs), err)
	}
	for _, ev := range evs {
		made[ev.ID] = ev
	}
}

func assertExactlyOnce(ctx context.Context, t *testing.T, dir string, made map[string]intake.Event) {
	t.Helper()
	st, err := central.Open(ctx, dir, central.DefaultKeyFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, distinct, err := st.Counts(ctx)
	if err != nil || n != int64(len(made)) || distinct != n {
		t.Fatalf("central holds %d events (%d distinct), want %d; %v", n, distinct, len(made), err)
	}
	page, err := st.Pull(ctx, 0, len(made))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, ev := range made {
		b, err := replication.Canonical(ev)
		if err != nil {
			t.Fatal(err)
		}
		want[ev.ID] = b
	}
	if len(page.Events) != len(made) {
		t.Fatalf("pulled %d events back, want %d", len(page.Events), len(made))
	}
	for _, raw := range page.Events {
		var ev intake.Event
		if err := json.Unmarshal(raw, &ev); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want[ev.ID], raw) {
			t.Fatalf("event %s differs on the central", ev.ID)
		}
	}
}

// The desk's admin: persons are sealed at rest, so saving them and
// syncing them needs a login.
const deskAdmin, deskPassword = "Testadmin", "test admin password"

var deskEnv = []string{"ACCUEIL_PASSWORD=" + deskPassword}

// unlockDesk logs the admin in, making the account on a new desk.
func unlockDesk(t *testing.T, st *store.Store) intake.Staff {
	t.Helper()
	ctx := context.Background()
	has, err := st.HasStaff(ctx)
	if err == nil && !has {
		_, err = st.CreateStaff(ctx, nil, deskAdmin, deskPassword, intake.RoleAdmin)
	}
	var by intake.Staff
	if err == nil {
		by, err = st.Authenticate(ctx, deskAdmin, deskPassword)
	}
	if err != nil {
		t.Fatal(err)
	}
	return by
}
