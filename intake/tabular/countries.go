package tabular

//go:generate go run gen_countries.go

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// countryAliases adds, for the countries most people in the asylum domain
// come from, the names CLDR does not give: official and older names, the
// forms Swiss federal lists use, and nationality adjectives in English,
// French and German ("Eritrean", "érythréenne", "eritreisch"), which lists
// often put in a nationality column.
var countryAliases = map[string][]string{
	"AF": {"Afghan", "afghane", "afghanisch", "Afghanin", "Islamic Republic of Afghanistan"},
	"AL": {"Albanian", "albanais", "albanaise", "albanisch"},
	"AM": {"Armenian", "arménien", "arménienne", "armenisch"},
	"AZ": {"Azerbaijani", "azerbaïdjanais", "azerbaïdjanaise", "aserbaidschanisch"},
	"BD": {"Bangladeshi", "bangladais", "bangladaise", "bangladeschisch"},
	"BI": {"Burundian", "burundais", "burundaise", "burundisch"},
	"BY": {"Belarusian", "biélorusse", "belarussisch", "Weissrussland", "Weißrussland"},
	"CD": {"Congo (Kinshasa)", "Democratic Republic of the Congo", "DR Congo", "DRC", "Congo RDC", "RDC", "RD Congo", "République démocratique du Congo", "Demokratische Republik Kongo", "DR Kongo", "Kongo (Kinshasa)"},
	"CG": {"Congo (Brazzaville)", "Republic of the Congo", "République du Congo", "Republik Kongo", "Kongo (Brazzaville)"},
	"CI": {"Ivory Coast", "Ivorian", "ivoirien", "ivoirienne", "Elfenbeinküste", "ivorisch"},
	"CM": {"Cameroonian", "camerounais", "camerounaise", "kamerunisch"},
	"CN": {"Chinese", "chinois", "chinoise", "chinesisch"},
	"CO": {"Colombian", "colombien", "colombienne", "kolumbianisch"},
	"DZ": {"Algerian", "algérien", "algérienne", "algerisch"},
	"EG": {"Egyptian", "égyptien", "égyptienne", "ägyptisch"},
	"ER": {"Eritrean", "érythréen", "érythréenne", "eritreisch", "Eritreer", "Eritreerin"},
	"ET": {"Ethiopian", "éthiopien", "éthiopienne", "äthiopisch"},
	"GE": {"Georgian", "géorgien", "géorgienne", "georgisch"},
	"GM": {"Gambian", "gambien", "gambienne", "gambisch", "The Gambia"},
	"GN": {"Guinean", "guinéen", "guinéenne", "guineisch", "Guinea-Conakry", "Guinée-Conakry"},
	"IN": {"Indian", "indien", "indienne", "indisch"},
	"IQ": {"Iraqi", "irakien", "irakienne", "irakisch", "Iraq", "Irak"},
	"IR": {"Iranian", "iranien", "iranienne", "iranisch", "Islamic Republic of Iran", "Iran, Islamic Republic of", "Persia"},
	"KP": {"North Korea", "Corée du Nord", "Nordkorea"},
	"KR": {"South Korea", "Corée du Sud", "Südkorea"},
	"LB": {"Lebanese", "libanais", "libanaise", "libanesisch"},
	"LK": {"Sri Lankan", "sri-lankais", "sri-lankaise", "srilankisch", "sri-lankisch"},
	"LY": {"Libyan", "libyen", "libyenne", "libysch"},
	"MA": {"Moroccan", "marocain", "marocaine", "marokkanisch"},
	"MD": {"Moldovan", "moldave", "moldauisch", "Moldova", "Republic of Moldova"},
	"MK": {"Macedonia", "Macédoine", "Mazedonien", "Macedonian", "macédonien", "mazedonisch"},
	"ML": {"Malian", "malien", "malienne", "malisch"},
	"MM": {"Burma", "Birmanie", "Birma", "Burmese", "birman", "birmane"},
	"NE": {"Nigerien", "nigérien", "nigérienne", "nigrisch"},
	"NG": {"Nigerian", "nigérian", "nigériane", "nigerianisch"},
	"NP": {"Nepalese", "népalais", "népalaise", "nepalesisch"},
	"PK": {"Pakistani", "pakistanais", "pakistanaise", "pakistanisch"},
	"PS": {"Palestine", "State of Palestine", "Palestinian", "palestinien", "palestinienne", "Palästina", "palästinensisch"},
	"RS": {"Serbian", "serbe", "serbisch"},
	"RU": {"Russian Federation", "Russian", "russe", "russisch", "Fédération de Russie", "Russische Föderation"},
	"SD": {"Sudanese", "soudanais", "soudanaise", "sudanesisch"},
	"SN": {"Senegalese", "sénégalais", "sénégalaise", "senegalesisch"},
	"SO": {"Somali", "Somalian", "somalien", "somalienne", "somalisch"},
	"SS": {"South Sudanese", "sud-soudanais", "sud-soudanaise", "südsudanesisch"},
	"SY": {"Syrian Arab Republic", "Syrian", "syrien", "syrienne", "syrisch", "République arabe syrienne", "Arabische Republik Syrien"},
	"TD": {"Chadian", "tchadien", "tchadienne", "tschadisch"},
	"TJ": {"Tajik", "tadjik", "tadjike", "tadschikisch"},
	"TN": {"Tunisian", "tunisien", "tunisienne", "tunesisch"},
	"TR": {"Türkiye", "Turkiye", "Turkish", "turc", "turque", "türkisch", "Tuerkei"},
	"UA": {"Ukrainian", "ukrainien", "ukrainienne", "ukrainisch"},
	"VE": {"Venezuelan", "vénézuélien", "vénézuélienne", "venezolanisch"},
	"VN": {"Vietnamese", "vietnamien", "vietnamienne", "vietnamesisch"},
	"XK": {"Kosovar", "Kosovan", "kosovare", "kosovarisch"},
	"YE": {"Yemeni", "yéménite", "jemenitisch"},
	"GB": {"UK", "Great Britain", "Grande-Bretagne", "Grossbritannien", "Großbritannien", "British", "britannique", "britisch"},
	"US": {"USA", "United States of America", "États-Unis d'Amérique", "Vereinigte Staaten von Amerika"},
	"HK": {"Hong Kong", "Hongkong"},
	"CH": {"Swiss", "suisse", "schweizerisch"},
}

// countryTable is the lookup built from countryNames and countryAliases.
type countryTable struct {
	codes map[string]bool   // current codes
	names map[string]string // key of a name -> code
}

// countries is built at first use and read-only afterwards.
var countries = sync.OnceValue(func() countryTable {
	t := countryTable{codes: map[string]bool{}, names: map[string]string{}}
	for _, c := range countryNames {
		t.codes[c.code] = true
		for _, n := range []string{c.en, c.fr, c.de} {
			for _, v := range nameVariants(n) {
				t.add(v, c.code)
			}
		}
	}
	for code, names := range countryAliases {
		for _, n := range names {
			t.add(n, code)
		}
	}
	return t
})

// add keeps the first code for a name: CLDR's names come first, so an
// alias never overrides an official name (a test checks there is no clash).
func (t countryTable) add(name, code string) {
	k := key(name)
	if _, ok := t.names[k]; !ok && k != "" {
		t.names[k] = code
	}
}

// nameVariants returns CLDR's name and the forms people write instead:
// "Myanmar (Burma)" is also "Myanmar", "Antigua & Barbuda" also "Antigua
// and Barbuda".
func nameVariants(n string) []string {
	out := []string{n}
	if before, _, ok := strings.Cut(n, " ("); ok {
		out = append(out, before)
	}
	if strings.Contains(n, "&") {
		out = append(out, strings.ReplaceAll(n, "&", "and"), strings.ReplaceAll(n, "&", "et"), strings.ReplaceAll(n, "&", "und"))
	}
	return out
}

// ParseCountry reads a nationality: an ISO 3166-1 alpha-2 or alpha-3 code,
// a UN M.49 number, or a country name (or nationality adjective) in English,
// French or German. It returns the alpha-2 code in upper case. Withdrawn
// codes that have one successor are replaced (ZR gives CD, UK gives GB).
// Empty text gives "" and true; ok is false when nothing matches.
//
// Stateless persons have no code: "stateless" is not recognised and the
// row needs a person's decision.
func ParseCountry(s string) (code string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	if code, ok := lookupCountry(s); ok {
		return code, true
	}
	// "Afghanistan (AFG)", "ERI (Erythrée)": either part will do.
	if before, after, found := strings.Cut(s, "("); found {
		inside, _, _ := strings.Cut(after, ")")
		for _, part := range []string{before, inside} {
			if code, ok := lookupCountry(strings.TrimSpace(part)); ok {
				return code, true
			}
		}
	}
	return "", false
}

// lookupCountry reads a code or a name.
func lookupCountry(s string) (string, bool) {
	t := countries()
	if len(s) == 2 || len(s) == 3 {
		if r, err := language.ParseRegion(s); err == nil {
			if c := r.Canonicalize().String(); t.codes[c] {
				return c, true
			}
		}
	}
	code, ok := t.names[key(s)]
	return code, ok
}
