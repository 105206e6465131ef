package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"accueil/replication/central"
)

// TestCentralAndDeskBinaries runs the real programs as an administrator
// would: start a central, enrol a desk with a printed code, sync, stop
// the central with SIGTERM.
func TestCentralAndDeskBinaries(t *testing.T) {
	dataC := filepath.Join(t.TempDir(), "central")
	srv, url, logs := startCentralProc(t, dataC, "127.0.0.1:0", "--verbose")

	out := runOK(t, nil, centralBin, "enroll", "--data", dataC)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	code := lines[len(lines)-1]

	dataD := filepath.Join(t.TempDir(), "desk")
	env := []string{"ACCUEIL_PASSWORD=central test password", "LANG=C"}
	runOK(t, env, deskBin, "init", "--data", dataD, "--admin", "alice")
	csv := filepath.Join(t.TempDir(), "list.csv")
	if err := os.WriteFile(csv, []byte("surname;given_names;date_of_birth;sex;nationality;n_number\n"+
		"Testari;Yonas;12.05.1993;M;ER;N 901 001\nTestova;Iryna;03.03.1980;F;UA;N 901 003\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	runOK(t, env, deskBin, "import", "--data", dataD, "--user", "alice", csv)
	enrolled := runOK(t, env, deskBin, "enroll", url, code, "--data", dataD, "--user", "alice")
	deskID := strings.Fields(enrolled)[1]
	if out := runOK(t, env, deskBin, "sync", "--once", "--data", dataD, "--user", "alice"); !strings.Contains(out, "pushed ") {
		t.Fatalf("sync said %q", out)
	}
	second := filepath.Join(t.TempDir(), "desk2")
	runOK(t, env, deskBin, "init", "--data", second, "--admin", "alice")
	reuse := exec.Command(deskBin, "enroll", url, code, "--data", second, "--user", "alice")
	reuse.Env = append(os.Environ(), env...)
	if out, err := reuse.CombinedOutput(); err == nil || !strings.Contains(string(out), "already used") {
		t.Fatalf("a used code: %v %s", err, out)
	}
	assertStored(t, dataC)

	if out := runOK(t, nil, centralBin, "desks", "--data", dataC); !strings.Contains(out, deskID) || !strings.Contains(out, "active") {
		t.Fatalf("desks lists %q, want %s active", out, deskID)
	}
	runOK(t, nil, centralBin, "revoke", "--data", dataC, deskID)
	refused := exec.Command(deskBin, "sync", "--once", "--data", dataD, "--user", "alice")
	refused.Env = append(os.Environ(), env...)
	var why bytes.Buffer
	refused.Stderr = &why
	if err := refused.Run(); err == nil || !strings.Contains(why.String(), "revoked") {
		t.Fatalf("a revoked desk synced: %v %s", err, why.String())
	}

	if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := srv.Wait(); err != nil {
		t.Fatalf("central did not exit cleanly after SIGTERM: %v\n%s", err, logs.String())
	}
	if !strings.Contains(logs.String(), `"path":"/v1/push"`) {
		t.Fatalf("no request log:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "Testari") || strings.Contains(logs.String(), "Testova") {
		t.Fatal("the central logged personal data")
	}
}

// The binaries under test, built once.
var centralBin, deskBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "accueil-central-test")
	if err != nil {
		panic(err)
	}
	centralBin, deskBin = filepath.Join(dir, "accueil-central"), filepath.Join(dir, "accueil")
	for out, pkg := range map[string]string{centralBin: ".", deskBin: "../accueil"} {
		if b, err := exec.Command("go", "build", "-o", out, pkg).CombinedOutput(); err != nil {
			panic(string(b))
		}
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// startCentralProc starts the central binary and returns its URL once
// it listens. The caller stops it; cleanup kills it if still running.
func startCentralProc(t *testing.T, data, listen string, extra ...string) (*exec.Cmd, string, *bytes.Buffer) {
	t.Helper()
	srv := exec.Command(centralBin, append([]string{"--data", data, "--listen", listen}, extra...)...)
	stdout, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	logs := &bytes.Buffer{}
	srv.Stderr = logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if srv.ProcessState == nil {
			_ = srv.Process.Kill()
			_ = srv.Wait()
		}
	})
	return srv, waitListening(t, stdout), logs
}

func runOK(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s%s", filepath.Base(name), args[0], err, out.String(), errb.String())
	}
	return out.String()
}

// waitListening reads the central's output until it says where it listens.
func waitListening(t *testing.T, r interface{ Read([]byte) (int, error) }) string {
	t.Helper()
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "Listening on "); ok {
				found <- u
			}
		}
	}()
	select {
	case u := <-found:
		return u
	case <-time.After(20 * time.Second):
		t.Fatal("the central did not start")
		return ""
	}
}

func assertStored(t *testing.T, dir string) {
	t.Helper()
	st, err := central.Open(context.Background(), dir, central.DefaultKeyFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, distinct, err := st.Counts(context.Background())
	if err != nil || n == 0 || n != distinct {
		t.Fatalf("central holds %d events (%d distinct), %v", n, distinct, err)
	}
}

// TestCommandsFailClearly: mistakes at the command line end with a
// non-zero status and a message that says what to do.
func TestCommandsFailClearly(t *testing.T) {
	dataC, dataD := t.TempDir(), t.TempDir()
	printed := strings.Split(strings.TrimSpace(runOK(t, nil, centralBin, "enroll", "--data", t.TempDir())), "\n")
	code := printed[len(printed)-1]
	tests := []struct {
		name string
		bin  string
		args []string
		want string
	}{
		{"sync before enrolment", deskBin, []string{"sync", "--once", "--data", dataD}, "not enrolled"},
		{"sync without --once", deskBin, []string{"sync", "--data", dataD}, "--once"},
		{"enroll over http", deskBin, []string{"enroll", "http://127.0.0.1:1", "CODE", "--data", dataD}, "https://"},
		{"enroll with a typo", deskBin, []string{"enroll", "https://127.0.0.1:1", "NOTACODE", "--data", dataD}, "typing"},
		{"enroll without an administrator", deskBin, []string{"enroll", "https://127.0.0.1:1", code, "--data", dataD}, "--user"},
		{"publish without a kind", centralBin, []string{"publish", "--data", dataC}, "guide or reference"},
		{"publish a missing folder", centralBin, []string{"publish", "guide", "--data", dataC, "/nonexistent"}, "no such file"},
		{"revoke an unknown desk", centralBin, []string{"revoke", "--data", dataC, "nope"}, "unknown desk"},
		{"revoke without a desk", centralBin, []string{"revoke", "--data", dataC}, "desk ID"},
		{"enroll with a negative ttl", centralBin, []string{"enroll", "--data", dataC, "--ttl", "-1h"}, "--ttl"},
		{"unknown command", centralBin, []string{"serve-all"}, "usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(tt.bin, tt.args...)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			if err := cmd.Run(); err == nil || !strings.Contains(errb.String(), tt.want) {
				t.Fatalf("err %v, stderr %q; want a failure mentioning %q", err, errb.String(), tt.want)
			}
		})
	}
}
