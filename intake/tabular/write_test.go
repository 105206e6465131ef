package tabular

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"accueil/intake"
)

// samplePersons covers every exported field and the cells that need
// quoting or escaping.
func samplePersons() []intake.Person {
	return []intake.Person{
		{
			ID: "0190a0c0-0000-7000-8000-000000000001", Surname: "Testperson", GivenNames: "Amina Sara",
			SurnameOriginal: "ተስትፐርሶን", GivenNamesOriginal: "ኣሚና", Sex: intake.SexFemale,
			BirthDate: intake.MustDate("1994-03-12"), Nationality: "ER", NNumber: "N 900 001", ZEMISNumber: "90000001",
			PreferredLanguage: "ti", Languages: []string{"ti", "ar", "en"}, InterpreterNeeded: true,
			Permit: intake.PermitN, EntryDate: intake.MustDate("2025-05-20"), ApplicationDate: intake.MustDate("2025-05-21"),
			AttributionDate: intake.MustDate("2025-06-02"), ArrivalDate: intake.MustDate("2025-06-20"),
			FederalCentre: "CFA Boudry", Status: intake.StatusExpected, HouseholdID: "h-1", Relation: intake.RelationHead,
		},
		{
			ID: "0190a0c0-0000-7000-8000-000000000002", Surname: `Exemple, "dit" Ali`, GivenNames: "Ahmad\nAli",
			Sex: intake.SexMale, BirthDate: intake.MustDate("1990-01-01"), BirthDateApprox: true, Nationality: "AF",
			NNumber: "N 900 004", PreferredLanguage: "fa-AF", Permit: intake.PermitF, Status: intake.StatusArrived,
			AccommodationKind: intake.AccommodationCollective, AccommodationPlace: "Foyer; Sion",
			AccommodationSince: intake.MustDate("2025-06-03"), HouseholdID: "h-2", Relation: intake.RelationUnaccompaniedMinor,
		},
		{
			ID: "0190a0c0-0000-7000-8000-000000000003", Surname: "=HYPERLINK(\"x\")", GivenNames: "-Olena",
			Sex: intake.SexOther, Status: intake.StatusLeft, Nationality: "UA", Permit: intake.PermitS,
			FederalCentre: "'Zurich", AccommodationKind: intake.AccommodationPremierAccueil,
		},
	}
}

func TestRoundTripCSV(t *testing.T) {
	persons := samplePersons()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, persons, DefaultExportFields()); err != nil {
		t.Fatal(err)
	}
	res, err := Read(&buf, Options{Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Unmapped) > 0 || len(res.Missing) > 0 || len(res.Rows) != len(persons) {
		t.Fatalf("unmapped %q, missing %v, %d rows", res.Unmapped, res.Missing, len(res.Rows))
	}
	for i, r := range res.Rows {
		if !reflect.DeepEqual(r.Person, persons[i]) {
			t.Errorf("row %d:\n got %+v\nwant %+v", i+1, r.Person, persons[i])
		}
		if len(r.Problems) > 0 {
			t.Errorf("row %d problems %v", i+1, r.Problems)
		}
	}
}

func TestWriteCSVFormat(t *testing.T) {
	var buf bytes.Buffer
	fields := []intake.Field{intake.FieldSurname, intake.FieldBirthDate, intake.FieldInterpreterNeeded, intake.FieldLanguages}
	if err := WriteCSV(&buf, samplePersons()[:3], fields); err != nil {
		t.Fatal(err)
	}
	want := "\xEF\xBB\xBF" +
		"id,surname,date_of_birth,interpreter_needed,languages\r\n" +
		"0190a0c0-0000-7000-8000-000000000001,Testperson,1994-03-12,true,\"ti,ar,en\"\r\n" +
		"0190a0c0-0000-7000-8000-000000000002,\"Exemple, \"\"dit\"\" Ali\",1990-01-01,false,\r\n" +
		"0190a0c0-0000-7000-8000-000000000003,\"'=HYPERLINK(\"\"x\"\")\",,false,\r\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	fields := []intake.Field{intake.FieldSurname, intake.FieldBirthDate, intake.FieldEntryDate, intake.FieldInterpreterNeeded, intake.FieldLanguages, FieldID}
	if err := WriteJSON(&buf, samplePersons(), fields); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 5 || lines[0] != "[" || lines[4] != "]" {
		t.Fatalf("layout:\n%s", buf.String())
	}
	wantFirst := `{"id":"0190a0c0-0000-7000-8000-000000000001","surname":"Testperson","date_of_birth":"1994-03-12","entry_date":"2025-05-20","interpreter_needed":true,"languages":["ti","ar","en"]},`
	if lines[1] != wantFirst {
		t.Errorf("first object\n%s\nwant\n%s", lines[1], wantFirst)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	second := got[1]
	if second["entry_date"] != nil || second["interpreter_needed"] != false || second["surname"] != `Exemple, "dit" Ali` {
		t.Errorf("second object %v", second)
	}
	if langs, ok := second["languages"].([]any); !ok || len(langs) != 0 {
		t.Errorf("empty list %#v", second["languages"])
	}
	if strings.Contains(buf.String(), `\u003c`) || strings.Count(buf.String(), `"id"`) != 3 {
		t.Error("id repeated or HTML escaping")
	}
}

func TestWriteEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, nil, DefaultExportFields()); err != nil {
		t.Fatal(err)
	}
	var got []any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil || len(got) != 0 {
		t.Errorf("%q: %v", buf.String(), err)
	}
}

func TestWriteUnknownField(t *testing.T) {
	for name, write := range map[string]func() error{
		"csv":  func() error { return WriteCSV(&bytes.Buffer{}, nil, []intake.Field{"shoe_size"}) },
		"json": func() error { return WriteJSON(&bytes.Buffer{}, nil, []intake.Field{"shoe_size"}) },
	} {
		t.Run(name, func(t *testing.T) { wantKind(t, write(), ErrField) })
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errFailing }

var errFailing = errors.New("disk full")

func TestWriteFailure(t *testing.T) {
	wantKind(t, WriteCSV(failingWriter{}, samplePersons(), DefaultExportFields()), ErrWrite)
	wantKind(t, WriteJSON(failingWriter{}, samplePersons(), DefaultExportFields()), ErrWrite)
}

func TestFormulaEscape(t *testing.T) {
	for _, v := range []string{"=1+1", "+41", "-x", "@SUM", "\tx", "'", "'=", "''", "plain", "", "a=b"} {
		esc := escapeFormula(v)
		if esc != "" && strings.ContainsRune("=+-@\t\r", rune(esc[0])) {
			t.Errorf("escapeFormula(%q) = %q starts a formula", v, esc)
		}
		if got := unescapeFormula(esc); got != v {
			t.Errorf("unescapeFormula(escapeFormula(%q)) = %q", v, got)
		}
	}
}
