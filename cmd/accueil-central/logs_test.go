package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// personal is the synthetic personal data of the log test: names in
// several scripts, N numbers as typed and normalised, birth dates as
// typed and stored.
var personal = []string{
	"Testari", "Yonas", "Testova", "Iryna", "Тестова", "Ирина", "تجربة", "سلمى", "ፈተና", "ሰላም", "சோதனை", "கமலா",
	"Testperson", "Alpha",
	"N 000 000 01", "N00000001", "N 000 000 02", "N00000002", "N 000 000 03", "00000003",
	"12.05.1993", "1993-05-12", "03.03.1980", "1980-03-03", "1995-02-28",
}

const logsCSV = "surname;given_names;surname_original;given_names_original;date_of_birth;sex;nationality;n_number;zemis_number\n" +
	"Testari;Yonas;ፈተና;ሰላም;12.05.1993;M;ER;N 000 000 01;\n" +
	"Testova;Iryna;Тестова;Ирина;03.03.1980;F;UA;N 000 000 02;\n" +
	"Testperson;Alpha;تجربة;سلمى;1995-02-28;F;SY;N 000 000 03;00000003\n" +
	"Testperson;Alpha;சோதனை;கமலா;1995-02-31;F;LK;N 000 000 03;\n"

// TestNoPersonalDataInLogs runs both programs through a day's work (set
// up, import, export, subject-access export, enrol, sync) and searches
// everything they wrote outside their data output for the personal data
// they handled: the log lines, messages and any log file.
func TestNoPersonalDataInLogs(t *testing.T) {
	var logs bytes.Buffer // every byte that is not data output
	dataC := filepath.Join(t.TempDir(), "central")
	srv := exec.Command(centralBin, "--data", dataC, "--listen", "127.0.0.1:0", "--verbose")
	stdout, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var srvErr bytes.Buffer
	srv.Stderr = &srvErr
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if srv.ProcessState == nil {
			_ = srv.Process.Kill()
			_ = srv.Wait()
		}
	})
	var srvOut bytes.Buffer
	url := waitListening(t, io.TeeReader(stdout, &srvOut))

	run := func(data bool, env []string, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Env = append(os.Environ(), env...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		logs.Write(errb.Bytes())
		if !data {
			logs.Write(out.Bytes())
		}
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", filepath.Base(name), args[0], err, errb.String())
		}
		return out.String()
	}
	out := run(false, nil, centralBin, "enroll", "--data", dataC)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	code := lines[len(lines)-1]

	dataD := filepath.Join(t.TempDir(), "desk")
	env := []string{"ACCUEIL_PASSWORD=logs test password", "LANG=C"}
	csv := filepath.Join(t.TempDir(), "list.csv")
	if err := os.WriteFile(csv, []byte(logsCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	run(false, env, deskBin, "init", "--data", dataD, "--admin", "alice")
	run(true, env, deskBin, "import", "--data", dataD, "--user", "alice", "--dry-run", "--json", csv) // a report of the data
	run(false, env, deskBin, "import", "--data", dataD, "--user", "alice", csv)
	exported := run(true, env, deskBin, "export", "--data", dataD, "--user", "alice", "--json")
	run(true, env, deskBin, "export", "--data", dataD, "--user", "alice", "--csv")
	var persons []map[string]any
	if err := json.Unmarshal([]byte(exported), &persons); err != nil || len(persons) == 0 {
		t.Fatalf("export: %v (%d files)", err, len(persons))
	}
	access := run(true, env, deskBin, "export", "--data", dataD, "--user", "alice", "--json", "--person", persons[0]["id"].(string))
	if !strings.Contains(access, "access_log") {
		t.Fatalf("subject-access export: %s", access)
	}
	// A refused login and a wrong command: error paths talk too.
	bad := exec.Command(deskBin, "export", "--data", dataD, "--user", "Testari", "--json")
	bad.Env = append(os.Environ(), "ACCUEIL_PASSWORD=wrong password!")
	badOut, _ := bad.CombinedOutput()
	logs.Write(badOut)
	run(false, env, deskBin, "enroll", url, code, "--data", dataD, "--user", "alice")
	run(false, env, deskBin, "sync", "--once", "--data", dataD, "--user", "alice")
	run(false, nil, centralBin, "desks", "--data", dataC)

	if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	_ = srv.Wait()
	logs.Write(srvErr.Bytes())
	logs.Write(srvOut.Bytes())
	if !strings.Contains(srvErr.String(), "/v1/push") {
		t.Fatalf("the central logged no request; the test would prove nothing:\n%s", srvErr.String())
	}
	for _, dir := range []string{dataC, dataD} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.log"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			logs.Write(b)
		}
	}
	for _, p := range personal {
		if bytes.Contains(logs.Bytes(), []byte(p)) {
			i := bytes.Index(logs.Bytes(), []byte(p))
			t.Errorf("personal data %q in the logs: …%s…", p, logs.Bytes()[max(0, i-80):min(logs.Len(), i+80)])
		}
	}
	t.Logf("%d bytes of logs and messages searched", logs.Len())
}
