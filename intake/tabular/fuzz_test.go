package tabular

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"accueil/intake"

	"golang.org/x/text/language"
)

func addTestdataSeeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.csv")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"", "\xEF\xBB\xBF", "sep=;\nNom\nTest\n", "Nom;Prénom\n\"a\"b;c\n\"unclosed;x\ny;z\n",
		"surname\r\rTest\r", "a,b\n1,2,3\n\"\"\"\",\n", "Nom;Date de naissance\nX;00.00.1990\nY;31.02.2000\n",
	} {
		f.Add([]byte(s))
	}
}

// FuzzRead checks that no input panics Read and that what it returns holds
// together: rows numbered from 1 in file order, each with a person or a
// problem, columns within the header.
func FuzzRead(f *testing.F) {
	addTestdataSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Read(bytes.NewReader(data), Options{Today: testToday, MaxRows: 10_000})
		if err != nil {
			if res != nil || KindOf(err) == ErrOther {
				t.Fatalf("error %v with result %v", err, res)
			}
			return
		}
		if len(res.Rows) == 0 {
			t.Fatal("no rows without an error")
		}
		for i := range res.Columns {
			if i < 0 || i >= len(res.Headers) {
				t.Fatalf("column %d outside %d headers", i, len(res.Headers))
			}
		}
		checkRows(t, res.Rows)
		checkDuplicates(t, res.Rows, DuplicatesWithin(res.Rows))
	})
}

// checkDuplicates checks that matches are symmetric and name other rows.
func checkDuplicates(t *testing.T, rows []Row, dups map[int][]Match) {
	t.Helper()
	for line, ms := range dups {
		for _, m := range ms {
			if m.Row == line || m.Row < 1 || m.Row > len(rows) || len(m.Reasons) == 0 {
				t.Fatalf("row %d: bad match %+v", line, m)
			}
			back := slices.ContainsFunc(dups[m.Row], func(o Match) bool { return o.Row == line })
			if !back {
				t.Fatalf("row %d matches %d but not the other way", line, m.Row)
			}
		}
	}
}

func checkRows(t *testing.T, rows []Row) {
	t.Helper()
	empty := intake.Person{Status: intake.StatusExpected}
	prev := 0
	for i, r := range rows {
		if r.Line != i+1 || r.FileLine <= prev {
			t.Fatalf("row %d: line %d, file line %d after %d", i, r.Line, r.FileLine, prev)
		}
		prev = r.FileLine
		if reflect.DeepEqual(r.Person, empty) && len(r.Problems) == 0 {
			t.Fatalf("row %d has neither person nor problem: %q", r.Line, r.Raw)
		}
		if len(r.Raw) == 0 {
			t.Fatalf("row %d has no cells", r.Line)
		}
	}
}

// FuzzScanner compares the scanner with encoding/csv on input both accept
// as strict RFC 4180 (encoding/csv refuses malformed quotes, which the
// scanner repairs, and keeps lone carriage returns, which the scanner
// takes as line ends).
func FuzzScanner(f *testing.F) {
	f.Add("a;b\n\"c;d\";\"e\"\"f\"\n\n\"g\nh\";\n", byte(';'))
	f.Add("a,b,\n,\n\"\"\n", byte(','))
	f.Add("a\tb\n", byte('\t'))
	f.Fuzz(func(t *testing.T, text string, d byte) {
		delim := []byte{';', ',', '\t'}[int(d)%3]
		if strings.ContainsRune(text, '\r') {
			return
		}
		cr := csv.NewReader(strings.NewReader(text))
		cr.Comma = rune(delim)
		cr.FieldsPerRecord = -1
		want, err := cr.ReadAll()
		if err != nil {
			return
		}
		sc := newScanner(text, delim)
		var got [][]string
		for rec, ok := sc.next(); ok; rec, ok = sc.next() {
			if rec.repaired {
				t.Fatalf("repaired a record encoding/csv accepts: %q", rec.cells)
			}
			got = append(got, rec.cells)
		}
		if len(want) == 0 && len(got) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("scanner %q\nencoding/csv %q", got, want)
		}
	})
}

// FuzzRoundTrip writes persons with arbitrary names and reads them back.
func FuzzRoundTrip(f *testing.F) {
	f.Add("Testperson", "Amina", "CFA Boudry")
	f.Add(`=1+"2"`, "a\nb", "'x")
	f.Add("ተስትፐርሶን", "", "\"")
	f.Fuzz(func(t *testing.T, surname, given, centre string) {
		for _, s := range []string{surname, given, centre} {
			// Read trims cells and ends lines at CR; a NUL makes the
			// file binary. None of those belong in a name.
			if s != strings.TrimSpace(s) || strings.ContainsAny(s, "\r\x00") {
				return
			}
		}
		if surname == "" {
			return
		}
		want := []intake.Person{{Surname: surname, GivenNames: given, FederalCentre: centre, Status: intake.StatusExpected}}
		var buf bytes.Buffer
		fields := []intake.Field{intake.FieldSurname, intake.FieldGivenNames, intake.FieldFederalCentre}
		if err := WriteCSV(&buf, want, fields); err != nil {
			t.Fatal(err)
		}
		res, err := Read(&buf, Options{Today: testToday})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rows) != 1 || !reflect.DeepEqual(res.Rows[0].Person, want[0]) {
			t.Fatalf("read back %+v", res.Rows)
		}
	})
}

func FuzzParseSex(f *testing.F) {
	for _, s := range []string{"M", "f", "weiblich", "Masculin", "", "?", "Q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sex, ok := ParseSex(s)
		if !ok {
			return
		}
		if !sex.Valid() {
			t.Fatalf("ParseSex(%q) = invalid %q", s, sex)
		}
		if again, ok := ParseSex(string(sex)); !ok || again != sex {
			t.Fatalf("ParseSex(%q) = %q, which reads back as %q", s, sex, again)
		}
	})
}

func FuzzParseCountry(f *testing.F) {
	for _, s := range []string{"ER", "eri", "232", "Érythrée", "Türkei", "Kongo (Kinshasa)", "stateless", "EU", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, ok := ParseCountry(s)
		if !ok || code == "" {
			return
		}
		if !intake.ValidCountryCode(code) {
			t.Fatalf("ParseCountry(%q) = invalid %q", s, code)
		}
		if again, _ := ParseCountry(code); again != code {
			t.Fatalf("ParseCountry(%q) = %q, which reads back as %q", s, code, again)
		}
	})
}

func FuzzParseLanguage(f *testing.F) {
	for _, s := range []string{"ti", "tir", "Dari", "prs", "fa_AF", "Kurdisch (Sorani)", "x-private", "Klingon", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tag, ok := ParseLanguage(s)
		if !ok || tag == "" {
			return
		}
		if _, err := language.Parse(tag); err != nil {
			t.Fatalf("ParseLanguage(%q) = %q, not BCP 47: %v", s, tag, err)
		}
		if again, _ := ParseLanguage(tag); again != tag {
			t.Fatalf("ParseLanguage(%q) = %q, which reads back as %q", s, tag, again)
		}
	})
}

func FuzzParseBirthDate(f *testing.F) {
	for _, s := range []string{"1990-05-03", "03.05.1990", "00.00.1990", "1990", "05.1990", "xx.xx.1990", "31.02.1990"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, approx, err := ParseBirthDate(s)
		if err != nil {
			if !errors.Is(err, intake.ErrDate) {
				t.Fatalf("error %v is not intake.ErrDate", err)
			}
			return
		}
		if d.IsZero() {
			if approx {
				t.Fatalf("ParseBirthDate(%q): approximate unknown date", s)
			}
			return
		}
		again, approxAgain, err := ParseBirthDate(d.String())
		if err != nil || again != d || approxAgain {
			t.Fatalf("ParseBirthDate(%q) = %s, which reads back as %s, %v, %v", s, d, again, approxAgain, err)
		}
	})
}
