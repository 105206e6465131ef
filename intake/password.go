package intake

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
)

// Message IDs of CheckPassword's refusals, for the staff catalogs.
const (
	PasswordTooShort = "password.weak.short"
	PasswordIsName   = "password.weak.name"
	PasswordOneChar  = "password.weak.repeated"
	PasswordCommon   = "password.weak.common"
)

// commonPasswords are among the most used passwords (and the obvious ones
// of this office) that are at least MinPasswordLen long: a guesser tries
// them first.
var commonPasswords = map[string]bool{
	"1234567890": true, "12345678910": true, "0123456789": true, "0987654321": true,
	"123456789a": true, "1q2w3e4r5t": true, "qwertyuiop": true, "qwertzuiop": true,
	"azertyuiop": true, "asdfghjkl1": true, "password12": true, "password123": true,
	"password1234": true, "passwort123": true, "motdepasse": true, "motdepasse1": true,
	"iloveyou12": true, "princess12": true, "football12": true, "welcome123": true,
	"willkommen": true, "bienvenue1": true, "benvenuto1": true, "1qaz2wsx3edc": true,
	"qwerty1234": true, "qwertz1234": true, "abcdefghij": true, "abc1234567": true,
	"accueil123": true, "accueil2026": true, "switzerland": true, "schweiz123": true,
	"changeme123": true, "administrator": true, "letmein123": true, "trustno1234": true,
}

// CheckPassword returns the message ID of the reason password is too weak
// for the account name, or "" when it is acceptable: at least
// MinPasswordLen characters, not the name, not one character repeated,
// not one of the most common passwords.
func CheckPassword(name, password string) string {
	folded := cases.Fold().String(password)
	switch {
	case utf8.RuneCountInString(password) < MinPasswordLen:
		return PasswordTooShort
	case name != "" && strings.Contains(folded, cases.Fold().String(strings.TrimSpace(name))) &&
		utf8.RuneCountInString(password) < 2*utf8.RuneCountInString(name)+MinPasswordLen/2:
		return PasswordIsName
	case oneRune(password):
		return PasswordOneChar
	case commonPasswords[folded]:
		return PasswordCommon
	}
	return ""
}

func oneRune(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return strings.Trim(s, string(first)) == ""
}
