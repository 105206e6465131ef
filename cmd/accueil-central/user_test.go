package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestUserCommands manages staff accounts through the real binary: the
// policy is enforced, the list shows no hash, disable and enable work by
// name.
func TestUserCommands(t *testing.T) {
	data := t.TempDir()
	pw := []string{"ACCUEIL_PASSWORD=central user password"}
	runOK(t, pw, centralBin, "user", "add", "--data", data, "--name", "Testcounsellor Alpha", "--role", "counsellor")
	runOK(t, pw, centralBin, "user", "add", "--data", data, "--name", "Testadmin Beta", "--role", "admin")
	list := runOK(t, nil, centralBin, "user", "list", "--data", data)
	if !strings.Contains(list, "Testcounsellor Alpha\tcounsellor\tactive") || strings.Contains(list, "argon2") {
		t.Fatalf("user list:\n%s", list)
	}
	runOK(t, nil, centralBin, "user", "disable", "testcounsellor alpha", "--data", data)
	if list := runOK(t, nil, centralBin, "user", "list", "--data", data); !strings.Contains(list, "Testcounsellor Alpha\tcounsellor\tdisabled\tversion 3") {
		t.Fatalf("after disable:\n%s", list)
	}
	runOK(t, nil, centralBin, "user", "enable", "--data", data, "Testcounsellor Alpha")
	if list := runOK(t, nil, centralBin, "user", "list", "--data", data); !strings.Contains(list, "Testcounsellor Alpha\tcounsellor\tactive\tversion 4") {
		t.Fatalf("after enable:\n%s", list)
	}
	runOK(t, []string{"ACCUEIL_PASSWORD=another user password"}, centralBin, "user", "password", "--data", data, "Testadmin Beta")
	if list := runOK(t, nil, centralBin, "user", "list", "--data", data); !strings.Contains(list, "Testadmin Beta\tadmin\tactive\tversion 5") {
		t.Fatalf("after a new password:\n%s", list)
	}
	fi, err := os.Stat(filepath.Join(data, "keys", "central.key"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi, err)
	}

	tests := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"weak password", []string{"ACCUEIL_PASSWORD=short"}, []string{"add", "--name", "Testperson Gamma", "--role", "health"}, "at least 10"},
		{"unknown role", pw, []string{"add", "--name", "Testperson Gamma", "--role", "janitor"}, "--role"},
		{"name taken", pw, []string{"add", "--name", "TESTADMIN BETA", "--role", "health"}, "exists"},
		{"no password, no terminal", nil, []string{"add", "--name", "Testperson Gamma", "--role", "health"}, "ACCUEIL_PASSWORD"},
		{"disable an unknown account", nil, []string{"disable", "nobody"}, "no staff account"},
		{"weak new password", []string{"ACCUEIL_PASSWORD=short"}, []string{"password", "Testadmin Beta"}, "at least 10"},
		{"no subcommand", nil, nil, "usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(centralBin, append(append([]string{"user"}, tt.args...), "--data", data)...)
			cmd.Env = append(withoutPassword(os.Environ()), tt.env...)
			out, err := cmd.CombinedOutput()
			if err == nil || !strings.Contains(string(out), tt.want) {
				t.Fatalf("err %v, output %q; want a failure mentioning %q", err, out, tt.want)
			}
		})
	}
}

func withoutPassword(env []string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, "ACCUEIL_PASSWORD=") {
			out = append(out, e)
		}
	}
	return out
}

// TestKeyFileMissing: a central whose key file is gone refuses to start
// and says what to do; with the key back it starts.
func TestKeyFileMissing(t *testing.T) {
	data := t.TempDir()
	runOK(t, []string{"ACCUEIL_PASSWORD=central user password"}, centralBin, "user", "add", "--data", data,
		"--name", "Testperson Alpha", "--role", "admin")
	key := filepath.Join(data, "keys", "central.key")
	moved := filepath.Join(t.TempDir(), "central.key")
	if err := os.Rename(key, moved); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(centralBin, "--data", data, "--listen", "127.0.0.1:0").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "restore the key file") {
		t.Fatalf("started without its key: %v %s", err, out)
	}
	if list := runOK(t, nil, centralBin, "user", "list", "--data", data, "--key-file", moved); !strings.Contains(list, "Testperson Alpha") {
		t.Fatalf("with --key-file: %s", list)
	}
}
