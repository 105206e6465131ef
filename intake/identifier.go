package intake

import (
	"strings"
	"unicode"
)

// The exact formats of the SEM file number (N number) and the ZEMIS number
// are not published reliably, so they are stored as entered and only
// normalised for comparison and search.

// maxIdentifierLen bounds an identifier; real ones are far shorter.
const maxIdentifierLen = 32

// NormaliseIdentifier returns the comparison form of an N or ZEMIS number:
// spaces, dots, slashes, hyphens and underscores removed, letters upper-cased.
// "N 123.456/7" and "n1234567" compare equal.
func NormaliseIdentifier(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '.' || r == '/' || r == '-' || r == '_' || unicode.IsSpace(r):
		default:
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// wellFormedIdentifier accepts ASCII letters and digits with the usual
// separators, at least one digit, and a sane length.
func wellFormedIdentifier(s string) bool {
	if len(s) > maxIdentifierLen {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		case r == ' ' || r == '.' || r == '/' || r == '-' || r == '_':
		default:
			return false
		}
	}
	return digits > 0
}
