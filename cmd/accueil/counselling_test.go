package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"accueil/intake"
	"accueil/store"
)

// caseFolder is a data folder with a counsellor "carla" and one fictitious
// person with an open case; it returns the person's ID.
func caseFolder(t *testing.T) (string, []string, string) {
	t.Helper()
	data, env := initFolder(t)
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(data, "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	alice, err := st.Authenticate(ctx, "alice", cliPassword)
	if err != nil {
		t.Fatal(err)
	}
	carla, err := st.CreateStaff(ctx, &alice, "carla", cliPassword, intake.RoleCounsellor)
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := st.SavePerson(ctx, alice, intake.Person{Surname: "Testperson", GivenNames: "Alpha",
		SurnameOriginal: "تست", BirthDate: intake.MustDate("1985-03-01"), Nationality: "ER"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.OpenCase(ctx, carla, p.ID); err != nil {
		t.Fatal(err)
	}
	return data, env, p.ID
}

func TestCounsellingSheetCommand(t *testing.T) {
	data, env, id := caseFolder(t)
	out := filepath.Join(t.TempDir(), "sheet.pdf")
	tests := []struct {
		name, user, want string
		ok               bool
	}{
		{"counsellor", "carla", "", true},
		{"admin refused", "alice", "forbidden", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := accueil(t, env, "counselling", "sheet", "--data", data, "--user", tt.user,
				"--person", id, "--lang", "fr", "--out", out)
			if (code == 0) != tt.ok || !strings.Contains(errOut, tt.want) {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
		})
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF: %v", err)
	}
}
