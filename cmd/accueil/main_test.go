package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The tests run the real binary, as an administrator's script would.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "accueil-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "accueil")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const cliPassword = "cli test password"

// accueil runs the binary and returns stdout, stderr and the exit code.
func accueil(t *testing.T, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func initFolder(t *testing.T) (string, []string) {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	env := []string{"ACCUEIL_PASSWORD=" + cliPassword, "LANG=C"}
	if _, errOut, code := accueil(t, env, "init", "--data", data, "--admin", "alice"); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	return data, env
}

const list = "surname;given_names;date_of_birth;sex;nationality;n_number;language\n" +
	"Testari;Yonas;12.05.1993;M;ER;N 901 001;ti\n" +
	"Testari;Selam;1995-02-31;F;ER;N 901 002;ti\n" +
	"Testova;Iryna;03.03.1980;F;Ukraine;N 901 003;uk\n" +
	"Testova;Iryna;03.03.1980;F;UA;N901003;uk\n"

func TestImportDryRunThenImportThenExport(t *testing.T) {
	data, env := initFolder(t)
	csv := filepath.Join(t.TempDir(), "list.csv")
	if err := os.WriteFile(csv, []byte(list), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := accueil(t, env, "import", "--data", data, "--user", "alice", "--dry-run", "--json", "--lang", "en", csv)
	if code != 0 {
		t.Fatalf("dry run: %s", errOut)
	}
	var report struct {
		Rows   int `json:"rows"`
		Errors []struct {
			Row     int    `json:"row"`
			Field   string `json:"field"`
			Message string `json:"message"`
		} `json:"errors"`
		Duplicates []struct {
			Row     int `json:"row"`
			Matches []struct {
				Row     int      `json:"row"`
				Person  string   `json:"person"`
				Reasons []string `json:"reasons"`
			} `json:"matches"`
		} `json:"duplicates"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("dry run output is not one JSON object: %v\n%s", err, out)
	}
	if report.Rows != 4 || len(report.Errors) != 1 || report.Errors[0].Row != 2 || report.Errors[0].Field != "date_of_birth" {
		t.Fatalf("report %+v: want 4 rows and one date error on row 2", report)
	}
	if !strings.Contains(report.Errors[0].Message, "1995-02-31") {
		t.Errorf("error message %q should quote the bad date", report.Errors[0].Message)
	}
	if len(report.Duplicates) != 2 || report.Duplicates[0].Matches[0].Row == 0 || len(report.Duplicates[0].Matches[0].Reasons) == 0 {
		t.Fatalf("duplicates %+v: rows 3 and 4 should point at each other with reasons", report.Duplicates)
	}

	if _, errOut, code := accueil(t, env, "import", "--data", data, "--user", "alice", csv); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	// A second dry run now also finds the stored file.
	out, _, _ = accueil(t, env, "import", "--data", data, "--user", "alice", "--dry-run", "--json", csv)
	if !strings.Contains(out, `"person"`) {
		t.Errorf("second dry run should match the stored person: %s", out)
	}
	out, errOut, code = accueil(t, env, "export", "--data", data, "--user", "alice", "--json")
	if code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	var persons []map[string]any
	if err := json.Unmarshal([]byte(out), &persons); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if len(persons) != 1 || persons[0]["surname"] != "Testari" || persons[0]["id"] == "" {
		t.Fatalf("export = %v, want the one clean row with its id", persons)
	}
	if _, ok := persons[0]["health_notes"]; ok {
		t.Error("an admin export carries health notes")
	}
	out, _, code = accueil(t, env, "export", "--data", data, "--user", "alice", "--csv")
	if code != 0 || !strings.Contains(out, "surname") || !strings.Contains(out, "Yonas") {
		t.Fatalf("CSV export: %q", out)
	}
}

func TestCommandsFailClearly(t *testing.T) {
	data, env := initFolder(t)
	tests := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"wrong password", []string{"ACCUEIL_PASSWORD=wrong password!"}, []string{"export", "--data", data, "--user", "alice", "--json"}, "login"},
		{"no user", env, []string{"export", "--data", data, "--json"}, "--user"},
		{"init twice", env, []string{"init", "--data", data, "--admin", "bob"}, "already"},
		{"missing file", env, []string{"import", "--data", data, "--user", "alice", "/no/such/file.csv"}, "no such file"},
		{"unknown command", env, []string{"frobnicate"}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := accueil(t, tt.env, tt.args...)
			if code == 0 || !strings.Contains(errOut, tt.want) {
				t.Fatalf("exit %d, stderr %q: want failure mentioning %q", code, errOut, tt.want)
			}
		})
	}
}

func TestGuideCheckJSON(t *testing.T) {
	out, errOut, code := accueil(t, nil, "guide", "check", "--json")
	if code != 0 {
		t.Fatalf("guide check failed: %s", errOut)
	}
	var report struct {
		Languages []struct {
			Tag             string `json:"tag"`
			Topics          int    `json:"topics"`
			Drafts          int    `json:"drafts"`
			MissingMessages int    `json:"missing_messages"`
			MissingGlyphs   int    `json:"missing_glyphs"`
		} `json:"languages"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatal(err)
	}
	if len(report.Languages) < 20 {
		t.Fatalf("%d languages", len(report.Languages))
	}
	for _, l := range report.Languages {
		if l.Topics < 10 || l.MissingGlyphs != 0 || l.MissingMessages != 0 {
			t.Errorf("%+v", l)
		}
	}
}

func TestGuideRenderWritesPNGAndPDF(t *testing.T) {
	dir := t.TempDir()
	png, pdf := filepath.Join(dir, "p.png"), filepath.Join(dir, "g.pdf")
	if _, errOut, code := accueil(t, nil, "guide", "render", "--lang", "fa-AF", "--topic", "return", "--out", png); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := accueil(t, nil, "guide", "pdf", "--lang", "ti", "--out", pdf); code != 0 {
		t.Fatal(errOut)
	}
	for _, f := range []struct{ path, magic string }{{png, "\x89PNG"}, {pdf, "%PDF"}} {
		b, err := os.ReadFile(f.path)
		if err != nil || !bytes.HasPrefix(b, []byte(f.magic)) {
			t.Errorf("%s is not a %q file (%v)", f.path, f.magic, err)
		}
	}
	if _, _, code := accueil(t, nil, "guide", "render", "--lang", "xx", "--topic", "return", "--out", png); code == 0 {
		t.Error("an unknown language rendered without error")
	}
}

// TestDeskStartsUnderXvfb starts the real window on a virtual display and
// checks that the app is still running a few seconds later (no panic at
// start-up, on the desk and on the newcomer screen).
func TestDeskStartsUnderXvfb(t *testing.T) {
	display := os.Getenv("DISPLAY")
	if display == "" {
		xvfb, err := exec.LookPath("Xvfb")
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal("CI needs Xvfb (Debian package xvfb)")
			}
			t.Skip("no display and no Xvfb")
		}
		display = ":93"
		x := exec.Command(xvfb, display, "-screen", "0", "1280x860x24")
		if err := x.Start(); err != nil {
			t.Fatal(err)
		}
		defer x.Process.Kill()
		time.Sleep(time.Second)
	}
	data, env := initFolder(t)
	for _, args := range [][]string{{"--data", data}, {"--data", data, "--newcomer"}} {
		cmd := exec.Command(binary, args...)
		cmd.Env = append(os.Environ(), append(env, "DISPLAY="+display, "XDG_DATA_HOME="+t.TempDir())...)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			t.Fatalf("%v exited early (%v): %s", args, err, errb.String())
		case <-time.After(4 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if strings.Contains(errb.String(), "panic") {
			t.Fatalf("%v: %s", args, errb.String())
		}
	}
}
