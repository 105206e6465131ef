package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"accueil/intake"
)

// FuzzAuthenticate throws names and passwords at the login, huge and
// invalid UTF-8 ones too: it never panics, unlocks only for the right
// pair and leaves a refused attempt locked.
func FuzzAuthenticate(f *testing.F) {
	const name, password = "Testadmin", "test admin password"
	s := openLocked(f, filepath.Join(f.TempDir(), "desk.db"))
	ctx := context.Background()
	if _, err := s.CreateStaff(ctx, nil, name, password, intake.RoleAdmin); err != nil {
		f.Fatal(err)
	}
	s.Lock()
	for _, seed := range [][2]string{
		{name, password}, {"TESTADMIN", password}, {" testadmin ", password}, {name, password + " "},
		{"", ""}, {name, ""}, {"\xff\xfe\xfd", "\xc3\x28"}, {strings.Repeat("Ⅻ", 1<<12), strings.Repeat("\x00", 1<<14)},
		{name, strings.Repeat("p", 1<<16)}, {"admin'; DROP TABLE staff; --", "x"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, n, pw string) {
		st, err := s.Authenticate(ctx, n, pw)
		right := nameKey(n) == nameKey(name) && pw == password
		switch {
		case right && (err != nil || s.Locked() || st.Name != name):
			t.Fatalf("the right login failed: %v", err)
		case !right && (err == nil || !s.Locked()):
			t.Fatalf("login %q unlocked (err %v)", n, err)
		case !right && !errors.Is(err, ErrBadLogin):
			t.Fatalf("refusal is not ErrBadLogin: %v", err)
		}
		s.Lock()
	})
}
