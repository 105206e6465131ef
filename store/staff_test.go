package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"accueil/intake"
)

func TestCreateStaff(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if has, err := s.HasStaff(ctx); err != nil || has {
		t.Fatalf("HasStaff on a new desk = %v, %v", has, err)
	}
	if _, err := s.CreateStaff(ctx, nil, "first", "long enough", intake.RoleReception); !errors.Is(err, ErrForbidden) {
		t.Errorf("first account not admin: err = %v, want ErrForbidden", err)
	}
	first, err := s.CreateStaff(ctx, nil, "Anna", "long enough", intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	if has, _ := s.HasStaff(ctx); !has {
		t.Error("HasStaff false after the first account")
	}
	tests := []struct {
		name     string
		by       *intake.Staff
		userName string
		password string
		role     intake.Role
		wantErr  error
	}{
		{"second without creator", nil, "Bruno", "long enough", intake.RoleAdmin, ErrForbidden},
		{"by reception", &reception, "Bruno", "long enough", intake.RoleReception, ErrForbidden},
		{"same name other case", &first, "ANNA", "long enough", intake.RoleReception, ErrExists},
		{"short password", &first, "Bruno", "short", intake.RoleReception, ErrWeakPassword},
		{"unknown role", &first, "Bruno", "long enough", intake.Role("boss"), ErrInvalid},
		{"empty name", &first, "  ", "long enough", intake.RoleReception, ErrInvalid},
		{"ok", &first, "Bruno", "long enough", intake.RoleReception, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := s.CreateStaff(ctx, tt.by, tt.userName, tt.password, tt.role)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && (st.ID == "" || st.Role != tt.role || st.Name != tt.userName) {
				t.Errorf("created %+v", st)
			}
		})
	}
	list, err := s.ListStaff(ctx, first)
	if err != nil || len(list) != 2 {
		t.Fatalf("ListStaff = %v, %v", list, err)
	}
	if _, err := s.ListStaff(ctx, reception); !errors.Is(err, ErrForbidden) {
		t.Errorf("reception listing staff: err = %v", err)
	}
	var hash string
	if err := s.r.QueryRow(`SELECT password FROM staff WHERE name = 'Bruno'`).Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=") || strings.Contains(hash, "long enough") {
		t.Errorf("stored password %q is not an argon2id hash", hash)
	}
}

func TestAuthenticate(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	boss, err := s.CreateStaff(ctx, nil, "Anna", "correct horse", intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	gone, err := s.CreateStaff(ctx, &boss, "Carla", "battery staple", intake.RoleReception)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetStaffDisabled(ctx, boss, gone.ID, true); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, user, password string
		wantErr              error
	}{
		{"right", "Anna", "correct horse", nil},
		{"case of the name", "anna", "correct horse", nil},
		{"wrong password", "Anna", "correct horsE", ErrBadLogin},
		{"unknown name", "Nobody", "correct horse", ErrBadLogin},
		{"disabled", "Carla", "battery staple", ErrBadLogin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := s.Authenticate(ctx, tt.user, tt.password)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && (st.ID != boss.ID || st.Role != intake.RoleAdmin) {
				t.Errorf("logged in as %+v", st)
			}
		})
	}
	entries, err := s.Audit(ctx, boss, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[Action]int{}
	for _, e := range entries {
		counts[e.Action]++
	}
	if counts[ActionLogin] != 2 || counts[ActionLoginFailed] != 3 {
		t.Errorf("audit has %d logins and %d failures, want 2 and 3", counts[ActionLogin], counts[ActionLoginFailed])
	}
}

func TestPasswordHash(t *testing.T) {
	k := cheapKDF
	h, err := k.hash("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := k.hash("correct horse")
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	tests := []struct {
		phc, password string
		want          bool
	}{
		{h, "correct horse", true},
		{h, "correct horse ", false},
		{k.dummy(), "", false},
		{"$argon2i$v=19$m=64,t=1,p=1$AAAA$AAAA", "x", false},
		{"garbage", "x", false},
		{"$argon2id$v=19$m=64,t=0,p=1$AAAA$AAAA", "x", false},
		{"$argon2id$v=19$m=4294967295,t=1,p=1$AAAA$AAAA", "x", false},
	}
	for i, tt := range tests {
		if got := verifyPassword(tt.phc, tt.password); got != tt.want {
			t.Errorf("case %d: verify = %v, want %v", i, got, tt.want)
		}
	}
}

// Stored hashes come from the database file, which may be damaged:
// verifying never panics, and only a real hash of the password matches.
func FuzzVerifyPassword(f *testing.F) {
	h, _ := cheapKDF.hash("correct horse")
	f.Add(h, "correct horse")
	f.Add("$argon2id$v=19$m=1,t=1,p=1$$", "")
	f.Add("$argon2id$v=19$m=4294967295,t=4294967295,p=255$AA$AA", "x")
	f.Fuzz(func(t *testing.T, phc, password string) {
		if k, _, _, ok := parsePHC(phc); ok && (k.memory > 1024 || k.time > 2) {
			t.Skip("costs outside the test's budget")
		}
		verifyPassword(phc, password)
	})
}
