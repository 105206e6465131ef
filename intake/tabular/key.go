package tabular

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// key returns the lookup form of a header or a coded value: lower case,
// accents removed, everything but letters and digits dropped. "Date de
// naissance", "date_of_birth" and "DATE-OF-BIRTH" become "datedenaissance"
// and "dateofbirth"; "Staatsangehörigkeit" becomes "staatsangehorigkeit".
// It is for matching against tables only, never for storing: removing marks
// would damage names in scripts where marks are letters.
func key(s string) string {
	if ascii(s) {
		return asciiKey(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	// NFKD splits accented letters into letter and mark and turns
	// compatibility forms (º, full-width letters) into plain ones.
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r == 'ß':
			b.WriteString("ss")
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// asciiKey is key's fast path: most cells are plain ASCII.
func asciiKey(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b = append(b, c)
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
