package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSubjectAccessExport(t *testing.T) {
	data, env := initFolder(t)
	csv := filepath.Join(t.TempDir(), "list.csv")
	if err := os.WriteFile(csv, []byte(list), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := accueil(t, env, "import", "--data", data, "--user", "alice", csv); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	out, _, _ := accueil(t, env, "export", "--data", data, "--user", "alice", "--json")
	var persons []map[string]any
	if err := json.Unmarshal([]byte(out), &persons); err != nil || len(persons) == 0 {
		t.Fatalf("export: %v", err)
	}
	id := persons[0]["id"].(string)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"json", []string{"--json", "--person", id}, 0, `"access_log"`},
		{"csv refused", []string{"--csv", "--person", id}, 1, ""},
		{"unknown file", []string{"--json", "--person", "no-such-file"}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := accueil(t, env, append([]string{"export", "--data", data, "--user", "alice"}, tt.args...)...)
			if (code == 0) != (tt.code == 0) || !strings.Contains(out, tt.want) {
				t.Fatalf("exit %d, out %.200q, err %q", code, out, errOut)
			}
		})
	}
	var report struct {
		Person  map[string]string `json:"person"`
		History []json.RawMessage `json:"history"`
		Access  []json.RawMessage `json:"access_log"`
	}
	out, _, _ = accueil(t, env, "export", "--data", data, "--user", "alice", "--json", "--person", id)
	if err := json.Unmarshal([]byte(out), &report); err != nil || report.Person["surname"] == "" || len(report.History) == 0 || len(report.Access) == 0 {
		t.Fatalf("report %+v, %v", report, err)
	}
}
