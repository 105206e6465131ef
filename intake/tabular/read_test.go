package tabular

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"accueil/intake"
)

func TestReadHeaders(t *testing.T) {
	identity := []intake.Field{
		intake.FieldSurname, intake.FieldGivenNames, intake.FieldBirthDate, intake.FieldSex,
		intake.FieldNationality, intake.FieldNNumber, intake.FieldZEMISNumber, intake.FieldPreferredLanguage,
	}
	procedure := []intake.Field{
		intake.FieldEntryDate, intake.FieldApplicationDate, intake.FieldAttributionDate, intake.FieldArrivalDate,
		intake.FieldFederalCentre, intake.FieldPermit, intake.FieldLanguages, intake.FieldInterpreterNeeded,
	}
	tests := []struct {
		name   string
		header string
		want   []intake.Field
	}{
		{"field names", "surname;given_names;date_of_birth;sex;nationality;n_number;zemis_number;language", identity},
		{"english", "Last name;First names;Date of birth;Gender;Citizenship;N number;ZEMIS number;Preferred language", identity},
		{"english short", "SURNAME;Given names;DOB;Sex;Nationality;N-No.;ZEMIS no;Language", identity},
		{"french", "Nom;Prénom(s);Date de naissance;Sexe;Nationalité;N°;No ZEMIS;Langue", identity},
		{"french variants", "NOM DE FAMILLE;PRENOMS;Née le;Genre;Pays d'origine;Numéro N;N° ZEMIS;Langue maternelle", identity},
		{"german", "Name;Vorname(n);Geburtsdatum;Geschlecht;Staatsangehörigkeit;N-Nummer;ZEMIS-Nummer;Sprache", identity},
		{"german variants", "Nachname;Vornamen;Geb.;GESCHLECHT;Nationalität;N-Nr.;ZEMIS-Nr.;Muttersprache", identity},
		{"spaces and underscores", " date of birth ;Date_Of_Birth_Approximate;interpreter needed", []intake.Field{intake.FieldBirthDate, intake.FieldBirthDateApprox, intake.FieldInterpreterNeeded}},
		{"procedure english", "entry_date;application_date;attribution_date;arrival_date;federal_centre;permit;languages;interpreter_needed", procedure},
		{"procedure french", "Date d'entrée;Date de la demande;Date d'attribution;Date d'arrivée;Centre fédéral;Permis;Langues;Interprète", procedure},
		{"procedure german", "Einreisedatum;Gesuchsdatum;Zuweisungsdatum;Ankunftsdatum;Bundesasylzentrum;Ausweis;Sprachen;Dolmetscher", procedure},
		{"original script", "surname_original;given_names_original;Nom (écriture originale);Vorname (Originalschrift)", []intake.Field{intake.FieldSurnameOriginal, intake.FieldGivenNamesOriginal}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := strings.Count(tt.header, ";") + 1
			res := readString(t, tt.header+"\n"+strings.Repeat("x;", n-1)+"x\n")
			var got []intake.Field
			for i := range n {
				if f, ok := res.Columns[i]; ok {
					got = append(got, f)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("columns %v, want %v (unmapped %q)", got, tt.want, res.Unmapped)
			}
		})
	}
}

func TestReadAllFieldNames(t *testing.T) {
	fields := append(ImportableFields(), FieldID)
	var hs []string
	for _, f := range fields {
		hs = append(hs, string(f))
	}
	res := readString(t, strings.Join(hs, ",")+"\n"+strings.Repeat(",", len(hs)-1)+"Testperson\n")
	for i, f := range fields {
		if res.Columns[i] != f {
			t.Errorf("column %d %q mapped to %q", i, f, res.Columns[i])
		}
	}
	if len(res.Unmapped) > 0 || len(res.Missing) > 0 {
		t.Errorf("unmapped %v, missing %v", res.Unmapped, res.Missing)
	}
}

func TestReadDelimiters(t *testing.T) {
	tests := []struct {
		name string
		text string
		want rune
	}{
		{"semicolon", "Nom;Prénom\nTestperson;Amina\n", ';'},
		{"comma", "Nom,Prénom\nTestperson,Amina\n", ','},
		{"tab", "Nom\tPrénom\nTestperson\tAmina\n", '\t'},
		{"comma inside quoted header", "Nom;\"Prénoms, autres\"\nTestperson;Amina\n", ';'},
		{"excel sep line", "sep=,\nNom,Prénom\nTestperson,Amina\n", ','},
		{"leading blank lines", "\n\r\nNom;Prénom\nTestperson;Amina\n", ';'},
		{"one column", "Nom\nTestperson\n", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readString(t, tt.text)
			if res.Delimiter != tt.want {
				t.Errorf("delimiter %q, want %q", res.Delimiter, tt.want)
			}
			if p := res.Rows[0].Person; p.Surname != "Testperson" {
				t.Errorf("surname %q", p.Surname)
			}
		})
	}
}

func TestReadEncodings(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"utf-8", []byte("Nom;Prénom\nMüller;Zoë\n"), EncodingUTF8},
		{"utf-8 with bom", append([]byte("\xEF\xBB\xBF"), "Nom;Prénom\nMüller;Zoë\n"...), EncodingUTF8},
		{"windows-1252", []byte("Nom;Pr\xe9nom\nM\xfcller;Zo\xeb\n"), EncodingWindows1252},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readString(t, string(tt.data))
			if res.Encoding != tt.want {
				t.Errorf("encoding %q, want %q", res.Encoding, tt.want)
			}
			if res.Headers[0] != "Nom" || res.Headers[1] != "Prénom" {
				t.Errorf("headers %q", res.Headers)
			}
			p := res.Rows[0].Person
			if p.Surname != "Müller" || p.GivenNames != "Zoë" {
				t.Errorf("names %q %q", p.Surname, p.GivenNames)
			}
		})
	}
}

func TestReadRefused(t *testing.T) {
	utf16 := func(s string, bom []byte, le bool) string {
		out := append([]byte(nil), bom...)
		for _, r := range s {
			if le {
				out = append(out, byte(r), byte(r>>8))
			} else {
				out = append(out, byte(r>>8), byte(r))
			}
		}
		return string(out)
	}
	tests := []struct {
		name string
		text string
		want Kind
	}{
		{"utf-16 le", utf16("Nom;Prénom\r\nTestperson;Amina\r\n", []byte{0xFF, 0xFE}, true), ErrEncoding},
		{"utf-16 be", utf16("Nom;Prénom\r\nTestperson;Amina\r\n", []byte{0xFE, 0xFF}, false), ErrEncoding},
		{"utf-16 without bom", utf16("Nom;Prénom\r\nTestperson;Amina\r\n", nil, true), ErrEncoding},
		{"xlsx workbook", "PK\x03\x04\x14\x00\x06\x00", ErrFormat},
		{"xls workbook", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", ErrFormat},
		{"empty", "", ErrEmpty},
		{"byte order mark only", "\xEF\xBB\xBF", ErrEmpty},
		{"blank lines only", "\r\n\n;;;\n  \n", ErrEmpty},
		{"header only", "Nom;Prénom\r\n", ErrEmpty},
		{"data instead of header", "Testperson;Amina;12.03.1994\nTestperson;Yonas;01.01.2015\n", ErrNoHeader},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(strings.NewReader(tt.text), Options{Today: testToday})
			wantKind(t, err, tt.want)
			if res != nil {
				t.Errorf("result %+v with error", res)
			}
			if KindOf(err) != tt.want || tt.want.MessageID() == "" {
				t.Errorf("KindOf = %v", KindOf(err))
			}
		})
	}
}

func TestReadUTF16File(t *testing.T) {
	_, err := Read(strings.NewReader(mustRead(t, "testdata/utf16le.csv")), Options{})
	wantKind(t, err, ErrEncoding)
	if got := KindOf(err).MessageID(); got != MsgEncoding {
		t.Errorf("message %q, want %q", got, MsgEncoding)
	}
}

func TestReadQuoted(t *testing.T) {
	text := "surname;given_names;federal_centre\r\n" +
		"\"Test;person\";\"Amina\r\nSara\";\"CFA \"\"Boudry\"\"\"\r\n" +
		"\r\n" +
		"Testperson;\"\";\"\"\r\n" +
		"\"Testperson\";Yonas;\"a\nb\nc\"\r\n" +
		"Testperson;Last;\r\n"
	res := readString(t, text)
	want := []struct {
		line, fileLine      int
		surname, given, fed string
	}{
		{1, 2, "Test;person", "Amina\nSara", `CFA "Boudry"`},
		{2, 5, "Testperson", "", ""},
		{3, 6, "Testperson", "Yonas", "a\nb\nc"},
		{4, 9, "Testperson", "Last", ""},
	}
	if len(res.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(res.Rows), len(want))
	}
	for i, w := range want {
		r := res.Rows[i]
		p := r.Person
		if r.Line != w.line || r.FileLine != w.fileLine || p.Surname != w.surname || p.GivenNames != w.given || p.FederalCentre != w.fed {
			t.Errorf("row %d: line %d/%d %q %q %q, want %+v", i, r.Line, r.FileLine, p.Surname, p.GivenNames, p.FederalCentre, w)
		}
		if len(r.Problems) > 0 {
			t.Errorf("row %d problems %v", i, r.Problems)
		}
	}
}

func TestReadBadRowsContinue(t *testing.T) {
	res := readFile(t, "malformed.csv")
	want := []struct {
		given    string
		problems []string
	}{
		{"Amina", []string{"date_of_birth:" + intake.MsgDateInvalid}},
		{"Yonas", []string{
			"interpreter_needed:" + MsgYesNo, "language:" + intake.MsgLanguageInvalid,
			"nationality:" + intake.MsgNationality, "permit:" + intake.MsgPermitInvalid, "sex:" + intake.MsgSexInvalid,
		}},
		{"Too", []string{":" + MsgColumns}},
		{"Too few", []string{":" + MsgColumns}},
		{"Unclosed", []string{":" + MsgQuote}},
		{"After", nil},
		{"Last", nil},
	}
	if len(res.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(res.Rows), len(want))
	}
	for i, w := range want {
		r := res.Rows[i]
		if r.Line != i+1 || r.Person.GivenNames != w.given || !slices.Equal(problemIDs(r.Problems), w.problems) {
			t.Errorf("row %d: line %d %q %v, want %q %v", i, r.Line, r.Person.GivenNames, problemIDs(r.Problems), w.given, w.problems)
		}
	}
	if args := res.Rows[2].Problems[0].Args; args["Expected"] != 8 || args["Got"] != 9 {
		t.Errorf("column problem args %v", args)
	}
	if args := res.Rows[1].Problems[2].Args; args["Value"] != "Atlantis" {
		t.Errorf("nationality problem args %v", args)
	}
}

func TestReadTrailingEmptyCells(t *testing.T) {
	res := readString(t, "Nom;Prénom;;\nTestperson;Amina;;;;\n")
	if ps := res.Rows[0].Problems; len(ps) > 0 {
		t.Errorf("problems %v", ps)
	}
}

func TestReadHugeCell(t *testing.T) {
	for _, quoted := range []bool{false, true} {
		t.Run(fmt.Sprintf("quoted=%v", quoted), func(t *testing.T) {
			huge := strings.Repeat("Testperson ", 1<<20) // 11 MB
			if quoted {
				huge = `"` + huge + `"`
			}
			text := "surname;given_names;notes\n" + huge + ";Amina;" + huge + "\nTestperson;Yonas;\n"
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			res := readString(t, text)
			runtime.ReadMemStats(&after)
			if got := after.TotalAlloc - before.TotalAlloc; got > uint64(4*len(text)) {
				t.Errorf("allocated %d bytes for %d bytes of input", got, len(text))
			}
			r := res.Rows[0]
			if got := problemIDs(r.Problems); !slices.Equal(got, []string{"surname:" + intake.MsgTooLong}) {
				t.Errorf("problems %v", got)
			}
			if r.Person.Surname != "" || r.Person.GivenNames != "Amina" {
				t.Errorf("person %q %q", r.Person.Surname, r.Person.GivenNames)
			}
			for _, c := range r.Raw {
				if len(c) > maxCellBytes+len("…") {
					t.Errorf("raw cell of %d bytes kept", len(c))
				}
			}
			if p := res.Rows[1]; p.Person.GivenNames != "Yonas" || len(p.Problems) > 0 {
				t.Errorf("next row %+v", p)
			}
		})
	}
}

func TestReadMapping(t *testing.T) {
	text := "Familienname (SEM);Rufname;Bemerkung;Nationalité\nTestperson;Amina;x;ER\n"
	res := readString(t, text)
	if !slices.Equal(res.Missing, []intake.Field{intake.FieldSurname}) {
		t.Errorf("missing %v", res.Missing)
	}
	if !slices.Equal(res.Unmapped, []string{"Familienname (SEM)", "Rufname", "Bemerkung"}) {
		t.Errorf("unmapped %q", res.Unmapped)
	}
	if got := problemIDs(res.Rows[0].Problems); !slices.Equal(got, []string{"surname:" + intake.MsgRequired}) {
		t.Errorf("problems %v", got)
	}

	mapping := map[string]intake.Field{
		"Familienname (SEM)": intake.FieldSurname,
		"RUFNAME":            intake.FieldGivenNames, // matched like built-in names
		"Bemerkung":          "",                     // ignored on purpose
		"Nationalité":        intake.FieldFederalCentre,
	}
	res, err := Read(strings.NewReader(text), Options{Today: testToday, Mapping: mapping})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Rows[0].Person
	if p.Surname != "Testperson" || p.GivenNames != "Amina" || p.FederalCentre != "ER" || p.Nationality != "" {
		t.Errorf("person %+v", p)
	}
	if len(res.Unmapped) > 0 || len(res.Missing) > 0 {
		t.Errorf("unmapped %q missing %v", res.Unmapped, res.Missing)
	}

	for _, f := range []intake.Field{intake.FieldHealthNotes, intake.FieldDeleted, "shoe_size"} {
		_, err := Read(strings.NewReader(text), Options{Mapping: map[string]intake.Field{"Bemerkung": f}})
		wantKind(t, err, ErrField)
	}
}

func TestReadDuplicateColumns(t *testing.T) {
	res := readString(t, "Nom;Name;Prénom\nTestperson;Other;Amina\n")
	if res.Columns[0] != intake.FieldSurname || res.Columns[1] != "" {
		t.Errorf("columns %v", res.Columns)
	}
	if !slices.Equal(res.Unmapped, []string{"Name"}) {
		t.Errorf("unmapped %q", res.Unmapped)
	}
	if p := res.Rows[0].Person; p.Surname != "Testperson" {
		t.Errorf("surname %q", p.Surname)
	}
}

func TestReadIDAndStatus(t *testing.T) {
	res := readString(t, "id;surname;status\nabc;Testperson;arrived\n;Testperson;\n;Testperson;gone\n")
	rows := res.Rows
	if rows[0].Person.ID != "abc" || rows[0].Person.Status != intake.StatusArrived {
		t.Errorf("row 1 %q %q", rows[0].Person.ID, rows[0].Person.Status)
	}
	if rows[1].Person.Status != intake.StatusExpected {
		t.Errorf("row 2 status %q", rows[1].Person.Status)
	}
	if got := problemIDs(rows[2].Problems); !slices.Equal(got, []string{"status:" + intake.MsgStatusInvalid}) {
		t.Errorf("row 3 problems %v", got)
	}
	if res.Columns[0] != FieldID {
		t.Errorf("id column %q", res.Columns[0])
	}
}

func TestReadTooManyRows(t *testing.T) {
	text := "surname\n" + strings.Repeat("Testperson\n", 11)
	if _, err := Read(strings.NewReader(text), Options{MaxRows: 11}); err != nil {
		t.Fatalf("11 rows with limit 11: %v", err)
	}
	_, err := Read(strings.NewReader(text), Options{MaxRows: 10})
	wantKind(t, err, ErrTooManyRows)
}

func TestReadProgress(t *testing.T) {
	text := "surname\n" + strings.Repeat("Testperson\n", 2500)
	var got []int
	_, err := Read(strings.NewReader(text), Options{Progress: func(n int) { got = append(got, n) }})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1000, 2000, 2500}; !slices.Equal(got, want) {
		t.Errorf("progress %v, want %v", got, want)
	}
}

func TestReadTestdata(t *testing.T) {
	tests := []struct {
		file  string
		enc   string
		delim rune
		rows  int
		check func(t *testing.T, rows []Row)
	}{
		{"fr_semicolon_bom.csv", EncodingUTF8, ';', 4, func(t *testing.T, rows []Row) {
			wantPerson(t, rows[0].Person, "TESTPERSON", intake.SexFemale, "1994-03-12", false, "ER", "ti", intake.PermitN)
			wantPerson(t, rows[1].Person, "Testperson", intake.SexMale, "2015-01-01", true, "ER", "ti", intake.PermitN)
			wantPerson(t, rows[3].Person, "Exemple", intake.SexMale, "1990-01-01", true, "AF", "fa-AF", intake.PermitF)
			if p := rows[3].Person; p.GivenNames != `Ahmad "Ali"` || p.FederalCentre != "CFA Bâle; Flumenstrasse" || !p.InterpreterNeeded {
				t.Errorf("quoted cells %+v", p)
			}
		}},
		{"de_semicolon_1252.csv", EncodingWindows1252, ';', 3, func(t *testing.T, rows []Row) {
			wantPerson(t, rows[0].Person, "Müller-Testperson", intake.SexMale, "1979-07-05", false, "TR", "tr", intake.PermitN)
			wantPerson(t, rows[1].Person, "Testperson", intake.SexFemale, "2001-06-01", true, "SY", "ar", intake.PermitF)
			if p := rows[0].Person; p.FederalCentre != "BAZ Altstätten" || p.AttributionDate != intake.MustDate("2025-06-01") {
				t.Errorf("procedure %+v", p)
			}
		}},
		{"en_comma.csv", EncodingUTF8, ',', 3, func(t *testing.T, rows []Row) {
			wantPerson(t, rows[0].Person, "Testperson", intake.SexMale, "1992-01-15", false, "AF", "ps", intake.PermitN)
			if p := rows[0].Person; !slices.Equal(p.Languages, []string{"ps", "fa-AF", "en"}) || p.FederalCentre != "Boudry, Neuchâtel" {
				t.Errorf("languages %q centre %q", p.Languages, p.FederalCentre)
			}
			if p := rows[1].Person; p.GivenNames != "Hana\n(called \"Hani\")" || rows[2].FileLine != 5 {
				t.Errorf("multi-line cell %q, next row on line %d", p.GivenNames, rows[2].FileLine)
			}
		}},
		{"en_tab.csv", EncodingUTF8, '\t', 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := readFile(t, tt.file)
			if res.Encoding != tt.enc || res.Delimiter != tt.delim || len(res.Rows) != tt.rows {
				t.Fatalf("encoding %q delimiter %q rows %d", res.Encoding, res.Delimiter, len(res.Rows))
			}
			for _, r := range res.Rows {
				if len(r.Problems) > 0 {
					t.Errorf("row %d problems %v", r.Line, r.Problems)
				}
				if r.Person.Status != intake.StatusExpected {
					t.Errorf("row %d status %q", r.Line, r.Person.Status)
				}
			}
			if tt.check != nil {
				tt.check(t, res.Rows)
			}
		})
	}
}

func wantPerson(t *testing.T, p intake.Person, surname string, sex intake.Sex, dob string, approx bool, nat, lang string, permit intake.Permit) {
	t.Helper()
	if p.Surname != surname || p.Sex != sex || p.BirthDate.String() != dob || p.BirthDateApprox != approx ||
		p.Nationality != nat || p.PreferredLanguage != lang || p.Permit != permit {
		t.Errorf("person %q %q %s approx=%v %q %q %q, want %q %q %s approx=%v %q %q %q",
			p.Surname, p.Sex, p.BirthDate, p.BirthDateApprox, p.Nationality, p.PreferredLanguage, p.Permit,
			surname, sex, dob, approx, nat, lang, permit)
	}
}

func TestErrorKinds(t *testing.T) {
	err := error(&Error{Op: "read", Kind: ErrEncoding, Err: fmt.Errorf("boom")})
	wrapped := fmt.Errorf("import list: %w", err)
	if !errorsIs(wrapped, ErrEncoding) || errorsIs(wrapped, ErrEmpty) {
		t.Error("errors.Is does not follow the kind")
	}
	if KindOf(wrapped) != ErrEncoding || KindOf(fmt.Errorf("x")) != ErrOther {
		t.Error("KindOf")
	}
	if got := err.Error(); got != "tabular: read: unsupported encoding: boom" {
		t.Errorf("message %q", got)
	}
	for k := ErrOther; k <= ErrWrite; k++ {
		if !strings.Contains(k.MessageID(), ".error.") || k.Error() == "" {
			t.Errorf("kind %d: %q %q", k, k.MessageID(), k.Error())
		}
	}
}

func TestMessageIDsComplete(t *testing.T) {
	ids := MessageIDs()
	for k := ErrOther; k <= ErrWrite; k++ {
		if !slices.Contains(ids, k.MessageID()) {
			t.Errorf("kind %v: %q missing from MessageIDs", k, k.MessageID())
		}
	}
}
