package central

import (
	"context"
	"errors"
	"testing"

	"accueil/intake"
	"accueil/seal"
)

var cheapKDF = StaffKDF{Time: 1, Memory: 64, Threads: 1}

// TestAddStaff: the policy holds, names are unique case-insensitively,
// and the account carries what a desk needs: a hash and KD under the
// password.
func TestAddStaff(t *testing.T) {
	ctx := context.Background()
	v := openTestVault(t)
	const pw = "staff test password"
	r, err := v.AddStaff(ctx, " Testperson Alpha ", pw, intake.RoleCounsellor, cheapKDF)
	if err != nil || r.Name != "Testperson Alpha" || r.Version != 1 {
		t.Fatalf("add: %+v %v", r, err)
	}
	kd, err := seal.Unwrap(pw, r.KeyWrap)
	if err != nil || string(kd.Bytes()) != string(v.DeploymentKey().Bytes()) {
		t.Fatalf("key wrap: %v", err)
	}
	if _, err := seal.Unwrap("another password", r.KeyWrap); !errors.Is(err, seal.ErrWrongPassword) {
		t.Fatalf("wrong password opened the wrap: %v", err)
	}
	tests := []struct {
		name, user, pw string
		role           intake.Role
		want           error
	}{
		{"weak password", "Testperson Beta", "short", intake.RoleHealth, ErrWeakPassword},
		{"unknown role", "Testperson Beta", pw, "janitor", ErrInvalidStaff},
		{"empty name", "  ", pw, intake.RoleHealth, ErrInvalidStaff},
		{"name taken, other case", "TESTPERSON ALPHA", pw, intake.RoleHealth, ErrStaffExists},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := v.AddStaff(ctx, tt.user, tt.pw, tt.role, cheapKDF); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
	off, err := v.SetStaffDisabled(ctx, "testperson alpha", true)
	if err != nil || !off.Disabled || off.Version != 2 || off.PasswordHash != r.PasswordHash {
		t.Fatalf("disable: %+v %v", off, err)
	}
	if _, err := v.SetStaffDisabled(ctx, "nobody", true); !errors.Is(err, ErrUnknownStaff) {
		t.Fatalf("disable unknown: %v", err)
	}
	renewed, err := v.SetStaffPassword(ctx, "Testperson Alpha", "a new staff password", cheapKDF)
	if err != nil || renewed.Version != 3 || renewed.PasswordHash == r.PasswordHash || !renewed.Disabled {
		t.Fatalf("new password: %+v %v", renewed, err)
	}
	if kd, err := seal.Unwrap("a new staff password", renewed.KeyWrap); err != nil || string(kd.Bytes()) != string(v.DeploymentKey().Bytes()) {
		t.Fatalf("new wrap: %v", err)
	}
	if _, err := v.SetStaffPassword(ctx, "Testperson Alpha", "short", cheapKDF); !errors.Is(err, ErrWeakPassword) {
		t.Fatalf("weak new password: %v", err)
	}
	all, err := v.ListStaff(ctx)
	if err != nil || len(all) != 1 || !all[0].Disabled {
		t.Fatalf("list: %+v %v", all, err)
	}
}
