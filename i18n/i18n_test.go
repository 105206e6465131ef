package i18n

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/text/language"

	"accueil/assets"
)

var testFS = fstest.MapFS{
	"active.en.toml": {Data: []byte(`
"greet" = "Hello {{.Name}}"
"only.en" = "English only"
["files"]
one = "{{.Count}} file"
other = "{{.Count}} files"
`)},
	"active.fr.toml": {Data: []byte(`
"greet" = "Bonjour {{.Name}}"
["files"]
one = "{{.Count}} dossier"
other = "{{.Count}} dossiers"
`)},
}

func TestLocalizerTranslates(t *testing.T) {
	cat, err := LoadCatalog(testFS, language.English)
	if err != nil {
		t.Fatal(err)
	}
	fr := cat.Localizer(language.French)
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"template", fr.T("greet", map[string]any{"Name": "Ana"}), "Bonjour Ana"},
		{"plural one (French counts 0 and 1 as one)", fr.T("files", map[string]any{"Count": 0}), "0 dossier"},
		{"plural other", fr.T("files", map[string]any{"Count": 2}), "2 dossiers"},
		{"falls back to English", fr.S("only.en"), "English only"},
		{"missing id is visible", fr.S("no.such.id"), "[no.such.id]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	if got := cat.Missing(language.French); len(got) != 1 || got[0] != "only.en" {
		t.Errorf("Missing(fr) = %v, want [only.en]", got)
	}
}

func TestLoadCatalogRejectsBrokenFile(t *testing.T) {
	broken := fstest.MapFS{"active.en.toml": {Data: []byte(`"a" = `)}}
	if _, err := LoadCatalog(broken, language.English); err == nil {
		t.Fatal("a broken catalog loaded without error")
	}
	if _, err := LoadCatalog(fstest.MapFS{}, language.English); err == nil {
		t.Fatal("an empty catalog folder loaded without error")
	}
}

func TestCompareFollowsLanguage(t *testing.T) {
	cat, err := LoadCatalog(testFS, language.English)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		tag     language.Tag
		a, b    string
		wantNeg bool
	}{
		{language.German, "Äbi", "Acker", true},     // Ä sorts with A
		{language.French, "élodie", "Fabien", true}, // é sorts with e, case ignored
		{language.MustParse("tr"), "ıhlamur", "iğne", true},
	}
	for _, tt := range tests {
		t.Run(tt.tag.String()+" "+tt.a, func(t *testing.T) {
			got := cat.Localizer(tt.tag).Compare(tt.a, tt.b) < 0
			if got != tt.wantNeg {
				t.Errorf("Compare(%q, %q) < 0 = %v, want %v", tt.a, tt.b, got, tt.wantNeg)
			}
		})
	}
}

func TestDateAndNumber(t *testing.T) {
	cat, err := LoadCatalog(testFS, language.English)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		tag  language.Tag
		date string
	}{
		{language.German, "07.03.2026"},
		{language.French, "07.03.2026"},
		{language.English, "7 Mar 2026"},
		{language.MustParse("ti"), "2026-03-07"},
	}
	for _, tt := range tests {
		if got := cat.Localizer(tt.tag).Date(day); got != tt.date {
			t.Errorf("%s: Date = %q, want %q", tt.tag, got, tt.date)
		}
	}
	numbers := []struct {
		tag  string
		want string
	}{
		{"en", "100,000"},
		{"de", "100’000"}, // Swiss German, not 100.000
		{"it", "100’000"}, // Swiss Italian, not 100.000
		{"fr", "100\u00a0000"},
		{"de-DE", "100.000"}, // a region given wins
	}
	for _, n := range numbers {
		if got := cat.Localizer(language.MustParse(n.tag)).Number(100000); got != n.want {
			t.Errorf("%s: Number(100000) = %q, want %q", n.tag, got, n.want)
		}
	}
	if got := cat.Localizer(language.English).Date(time.Time{}); got != "" {
		t.Errorf("zero date = %q, want empty", got)
	}
}

func TestLanguageRegistry(t *testing.T) {
	tests := []struct {
		tag    string
		native string
		dir    Direction
	}{
		{"ar", "العربية", RightToLeft},
		{"fa-AF", "دری", RightToLeft},
		{"ps", "پښتو", RightToLeft},
		{"ckb", "کوردی", RightToLeft},
		{"kmr", "Kurmancî", LeftToRight},
		{"ti", "ትግርኛ", LeftToRight},
		{"de-CH", "Deutsch", LeftToRight}, // matched on the base language
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			l, ok := Lookup(language.MustParse(tt.tag))
			if !ok {
				t.Fatalf("%s unknown", tt.tag)
			}
			if l.Native != tt.native || l.Direction != tt.dir {
				t.Errorf("got %q dir %v, want %q dir %v", l.Native, l.Direction, tt.native, tt.dir)
			}
		})
	}
	if len(Languages()) < 20 {
		t.Errorf("only %d languages registered; the guide ships at least 20", len(Languages()))
	}
}

// TestShippedCatalogs loads the real staff and newcomer catalogs: every
// file parses (Kurmanji included, which go-i18n knows no plural rule for)
// and every language has every message of English.
func TestShippedCatalogs(t *testing.T) {
	for name, fsys := range map[string]fs.FS{"staff": assets.StaffMessages(), "newcomer": assets.NewcomerMessages()} {
		t.Run(name, func(t *testing.T) {
			cat, err := LoadCatalog(fsys, language.English)
			if err != nil {
				t.Fatal(err)
			}
			for _, tag := range cat.Languages() {
				if m := cat.Missing(tag); len(m) > 0 {
					t.Errorf("%s lacks %v", tag, m)
				}
			}
		})
	}
	cat, err := LoadCatalog(assets.NewcomerMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	if got := cat.Localizer(language.MustParse("kmr")).S("newcomer.back"); got == "Back" || strings.HasPrefix(got, "[") {
		t.Errorf("Kurmanji 'back' = %q, want the Kurmanji text", got)
	}
	if n := len(cat.Languages()); n < 20 {
		t.Errorf("newcomer catalogs in %d languages, want at least 20", n)
	}
}

func TestLoadCatalogJoinsAreaFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"active.en.toml":      {Data: []byte(`"a" = "A"`)},
		"counselling.en.toml": {Data: []byte(`"b" = "B"`)},
		"active.fr.toml":      {Data: []byte(`"a" = "A fr"`)},
	}
	cat, err := LoadCatalog(fsys, language.English)
	if err != nil {
		t.Fatal(err)
	}
	if got := cat.MessageIDs(language.English); len(got) != 2 {
		t.Fatalf("English IDs = %v, want a and b from two files", got)
	}
	if got := cat.Languages(); len(got) != 2 {
		t.Fatalf("Languages = %v, want en and fr once each", got)
	}
	if got := cat.Missing(language.French); len(got) != 1 || got[0] != "b" {
		t.Fatalf("Missing(fr) = %v, want [b]", got)
	}
	fsys["counselling.en.toml"] = &fstest.MapFile{Data: []byte(`"a" = "again"`)}
	if _, err := LoadCatalog(fsys, language.English); err == nil {
		t.Fatal("an ID defined in two files loaded without error")
	}
}

// A count picks the plural form and is shown as the reader writes numbers.
func TestCountShownAsNumber(t *testing.T) {
	fsys := fstest.MapFS{
		"active.en.toml": {Data: []byte(`"files" = { one = "{{.Count}} file", other = "{{.Count}} files" }`)},
		"active.de.toml": {Data: []byte(`"files" = { one = "{{.Count}} Dossier", other = "{{.Count}} Dossiers" }`)},
	}
	cat, err := LoadCatalog(fsys, language.English)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		tag   language.Tag
		count any
		want  string
	}{
		{language.English, 1, "1 file"},
		{language.English, 12400, "12,400 files"},
		{language.German, 12400, "12’400 Dossiers"},
		{language.German, int64(1), "1 Dossier"},
	}
	for _, tc := range tests {
		args := map[string]any{"Count": tc.count}
		if got := cat.Localizer(tc.tag).T("files", args); got != tc.want {
			t.Errorf("%s %v: %q, want %q", tc.tag, tc.count, got, tc.want)
		}
		if args["Count"] != tc.count {
			t.Error("T changed the caller's arguments")
		}
	}
}
