package intake

import "testing"

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		name, password, want string
	}{
		{"Testperson Alpha", "short", PasswordTooShort},
		{"Testperson", "testperson", PasswordIsName},
		{"Testperson", "TESTPERSON1", PasswordIsName},
		{"Testperson", "zzzzzzzzzzzz", PasswordOneChar},
		{"Testperson", "ééééééééééé", PasswordOneChar},
		{"Testperson", "1234567890", PasswordCommon},
		{"Testperson", "MotDePasse1", PasswordCommon},
		{"Testperson", "correct horse battery", ""},
		{"Testperson", "testperson likes long walks", ""},
		{"", "ordinary long phrase", ""},
	}
	for _, tt := range tests {
		t.Run(tt.password, func(t *testing.T) {
			if got := CheckPassword(tt.name, tt.password); got != tt.want {
				t.Errorf("CheckPassword(%q, %q) = %q, want %q", tt.name, tt.password, got, tt.want)
			}
		})
	}
}
