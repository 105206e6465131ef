package intake

import (
	"slices"
	"strings"
	"testing"
)

var today = MustDate("2026-11-23")

func validPerson() Person {
	return Person{
		Surname: "Testari", GivenNames: "Yonas", Sex: SexMale,
		BirthDate: MustDate("1993-05-12"), Nationality: "ER", Languages: []string{"ti", "ar"},
		PreferredLanguage: "ti", NNumber: "N 901 001", Permit: PermitN, Status: StatusArrived,
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Person)
		field  Field
		id     string
	}{
		{"valid", func(*Person) {}, "", ""},
		{"original script only is enough", func(p *Person) { p.Surname, p.SurnameOriginal = "", "ተስፋይ" }, "", ""},
		{"no surname at all", func(p *Person) { p.Surname = " " }, FieldSurname, MsgRequired},
		{"birth in the future", func(p *Person) { p.BirthDate = MustDate("2027-01-01") }, FieldBirthDate, MsgDateFuture},
		{"birth 140 years ago", func(p *Person) { p.BirthDate = MustDate("1886-01-01") }, FieldBirthDate, MsgBirthTooOld},
		{"entry before birth", func(p *Person) { p.EntryDate = MustDate("1990-01-01") }, FieldEntryDate, MsgDateBeforeBirth},
		{"expected arrival may be in the future", func(p *Person) { p.ArrivalDate = MustDate("2026-12-01") }, "", ""},
		{"name of any script up to the limit", func(p *Person) { p.GivenNames = strings.Repeat("ሀ", MaxNameLen) }, "", ""},
		{"name too long", func(p *Person) { p.GivenNames = strings.Repeat("ሀ", MaxNameLen+1) }, FieldGivenNames, MsgTooLong},
		{"control characters", func(p *Person) { p.Surname = "Test\x00ari" }, FieldSurname, MsgBadCharacters},
		{"invalid UTF-8", func(p *Person) { p.Surname = "Test\xffari" }, FieldSurname, MsgBadCharacters},
		{"unknown permit", func(p *Person) { p.Permit = "C" }, FieldPermit, MsgPermitInvalid},
		{"country name instead of code", func(p *Person) { p.Nationality = "Eritrea" }, FieldNationality, MsgNationality},
		{"not a country", func(p *Person) { p.Nationality = "ZZ" }, FieldNationality, MsgNationality},
		{"bad language tag", func(p *Person) { p.Languages = []string{"tigrinya!"} }, FieldLanguages, MsgLanguageInvalid},
		{"Dari tag", func(p *Person) { p.PreferredLanguage = "fa-AF" }, "", ""},
		{"N number with letters in another script", func(p *Person) { p.NNumber = "N ١٢٣" }, FieldNNumber, MsgIdentifierInvalid},
		{"N number without digits", func(p *Person) { p.NNumber = "N/A" }, FieldNNumber, MsgIdentifierInvalid},
		{"unknown vulnerability", func(p *Person) { p.Vulnerabilities = []Vulnerability{"rich"} }, FieldVulnerabilities, MsgVulnerability},
		{"health notes 4000 chars", func(p *Person) { p.HealthNotes = strings.Repeat("a", MaxTextLen) }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validPerson()
			tt.change(&p)
			ps := p.Validate(today)
			if tt.id == "" {
				if len(ps) != 0 {
					t.Fatalf("unexpected problems %+v", ps)
				}
				return
			}
			if !slices.ContainsFunc(ps, func(x Problem) bool { return x.Field == tt.field && x.ID == tt.id }) {
				t.Fatalf("problems %+v, want %s on %s", ps, tt.id, tt.field)
			}
		})
	}
}

func TestValuesRoundTrip(t *testing.T) {
	p := validPerson()
	p.ID = "x"
	p.BirthDateApprox, p.InterpreterNeeded = true, true
	p.Vulnerabilities = []Vulnerability{VulnerableTrauma, VulnerablePregnancy}
	p.HealthNotes = "synthetic"
	back := PersonFromValues("x", p.Values())
	if len(Changes(p.Values(), back.Values())) != 0 {
		t.Fatalf("round trip changed %v", Changes(p.Values(), back.Values()))
	}
	for _, f := range PersonFields() {
		if _, ok := p.Values()[f]; !ok {
			t.Errorf("field %s missing from Values", f)
		}
	}
}

func TestRolesReachByField(t *testing.T) {
	tests := []struct {
		role Role
		f    Field
		want bool
	}{
		{RoleReception, FieldSurname, true},
		{RoleReception, FieldHealthNotes, false},
		{RoleCounsellor, FieldHealthNotes, false},
		{RoleAdmin, FieldHealthNotes, false},
		{RoleHealth, FieldHealthNotes, true},
		{RoleReception, FieldVulnerabilities, true},
		{Role("visitor"), FieldSurname, false},
		{RoleAdmin, Field("no_such_field"), false},
	}
	for _, tt := range tests {
		if got := tt.role.CanReadField(tt.f); got != tt.want {
			t.Errorf("%s reads %s = %v, want %v", tt.role, tt.f, got, tt.want)
		}
	}
	v := validPerson()
	v.HealthNotes = "synthetic"
	vals := v.Values()
	RoleReception.Redact(vals)
	if _, ok := vals[FieldHealthNotes]; ok {
		t.Error("Redact kept health notes for reception")
	}
}

func TestMatchReasons(t *testing.T) {
	base := validPerson()
	tests := []struct {
		name   string
		change func(*Person)
		want   []Reason
	}{
		{"same N number written differently", func(p *Person) { p.Surname, p.NNumber = "Other", "n901.001" }, []Reason{ReasonNNumber}},
		{"same ZEMIS", func(p *Person) { p.Surname, p.NNumber, p.ZEMISNumber = "Other", "", "Z-1" }, nil},
		{"variant spelling, close birth date", func(p *Person) { p.NNumber, p.GivenNames, p.BirthDate = "", "Yonnas", MustDate("1993-05-20") }, []Reason{ReasonNameAndBirth}},
		{"same name, birth years apart", func(p *Person) { p.NNumber, p.BirthDate = "", MustDate("1980-05-12") }, nil},
		{"same name and birth, other nationality", func(p *Person) { p.NNumber, p.Nationality = "", "ET" }, nil},
		{"approximate birth date within a year", func(p *Person) {
			p.NNumber, p.BirthDate, p.BirthDateApprox = "", MustDate("1993-01-01"), true
		}, []Reason{ReasonNameAndBirth}},
		{"different person", func(p *Person) { p.NNumber, p.Surname, p.GivenNames = "", "Testova", "Iryna" }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			other := base
			tt.change(&other)
			a := base
			if tt.name == "same ZEMIS" {
				a.ZEMISNumber = "z1"
				tt.want = []Reason{ReasonZEMISNumber}
			}
			if got := MatchReasons(a, other); !slices.Equal(got, tt.want) {
				t.Errorf("MatchReasons = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTimestampOrderAndText(t *testing.T) {
	a, b := Timestamp{Wall: 5, Logical: 9}, Timestamp{Wall: 6}
	if a.Compare(b) >= 0 || b.Compare(a) <= 0 || a.Compare(a) != 0 {
		t.Fatal("Compare wrong")
	}
	if !(a.String() < b.String()) {
		t.Fatal("string order is not time order")
	}
	back, err := ParseTimestamp(a.String())
	if err != nil || back != a {
		t.Fatalf("round trip: %v %v", back, err)
	}
	if _, err := ParseTimestamp("12"); err == nil {
		t.Fatal("a timestamp without counter parsed")
	}
}
