package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublishReachesDesks runs the real programs: the central publishes a
// guide and reference data, refuses malformed ones with the loader's
// error, and an enrolled desk takes both on sync; the desk's guide
// commands then use the published guide, and fall back to the built-in
// one with a warning when the kept copy is damaged.
func TestPublishReachesDesks(t *testing.T) {
	dataC := filepath.Join(t.TempDir(), "central")
	_, url, _ := startCentralProc(t, dataC, "127.0.0.1:0")
	dataD := filepath.Join(t.TempDir(), "desk")
	env := []string{"ACCUEIL_PASSWORD=publish test password", "LANG=C"}
	runOK(t, env, deskBin, "init", "--data", dataD, "--admin", "alice")
	lines := strings.Split(strings.TrimSpace(runOK(t, nil, centralBin, "enroll", "--data", dataC)), "\n")
	runOK(t, env, deskBin, "enroll", url, lines[len(lines)-1], "--data", dataD, "--user", "alice")

	guideDir := copyGuide(t)
	topics := filepath.Join(guideDir, "topics.toml")
	good, err := os.ReadFile(topics)
	if err != nil {
		t.Fatal(err)
	}
	// Eleven topics instead of twelve: the desk's copy is told apart.
	i := bytes.Index(good, []byte("[[topic]]\nid = \"housing\""))
	j := i + bytes.Index(good[i+1:], []byte("[[topic]]")) + 1
	writeFile(t, topics, "[[topic]\nid = \"welcome\"\n")
	refused(t, "topics.toml", "publish", "guide", "--data", dataC, guideDir)
	writeFile(t, topics, string(good[:i])+string(good[j:]))
	if out := runOK(t, nil, centralBin, "publish", "guide", "--data", dataC, guideDir); !strings.Contains(out, "guide version 1") {
		t.Fatalf("publish guide: %s", out)
	}
	badRef := filepath.Join(t.TempDir(), "return_assistance.toml")
	writeFile(t, badRef, "[lump_sum\nper_adult = ")
	refused(t, "return_assistance.toml", "publish", "reference", "--data", dataC, badRef)
	runOK(t, nil, centralBin, "publish", "reference", "--data", dataC, filepath.Join("..", "..", "assets", "reference", "return_assistance.toml"))

	runOK(t, env, deskBin, "sync", "--once", "--data", dataD, "--user", "alice") // --user: sealed desks log in to sync
	for file, want := range map[string]string{"guide.current": "guide-v1\n", "reference.current": "reference-v2\n"} {
		if got, err := os.ReadFile(filepath.Join(dataD, "published", file)); err != nil || string(got) != want {
			t.Fatalf("%s: %q %v, want %q", file, got, err, want)
		}
	}
	if n, _ := guideTopics(t, env, dataD); n != 11 {
		t.Fatalf("the desk's guide has %d topics, want the published 11", n)
	}
	writeFile(t, filepath.Join(dataD, "published", "guide-v1", "topics.toml"), "damaged")
	if n, stderr := guideTopics(t, env, dataD); n != 12 || !strings.Contains(stderr, "unusable") {
		t.Fatalf("with a damaged copy: %d topics, stderr %q; want the built-in 12 and a warning", n, stderr)
	}
}

func copyGuide(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "guide")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "assets", "guide"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// refused runs the central and wants a failure whose message names want.
func refused(t *testing.T, want string, args ...string) {
	t.Helper()
	out, err := exec.Command(centralBin, args...).CombinedOutput()
	if err == nil || !strings.Contains(string(out), want) {
		t.Fatalf("%v: %v %s; want a refusal naming %s", args, err, out, want)
	}
}

// guideTopics asks the desk's guide check how many topics its guide has.
func guideTopics(t *testing.T, env []string, data string) (int, string) {
	t.Helper()
	cmd := exec.Command(deskBin, "guide", "check", "--json", "--data", data)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	_ = cmd.Run() // a language report may fail; the count is what matters
	var report struct {
		Topics int `json:"topics"`
	}
	if err := json.Unmarshal(out.Bytes(), &report); err != nil {
		t.Fatalf("guide check: %v\n%s", err, errb.String())
	}
	return report.Topics, errb.String()
}
