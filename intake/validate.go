package intake

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Problem is one validation failure: the field it concerns, a stable message
// ID for the catalogs and the arguments the message needs.
type Problem struct {
	Field Field
	ID    string
	Args  map[string]any
}

// Message IDs of validation problems. The user interface translates them.
const (
	MsgRequired          = "intake.error.required"
	MsgTooLong           = "intake.error.too_long"
	MsgBadCharacters     = "intake.error.bad_characters"
	MsgDateInvalid       = "intake.error.date.invalid"
	MsgDateFuture        = "intake.error.date.future"
	MsgBirthTooOld       = "intake.error.dob.too_old"
	MsgDateBeforeBirth   = "intake.error.date.before_birth"
	MsgSexInvalid        = "intake.error.sex.invalid"
	MsgPermitInvalid     = "intake.error.permit.invalid"
	MsgStatusInvalid     = "intake.error.status.invalid"
	MsgRelationInvalid   = "intake.error.relation.invalid"
	MsgNationality       = "intake.error.nationality.invalid"
	MsgLanguageInvalid   = "intake.error.language.invalid"
	MsgIdentifierInvalid = "intake.error.identifier.invalid"
	MsgVulnerability     = "intake.error.vulnerability.invalid"
	MsgAccommodation     = "intake.error.accommodation.invalid"
)

// Limits on free text, in characters. Names in any script fit comfortably;
// a pasted document does not.
const (
	MaxNameLen  = 200
	MaxTextLen  = 4000
	MaxPlaceLen = 200
	oldestAge   = 130
)

// Validate checks a person as a form or an import row would save it. today
// is the desk's date, passed in so that validation is deterministic.
func (p Person) Validate(today Date) []Problem {
	var ps []Problem
	add := func(f Field, id string, args map[string]any) {
		ps = append(ps, Problem{Field: f, ID: id, Args: args})
	}
	if strings.TrimSpace(p.Surname) == "" && strings.TrimSpace(p.SurnameOriginal) == "" {
		add(FieldSurname, MsgRequired, nil)
	}
	for f, v := range map[Field]string{
		FieldSurname: p.Surname, FieldGivenNames: p.GivenNames,
		FieldSurnameOriginal: p.SurnameOriginal, FieldGivenNamesOriginal: p.GivenNamesOriginal,
	} {
		if id, args := checkText(v, MaxNameLen); id != "" {
			add(f, id, args)
		}
	}
	for f, v := range map[Field]string{
		FieldFederalCentre: p.FederalCentre, FieldAccommodationPlace: p.AccommodationPlace,
	} {
		if id, args := checkText(v, MaxPlaceLen); id != "" {
			add(f, id, args)
		}
	}
	for f, v := range map[Field]string{FieldDietaryNeeds: p.DietaryNeeds, FieldHealthNotes: p.HealthNotes} {
		if id, args := checkText(v, MaxTextLen); id != "" {
			add(f, id, args)
		}
	}
	ps = append(ps, p.validateCodes()...)
	ps = append(ps, p.validateDates(today)...)
	return sortProblems(ps)
}

func (p Person) validateCodes() []Problem {
	var ps []Problem
	if !p.Sex.Valid() {
		ps = append(ps, Problem{Field: FieldSex, ID: MsgSexInvalid})
	}
	if !p.Permit.Valid() {
		ps = append(ps, Problem{Field: FieldPermit, ID: MsgPermitInvalid, Args: map[string]any{"Value": p.Permit}})
	}
	if p.Status != "" && !p.Status.Valid() {
		ps = append(ps, Problem{Field: FieldStatus, ID: MsgStatusInvalid})
	}
	if !p.Relation.Valid() {
		ps = append(ps, Problem{Field: FieldRelation, ID: MsgRelationInvalid})
	}
	if p.Nationality != "" && !ValidCountryCode(p.Nationality) {
		ps = append(ps, Problem{Field: FieldNationality, ID: MsgNationality, Args: map[string]any{"Value": p.Nationality}})
	}
	for _, tag := range append(append([]string(nil), p.Languages...), p.PreferredLanguage) {
		if tag == "" {
			continue
		}
		if _, err := language.Parse(tag); err != nil {
			ps = append(ps, Problem{Field: FieldLanguages, ID: MsgLanguageInvalid, Args: map[string]any{"Value": tag}})
		}
	}
	for f, v := range map[Field]string{FieldNNumber: p.NNumber, FieldZEMISNumber: p.ZEMISNumber} {
		if v != "" && !wellFormedIdentifier(v) {
			ps = append(ps, Problem{Field: f, ID: MsgIdentifierInvalid})
		}
	}
	for _, v := range p.Vulnerabilities {
		if !validVulnerability(v) {
			ps = append(ps, Problem{Field: FieldVulnerabilities, ID: MsgVulnerability})
		}
	}
	if p.AccommodationKind != AccommodationNone && !validAccommodation(p.AccommodationKind) {
		ps = append(ps, Problem{Field: FieldAccommodationKind, ID: MsgAccommodation})
	}
	return ps
}

func (p Person) validateDates(today Date) []Problem {
	var ps []Problem
	if !p.BirthDate.IsZero() {
		switch {
		case today.Before(p.BirthDate):
			ps = append(ps, Problem{Field: FieldBirthDate, ID: MsgDateFuture})
		case p.BirthDate.Year < today.Year-oldestAge:
			ps = append(ps, Problem{Field: FieldBirthDate, ID: MsgBirthTooOld, Args: map[string]any{"Years": oldestAge}})
		}
	}
	for f, d := range map[Field]Date{
		FieldEntryDate: p.EntryDate, FieldApplicationDate: p.ApplicationDate,
		FieldAttributionDate: p.AttributionDate, FieldAccommodationSince: p.AccommodationSince,
	} {
		switch {
		case d.IsZero():
		case today.Before(d):
			ps = append(ps, Problem{Field: f, ID: MsgDateFuture})
		case !p.BirthDate.IsZero() && d.Before(p.BirthDate):
			ps = append(ps, Problem{Field: f, ID: MsgDateBeforeBirth})
		}
	}
	// An arrival date may lie in the future: expected arrivals are planned.
	if !p.ArrivalDate.IsZero() && !p.BirthDate.IsZero() && p.ArrivalDate.Before(p.BirthDate) {
		ps = append(ps, Problem{Field: FieldArrivalDate, ID: MsgDateBeforeBirth})
	}
	return ps
}

// checkText reports text that is too long or holds control characters or
// invalid UTF-8 (a paste from a binary file, say).
func checkText(s string, max int) (string, map[string]any) {
	if !utf8.ValidString(s) {
		return MsgBadCharacters, nil
	}
	if utf8.RuneCountInString(s) > max {
		return MsgTooLong, map[string]any{"Max": max}
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return MsgBadCharacters, nil
		}
	}
	return "", nil
}

func validVulnerability(v Vulnerability) bool {
	for _, k := range Vulnerabilities {
		if v == k {
			return true
		}
	}
	return false
}

func validAccommodation(k AccommodationKind) bool {
	for _, a := range AccommodationKinds {
		if k == a {
			return true
		}
	}
	return false
}

// ValidCountryCode reports whether s is an ISO 3166-1 alpha-2 region code.
func ValidCountryCode(s string) bool {
	if len(s) != 2 {
		return false
	}
	r, err := language.ParseRegion(s)
	return err == nil && r.IsCountry()
}

func sortProblems(ps []Problem) []Problem {
	// Map iteration order is random: sort so that forms and imports show
	// problems in a stable order.
	slices.SortStableFunc(ps, func(a, b Problem) int { return strings.Compare(string(a.Field), string(b.Field)) })
	return ps
}
