package tabular

import (
	"testing"

	"accueil/intake"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

func TestHeaderNamesUnambiguous(t *testing.T) {
	seen := map[string]intake.Field{}
	for f, names := range headerNames {
		if f != FieldID {
			if _, ok := intake.PersonFieldInfo(f); !ok {
				t.Errorf("header table names unknown field %q", f)
			}
		}
		for _, n := range append([]string{string(f)}, names...) {
			k := key(n)
			if other, ok := seen[k]; ok && other != f {
				t.Errorf("header %q means both %q and %q", n, f, other)
			}
			seen[k] = f
		}
	}
}

func TestImportableFieldsHaveSetters(t *testing.T) {
	for _, f := range ImportableFields() {
		if setters[f] == nil {
			t.Errorf("no setter for %q", f)
		}
		if info, ok := intake.PersonFieldInfo(f); ok && info.Sensitivity == intake.Health {
			t.Errorf("health field %q is importable", f)
		}
	}
}

// TestCountryTableCurrent checks the generated table against the CLDR data
// it was made from; run "go generate" when it fails after an update of
// golang.org/x/text.
func TestCountryTableCurrent(t *testing.T) {
	for _, c := range countryNames {
		r := language.MustParseRegion(c.code)
		if !intake.ValidCountryCode(c.code) {
			t.Errorf("%s not valid for intake", c.code)
		}
		for _, d := range []struct {
			dict *display.Dictionary
			name string
		}{{display.English, c.en}, {display.French, c.fr}, {display.German, c.de}} {
			if got := d.dict.Regions().Name(r); got != d.name {
				t.Errorf("%s: table says %q, CLDR %q", c.code, d.name, got)
			}
			if got, ok := ParseCountry(d.name); !ok || got != c.code {
				t.Errorf("ParseCountry(%q) = %q, %v; want %s", d.name, got, ok, c.code)
			}
		}
	}
}

func TestCountryAliasesNoClash(t *testing.T) {
	official := map[string]string{}
	for _, c := range countryNames {
		for _, n := range []string{c.en, c.fr, c.de} {
			official[key(n)] = c.code
		}
	}
	seen := map[string]string{}
	for code, names := range countryAliases {
		if !countries().codes[code] {
			t.Errorf("alias for unknown code %s", code)
		}
		for _, n := range names {
			k := key(n)
			if other, ok := official[k]; ok && other != code {
				t.Errorf("alias %q of %s is the name of %s", n, code, other)
			}
			if other, ok := seen[k]; ok && other != code {
				t.Errorf("alias %q means both %s and %s", n, code, other)
			}
			seen[k] = code
			if got, _ := ParseCountry(n); got != code {
				t.Errorf("ParseCountry(%q) = %q, want %s", n, got, code)
			}
		}
	}
}

func TestLanguageTable(t *testing.T) {
	seen := map[string]string{}
	for tag, names := range languageNames {
		parsed, err := language.Parse(tag)
		if err != nil || parsed.String() != tag {
			t.Errorf("tag %q is not canonical BCP 47 (%v, %v)", tag, parsed, err)
		}
		for _, n := range names {
			k := key(n)
			if other, ok := seen[k]; ok && other != tag {
				t.Errorf("name %q means both %s and %s", n, tag, other)
			}
			seen[k] = tag
		}
		// CLDR's names must be understood too, as some language.
		for _, d := range []*display.Dictionary{display.English, display.French, display.German} {
			name := d.Languages().Name(parsed)
			if name == "" {
				continue
			}
			if _, ok := ParseLanguage(name); !ok {
				t.Errorf("%s: CLDR name %q not recognised", tag, name)
			}
		}
	}
}
