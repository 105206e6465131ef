package tabular

import (
	"slices"
	"testing"

	"accueil/intake"
)

func TestParseSex(t *testing.T) {
	tests := []struct {
		in   string
		want intake.Sex
		ok   bool
	}{
		{"M", intake.SexMale, true}, {"m", intake.SexMale, true}, {"H", intake.SexMale, true},
		{"male", intake.SexMale, true}, {"Masculin", intake.SexMale, true}, {"männlich", intake.SexMale, true},
		{"F", intake.SexFemale, true}, {"f", intake.SexFemale, true}, {"W", intake.SexFemale, true},
		{"Female", intake.SexFemale, true}, {"féminin", intake.SexFemale, true}, {"WEIBLICH", intake.SexFemale, true},
		{"X", intake.SexOther, true}, {"divers", intake.SexOther, true},
		{"", intake.SexUnknown, true}, {" ", intake.SexUnknown, true}, {"?", intake.SexUnknown, true},
		{"inconnu", intake.SexUnknown, true},
		{"Q", intake.SexUnknown, false}, {"maybe", intake.SexUnknown, false}, {"mâle", intake.SexMale, true}, {"ذكر", intake.SexUnknown, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseSex(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseSex(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParsePermit(t *testing.T) {
	tests := []struct {
		in   string
		want intake.Permit
		ok   bool
	}{
		{"N", intake.PermitN, true}, {"f", intake.PermitF, true}, {"B", intake.PermitB, true},
		{"s", intake.PermitS, true}, {"RAD", intake.PermitRAD, true}, {"rad", intake.PermitRAD, true},
		{"Ausweis N", intake.PermitN, true}, {"permis F", intake.PermitF, true}, {"Permis B (réfugié)", intake.PermitB, true},
		{"N-Ausweis", intake.PermitN, true}, {"type de permis : S", intake.PermitS, true},
		{"", intake.PermitNone, true}, {" - ", intake.PermitNone, true},
		{"C", intake.PermitNone, false}, {"Ausweis", intake.PermitNone, true}, {"NEE", intake.PermitNone, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParsePermit(tt.in)
			if ok != tt.ok || (ok && got != tt.want) {
				t.Errorf("ParsePermit(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseBool(t *testing.T) {
	for _, in := range []string{"yes", "Oui", "JA", "1", "true", "x", "✓"} {
		if v, ok := ParseBool(in); !v || !ok {
			t.Errorf("ParseBool(%q) = %v, %v", in, v, ok)
		}
	}
	for _, in := range []string{"no", "Non", "nein", "0", "FALSE", "", " "} {
		if v, ok := ParseBool(in); v || !ok {
			t.Errorf("ParseBool(%q) = %v, %v", in, v, ok)
		}
	}
	for _, in := range []string{"peut-être", "2", "vielleicht"} {
		if _, ok := ParseBool(in); ok {
			t.Errorf("ParseBool(%q) accepted", in)
		}
	}
}

func TestParseBirthDate(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		approx bool
		ok     bool
	}{
		{"1990-05-03", "1990-05-03", false, true},
		{"03.05.1990", "1990-05-03", false, true},
		{"3.5.1990", "1990-05-03", false, true},
		{"03/05/1990", "1990-05-03", false, true},
		{"1990-05-03 00:00:00", "1990-05-03", false, true},
		{"1990-05-03T00:00:00Z", "1990-05-03", false, true},
		{"00.00.1990", "1990-01-01", true, true},
		{"00.05.1990", "1990-05-01", true, true},
		{"XX.XX.1990", "1990-01-01", true, true},
		{"??.??.1990", "1990-01-01", true, true},
		{"1990-00-00", "1990-01-01", true, true},
		{"05.1990", "1990-05-01", true, true},
		{"1990", "1990-01-01", true, true},
		{"", "", false, true},
		{"31.02.1990", "", false, false},
		{"00.13.1990", "", false, false},
		{"03.05.90", "", false, false},
		{"0000", "", false, false},
		{"born 1990", "", false, false},
		{"00.00.0000", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, approx, err := ParseBirthDate(tt.in)
			if (err == nil) != tt.ok || d.String() != tt.want || approx != tt.approx {
				t.Errorf("ParseBirthDate(%q) = %s, %v, %v; want %s, %v, ok=%v", tt.in, d, approx, err, tt.want, tt.approx, tt.ok)
			}
		})
	}
}

func TestParseDateRefusesApproximate(t *testing.T) {
	// Only dates of birth have an approximate flag; other dates must be
	// real dates.
	if _, err := ParseDate("00.00.2025"); err == nil {
		t.Error("00.00.2025 accepted as a procedure date")
	}
	res := readString(t, "surname;entry_date\nTestperson;00.05.2025\n")
	if got := problemIDs(res.Rows[0].Problems); !slices.Equal(got, []string{"entry_date:" + intake.MsgDateInvalid}) {
		t.Errorf("problems %v", got)
	}
	if v := res.Rows[0].Problems[0].Args["Value"]; v != "00.05.2025" {
		t.Errorf("value %v", v)
	}
}

func TestParseCountry(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"ER", "ER", true}, {"er", "ER", true}, {"ERI", "ER", true}, {"232", "ER", true},
		{"Eritrea", "ER", true}, {"Érythrée", "ER", true}, {"ERYTHREE", "ER", true}, {"érythréenne", "ER", true},
		{"Afghanistan", "AF", true}, {"afghan", "AF", true}, {"AFG", "AF", true},
		{"Türkei", "TR", true}, {"Turquie", "TR", true}, {"Türkiye", "TR", true}, {"Turkey", "TR", true},
		{"Syrie", "SY", true}, {"Syrien", "SY", true}, {"Syrian Arab Republic", "SY", true},
		{"Algérie", "DZ", true}, {"Marokko", "MA", true}, {"Somalia", "SO", true}, {"Somalie", "SO", true},
		{"Ukraine", "UA", true}, {"UKR", "UA", true}, {"Irak", "IQ", true}, {"Iran", "IR", true},
		{"Sri Lanka", "LK", true}, {"Georgien", "GE", true}, {"Kosovo", "XK", true}, {"XK", "XK", true},
		{"Elfenbeinküste", "CI", true}, {"Côte d’Ivoire", "CI", true}, {"Kongo (Kinshasa)", "CD", true},
		{"Congo - Brazzaville", "CG", true}, {"Myanmar", "MM", true}, {"Äthiopien", "ET", true},
		{"Antigua and Barbuda", "AG", true}, {"UK", "GB", true}, {"ZR", "CD", true},
		{"Afghanistan (AFG)", "AF", true}, {"ERI (Erythrée)", "ER", true}, {"Atlantis (AT)", "AT", true},
		{"", "", true}, {"  ", "", true},
		{"Atlantis", "", false}, {"EU", "", false}, {"ZZ", "", false}, {"XXA", "", false},
		{"stateless", "", false}, {"YU", "", false}, {"SU", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseCountry(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseCountry(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
			if ok && got != "" && !intake.ValidCountryCode(got) {
				t.Errorf("%q is not valid for intake", got)
			}
		})
	}
}

func TestParseLanguage(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"ti", "ti", true}, {"tir", "ti", true}, {"Tigrinya", "ti", true}, {"Tigrigna", "ti", true}, {"ትግርኛ", "ti", true},
		{"ar", "ar", true}, {"arabe", "ar", true}, {"Arabisch", "ar", true},
		{"Dari", "fa-AF", true}, {"prs", "fa-AF", true}, {"fa-af", "fa-AF", true}, {"fa_AF", "fa-AF", true},
		{"Farsi", "fa", true}, {"persan", "fa", true},
		{"Pashto", "ps", true}, {"pachto", "ps", true}, {"Paschtu", "ps", true},
		{"Sorani", "ckb", true}, {"Kurdish Sorani", "ckb", true}, {"Kurdisch (Sorani)", "ckb", true},
		{"Kurmanji", "kmr", true}, {"kurde kurmandji", "kmr", true}, {"Kurdish", "ku", true},
		{"Ukrainian", "uk", true}, {"russe", "ru", true}, {"Türkisch", "tr", true}, {"Somali", "so", true},
		{"tamoul", "ta", true}, {"Amharic", "am", true}, {"géorgien", "ka", true}, {"Albanisch", "sq", true},
		{"Wolof", "wo", true}, {"bm", "bm", true}, {"", "", true},
		{"Klingon", "", false}, {"zz", "", false}, {"und", "", false}, {"a very long language name indeed", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseLanguage(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseLanguage(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseLanguages(t *testing.T) {
	tags, unknown := ParseLanguages("Dari / Pashto, en; Klingon + dari")
	if !slices.Equal(tags, []string{"fa-AF", "ps", "en"}) || !slices.Equal(unknown, []string{"Klingon"}) {
		t.Errorf("tags %q unknown %q", tags, unknown)
	}
}

func TestReadCodedFields(t *testing.T) {
	text := "surname;relation;accommodation_kind;accommodation_since;household_id\n" +
		"Testperson;enfant;Premier accueil;2025-06-02;H-1\n" +
		"Testperson;Ehefrau;foyer;;H-1\n" +
		"Testperson;MNA;individual;;\n" +
		"Testperson;cousin;palace;01.13.2025;\n"
	res := readString(t, text)
	want := []struct {
		rel  intake.Relation
		kind intake.AccommodationKind
	}{
		{intake.RelationChild, intake.AccommodationPremierAccueil},
		{intake.RelationSpouse, intake.AccommodationCollective},
		{intake.RelationUnaccompaniedMinor, intake.AccommodationIndividual},
		{"", ""},
	}
	for i, w := range want {
		p := res.Rows[i].Person
		if p.Relation != w.rel || p.AccommodationKind != w.kind {
			t.Errorf("row %d: %q %q, want %+v", i+1, p.Relation, p.AccommodationKind, w)
		}
	}
	if p := res.Rows[0].Person; p.HouseholdID != "H-1" || p.AccommodationSince != intake.MustDate("2025-06-02") {
		t.Errorf("row 1 %+v", p)
	}
	got := problemIDs(res.Rows[3].Problems)
	want4 := []string{"accommodation_kind:" + intake.MsgAccommodation, "accommodation_since:" + intake.MsgDateInvalid, "relation:" + intake.MsgRelationInvalid}
	if !slices.Equal(got, want4) {
		t.Errorf("row 4 problems %v, want %v", got, want4)
	}
}

func TestReadValidation(t *testing.T) {
	// Validation runs on each row: a birth in the future, an arrival
	// before birth, a malformed N number.
	text := "surname;date_of_birth;arrival_date;n_number\n" +
		"Testperson;2030-01-01;;\n" +
		"Testperson;2000-01-01;1999-01-01;N 900 001\n" +
		"Testperson;;;N#900\n"
	res := readString(t, text)
	want := [][]string{
		{"date_of_birth:" + intake.MsgDateFuture},
		{"arrival_date:" + intake.MsgDateBeforeBirth},
		{"n_number:" + intake.MsgIdentifierInvalid},
	}
	for i, w := range want {
		if got := problemIDs(res.Rows[i].Problems); !slices.Equal(got, w) {
			t.Errorf("row %d: %v, want %v", i+1, got, w)
		}
	}
}

func TestReadFormulaPrefix(t *testing.T) {
	res := readString(t, "surname;given_names\n'=HYPERLINK(1);'Abdul\n")
	if p := res.Rows[0].Person; p.Surname != "=HYPERLINK(1)" || p.GivenNames != "'Abdul" {
		t.Errorf("names %q %q", p.Surname, p.GivenNames)
	}
}
