package casefile

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/guide/print"
	"accueil/i18n"
	"accueil/intake"
	"accueil/intake/counselling"
)

// sampleSheet is a fictitious household with every kind of line: names in
// Ethiopic and Arabic script, an excluded member, an approximate birth
// date, a medical escort, questions, summaries and an appointment.
func sampleSheet(t testing.TB) counselling.Sheet {
	t.Helper()
	ref, err := LoadReference("")
	if err != nil {
		t.Fatal(err)
	}
	today := intake.MustDate("2026-11-23")
	alpha := intake.Person{ID: "p1", Surname: "Testperson", GivenNames: "Alpha", SurnameOriginal: "ተስትፐርሰን",
		GivenNamesOriginal: "ኣልፋ", BirthDate: intake.MustDate("1986-03-01"), Nationality: "ER", Relation: intake.RelationHead,
		Permit: intake.PermitN, NNumber: "N 000 000 01", Languages: []string{"ti"}, InterpreterNeeded: true}
	beta := intake.Person{ID: "p2", Surname: "Testperson", GivenNames: "Beta", SurnameOriginal: "تست",
		BirthDate: intake.MustDate("2015-01-01"), BirthDateApprox: true, Nationality: "ER",
		Vulnerabilities: []intake.Vulnerability{intake.VulnerableMedicalEscort}}
	gamma := intake.Person{ID: "p3", Surname: "Testperson", GivenNames: "Gamma", BirthDate: intake.MustDate("1960-01-01")}
	c := counselling.Case{ID: "c1", PersonID: "p1"}
	if err := c.Advance(counselling.StepFirstContact, "s1", today, ""); err != nil {
		t.Fatal(err)
	}
	f := counselling.File{
		Case: c, Person: alpha, Members: []intake.Person{alpha, beta, gamma},
		Details: counselling.Details{InterpreterLanguage: "ti", Granted: 1200,
			Facts: map[string]counselling.Facts{"p3": {CriminalConviction: true}}},
		Consultations: []counselling.Consultation{{On: today, By: "s1", Summary: "Synthetic summary"}},
		Questions:     []counselling.Question{{Text: "Synthetic question", Asked: today}},
		Appointments:  []counselling.Appointment{{At: time.Date(2026, 11, 26, 10, 30, 0, 0, time.Local), Place: "Office 2", Counsellor: "s1"}},
	}
	return counselling.Prepare(f, ref, today)
}

func TestSectionsInEveryStaffLanguage(t *testing.T) {
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	s := sampleSheet(t)
	for _, tag := range []language.Tag{language.English, language.French, language.German, language.Italian} {
		t.Run(tag.String(), func(t *testing.T) {
			loc := cat.Localizer(tag)
			text := Title(s, loc)
			for _, sec := range Sections(s, loc, func(string) string { return "conseil.alpha" }) {
				text += "\n" + sec.Title + "\n" + strings.Join(sec.Lines, "\n")
			}
			for _, want := range []string{"ተስትፐርሰን ኣልፋ", "تست", "Synthetic summary", "Synthetic question", "Office 2", "conseil.alpha", "10:30"} {
				if !strings.Contains(text, want) {
					t.Errorf("sheet lacks %q", want)
				}
			}
			if strings.Contains(text, "[counselling.") || strings.Contains(text, "[relation.") {
				t.Errorf("untranslated message in:\n%s", text)
			}
			// 1 adult × 1000 + 1 child × 500 + 1 × 100 travel + 3000
			if !strings.Contains(text, Amount(loc, 4600)) {
				t.Errorf("total %s not in:\n%s", Amount(loc, 4600), text)
			}
		})
	}
}

func TestWritePDF(t *testing.T) {
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := print.BundledFonts()
	if err != nil {
		t.Fatal(err)
	}
	s := sampleSheet(t)
	loc := cat.Localizer(language.German)
	var buf bytes.Buffer
	if err := WritePDF(&buf, Title(s, loc), Sections(s, loc, nil), "footer", fonts); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-1.4")) || buf.Len() < 10_000 {
		t.Fatalf("pdf of %d bytes", buf.Len())
	}
}

func TestLoadReferenceFromDataFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadReference(dir); err != nil {
		t.Fatalf("no copy: %v", err)
	}
	if err := writeFile(dir, "[status]\nconfirmed = true\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadReference(dir); counselling.MessageID(err) != counselling.MsgRefMissing {
		t.Fatalf("a broken copy: %v", err)
	}
}

// BenchmarkRender lays out and draws the sample sheet on A4.
func BenchmarkRender(b *testing.B) {
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		b.Fatal(err)
	}
	fonts, err := print.BundledFonts()
	if err != nil {
		b.Fatal(err)
	}
	s := sampleSheet(b)
	loc := cat.Localizer(language.French)
	for b.Loop() {
		Render(Title(s, loc), Sections(s, loc, nil), "", fonts)
	}
}

// TestRenderDrawsEveryLine checks ink in the lower half of the first
// sheet: lines drawn at the wrong offset would leave it blank.
func TestRenderDrawsEveryLine(t *testing.T) {
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := print.BundledFonts()
	if err != nil {
		t.Fatal(err)
	}
	s := sampleSheet(t)
	loc := cat.Localizer(language.English)
	sheets := Render(Title(s, loc), Sections(s, loc, nil), "", fonts)
	img := sheets[0]
	dark := 0
	for y := pageHeight / 2; y < pageHeight-margin; y++ {
		for x := margin; x < pageWidth-margin; x++ {
			if img.RGBAAt(x, y).R < 100 {
				dark++
			}
		}
	}
	if dark < 1000 {
		t.Fatalf("lower half of the sheet has %d dark pixels", dark)
	}
}
