package tabular

import (
	"strconv"
	"strings"

	"accueil/intake"
)

// sexWords maps the keys of the ways lists write sex to the recorded value.
var sexWords = map[string]intake.Sex{
	"m": intake.SexMale, "male": intake.SexMale, "man": intake.SexMale,
	"h": intake.SexMale, "homme": intake.SexMale, "masculin": intake.SexMale, "masculine": intake.SexMale,
	"mannlich": intake.SexMale, "maennlich": intake.SexMale, "mann": intake.SexMale, "maschile": intake.SexMale,
	"f": intake.SexFemale, "female": intake.SexFemale, "woman": intake.SexFemale,
	"femme": intake.SexFemale, "feminin": intake.SexFemale, "feminine": intake.SexFemale,
	"w": intake.SexFemale, "weiblich": intake.SexFemale, "frau": intake.SexFemale, "femminile": intake.SexFemale,
	"x": intake.SexOther, "d": intake.SexOther, "divers": intake.SexOther, "diverse": intake.SexOther,
	"other": intake.SexOther, "autre": intake.SexOther, "andere": intake.SexOther,
	// Explicitly unknown: recorded as unknown, not as a problem.
	"u": intake.SexUnknown, "unknown": intake.SexUnknown, "inconnu": intake.SexUnknown, "unbekannt": intake.SexUnknown,
}

// ParseSex reads sex as federal lists and spreadsheets write it: M/F/X,
// H (homme) and W (weiblich), or the word in English, French or German.
// Empty text and "unknown" give [intake.SexUnknown]; ok is false for
// anything else.
func ParseSex(s string) (sex intake.Sex, ok bool) {
	k := key(s)
	if k == "" {
		// Blank, "?" or "-": nothing is known.
		return intake.SexUnknown, true
	}
	sex, ok = sexWords[k]
	return sex, ok
}

// permitWords are the words that may precede a permit letter: "permis F",
// "Ausweis N", "permit type B".
var permitWords = map[string]bool{
	"permis": true, "permit": true, "ausweis": true, "bewilligung": true,
	"livret": true, "type": true, "typ": true, "status": true, "statut": true, "de": true,
}

// ParsePermit reads a permit type (N, F, B, S, RAD, any case), tolerating a
// leading word such as "permis F" or "Ausweis N". Empty text gives
// [intake.PermitNone]; ok is false for anything else.
func ParsePermit(s string) (intake.Permit, bool) {
	for _, w := range strings.FieldsFunc(s, isPermitSeparator) {
		k := key(w)
		if k == "" || permitWords[k] {
			continue
		}
		p := intake.Permit(strings.ToUpper(k))
		return p, p != intake.PermitNone && p.Valid()
	}
	return intake.PermitNone, true
}

func isPermitSeparator(r rune) bool {
	return r == ' ' || r == '-' || r == '_' || r == '.' || r == ':' || r == '/' || r == '(' || r == ')' || r == '\t'
}

var yesNoWords = map[string]bool{
	"yes": true, "y": true, "oui": true, "o": true, "ja": true, "j": true, "si": true,
	"1": true, "true": true, "vrai": true, "wahr": true, "x": true,
	"no": false, "n": false, "non": false, "nein": false, "0": false,
	"false": false, "faux": false, "falsch": false,
}

// ParseBool reads a yes/no cell in English, French or German, as 1/0 or
// true/false, or as "x" or a check mark (a ticked box). Empty text is no;
// ok is false for anything else.
func ParseBool(s string) (v, ok bool) {
	k := key(s)
	if k == "" {
		s = strings.TrimSpace(s)
		if s == "✓" || s == "✔" || s == "☑" {
			return true, true
		}
		return false, s == "" || s == "-"
	}
	v, ok = yesNoWords[k]
	return v, ok
}

// ParseDate reads a date as [intake.ParseDate] does, also accepting a time
// of day after it ("1990-05-03 00:00:00"), which spreadsheets add.
func ParseDate(s string) (intake.Date, error) {
	return intake.ParseDate(cutTime(s))
}

func cutTime(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " T"); i > 0 && strings.Contains(s[i:], ":") {
		return s[:i]
	}
	return s
}

// ParseBirthDate reads a date of birth. Besides full dates it accepts the
// forms federal lists use when the day or month is unknown: "00.00.1990",
// "00.05.1990", "XX.XX.1990", "1990-00-00", "05.1990" and "1990". Those
// give the first day of the known period (1 January 1990) with approx true,
// the office's convention for approximate dates.
func ParseBirthDate(s string) (d intake.Date, approx bool, err error) {
	d, err = ParseDate(s)
	if err == nil {
		return d, false, nil
	}
	if d, ok := parseApprox(cutTime(s)); ok {
		return d, true, nil
	}
	return intake.Date{}, false, err
}

// parseApprox reads a date with unknown parts as year, month, day numbers
// where 0 means unknown.
func parseApprox(s string) (intake.Date, bool) {
	var parts []string
	yearFirst := false
	switch {
	case strings.Contains(s, "-"):
		parts, yearFirst = strings.Split(s, "-"), true
	case strings.Contains(s, "."):
		parts = strings.Split(s, ".")
	case strings.Contains(s, "/"):
		parts = strings.Split(s, "/")
	default:
		parts = []string{s}
	}
	if !yearFirst {
		// Reverse to year, month, day.
		for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
			parts[i], parts[j] = parts[j], parts[i]
		}
	}
	if len(parts) > 3 || len(parts[0]) != 4 {
		return intake.Date{}, false
	}
	ymd := [3]int{0, 0, 0}
	for i, p := range parts {
		n, ok := datePart(p, i == 0)
		if !ok {
			return intake.Date{}, false
		}
		ymd[i] = n
	}
	return approxDate(ymd)
}

// approxDate turns year, month, day with unknown parts (0) into the first
// day of the known period. A known day in an unknown month is meaningless
// and taken as unknown too.
func approxDate(ymd [3]int) (intake.Date, bool) {
	y, m, d := ymd[0], ymd[1], ymd[2]
	if y == 0 || (m != 0 && d != 0) {
		return intake.Date{}, false // a full date was already refused
	}
	if m == 0 {
		m, d = 1, 1
	}
	if d == 0 {
		d = 1
	}
	date, err := intake.ParseDate(strconv.Itoa(y) + "-" + strconv.Itoa(m) + "-" + strconv.Itoa(d))
	return date, err == nil
}

// datePart reads one number of a date; placeholders for an unknown part
// (00, XX, ??) give 0. The year must be known.
func datePart(p string, year bool) (int, bool) {
	if !year && (strings.Trim(p, "0") == "" || strings.Trim(p, "xX?") == "") && len(p) <= 2 {
		return 0, true
	}
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return 0, false
		}
	}
	if len(p) == 0 || len(p) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(p)
	return n, err == nil && (!year || n > 0)
}
