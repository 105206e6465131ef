package tabular

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// languageNames maps BCP 47 tags to the names lists use for them in
// English, French, German and Italian, and the language's own name. It
// covers the languages of the office's newcomers; other languages are
// accepted as codes ("bm", "wol").
var languageNames = map[string][]string{
	"fr":    {"French", "français", "Französisch", "francese"},
	"de":    {"German", "allemand", "Deutsch", "tedesco", "Schweizerdeutsch", "suisse allemand", "Swiss German"},
	"it":    {"Italian", "italien", "Italienisch", "italiano"},
	"en":    {"English", "anglais", "Englisch", "inglese"},
	"uk":    {"Ukrainian", "ukrainien", "Ukrainisch", "українська"},
	"ru":    {"Russian", "russe", "Russisch", "русский"},
	"fa-AF": {"Dari", "Afghan Persian", "Farsi (Dari)", "persan dari", "Dari-Persisch", "دری"},
	"fa":    {"Farsi", "Persian", "persan", "Persisch", "فارسی"},
	"ps":    {"Pashto", "Pashtu", "Pushto", "pachto", "pachtou", "Paschtu", "Paschto", "پښتو"},
	"ar":    {"Arabic", "arabe", "Arabisch", "arabo", "العربية", "عربي"},
	"ary":   {"Moroccan Arabic", "Darija", "arabe marocain", "Marokkanisches Arabisch"},
	"arq":   {"Algerian Arabic", "arabe algérien", "Algerisches Arabisch"},
	"ckb":   {"Sorani", "Kurdish Sorani", "Central Kurdish", "kurde sorani", "Kurdisch Sorani", "Zentralkurdisch", "Kurdisch-Sorani", "سۆرانی"},
	"kmr":   {"Kurmanji", "Kurdish Kurmanji", "Northern Kurdish", "kurmandji", "kurde kurmandji", "Kurmandschi", "Kurdisch Kurmandschi", "Kurdisch-Kurmandschi", "Kurmancî"},
	"ku":    {"Kurdish", "kurde", "Kurdisch", "curdo", "Kurdî"},
	"tr":    {"Turkish", "turc", "Türkisch", "turco", "Türkçe"},
	"ti":    {"Tigrinya", "Tigrigna", "Tigrinja", "Tigrinisch", "tigrino", "ትግርኛ"},
	"tig":   {"Tigre", "tigré", "ትግረ"},
	"am":    {"Amharic", "amharique", "Amharisch", "amarico", "አማርኛ"},
	"om":    {"Oromo", "Afaan Oromoo"},
	"so":    {"Somali", "Somalisch", "somalo", "Soomaali"},
	"ta":    {"Tamil", "tamoul", "Tamilisch", "தமிழ்"},
	"ka":    {"Georgian", "géorgien", "Georgisch", "georgiano", "ქართული"},
	"sq":    {"Albanian", "albanais", "Albanisch", "albanese", "shqip"},
	"es":    {"Spanish", "espagnol", "Spanisch", "spagnolo", "español"},
	"pt":    {"Portuguese", "portugais", "Portugiesisch", "portoghese", "português"},
	"ur":    {"Urdu", "ourdou"},
	"bn":    {"Bengali", "Bangla", "Bengalisch", "বাংলা"},
	"hi":    {"Hindi"},
	"pa":    {"Punjabi", "Panjabi", "pendjabi", "pundjabi"},
	"ne":    {"Nepali", "népalais", "Nepalesisch"},
	"sr":    {"Serbian", "serbe", "Serbisch", "српски"},
	"bs":    {"Bosnian", "bosniaque", "Bosnisch"},
	"hr":    {"Croatian", "croate", "Kroatisch"},
	"mk":    {"Macedonian", "macédonien", "Mazedonisch"},
	"ro":    {"Romanian", "roumain", "Rumänisch"},
	"rom":   {"Romani", "Romany", "Romanes"},
	"hy":    {"Armenian", "arménien", "Armenisch"},
	"az":    {"Azerbaijani", "azéri", "azerbaïdjanais", "Aserbaidschanisch"},
	"uz":    {"Uzbek", "ouzbek", "Usbekisch"},
	"tg":    {"Tajik", "tadjik", "Tadschikisch"},
	"haz":   {"Hazaragi", "Hazara", "hazâragi"},
	"bal":   {"Baluchi", "Balochi", "baloutchi", "Belutschisch"},
	"ug":    {"Uyghur", "ouïghour", "Uigurisch"},
	"zh":    {"Chinese", "chinois", "Chinesisch", "Mandarin", "中文"},
	"vi":    {"Vietnamese", "vietnamien", "Vietnamesisch"},
	"my":    {"Burmese", "birman", "Birmanisch"},
	"sw":    {"Swahili", "Kiswahili", "Suaheli"},
	"ln":    {"Lingala"},
	"rw":    {"Kinyarwanda", "rwanda"},
	"rn":    {"Kirundi", "Rundi", "roundi"},
	"wo":    {"Wolof"},
	"ff":    {"Fula", "Fulah", "Fulani", "peul", "Pular", "Fulfulde", "Ful"},
	"mnk":   {"Mandinka", "Mandingo", "mandingue", "Malinke"},
	"bm":    {"Bambara"},
	"ha":    {"Hausa", "haoussa", "Haussa"},
	"yo":    {"Yoruba"},
	"ig":    {"Igbo"},
	"kab":   {"Kabyle", "Kabylisch"},
	"tzm":   {"Tamazight", "Central Atlas Tamazight", "amazighe de l’Atlas central", "Zentralatlas-Tamazight", "Berber", "berbère", "Berberisch", "amazighe"},
	"be":    {"Belarusian", "biélorusse", "Belarussisch", "Weissrussisch"},
	"pl":    {"Polish", "polonais", "Polnisch"},
	"el":    {"Greek", "grec", "Griechisch"},
}

// languageCodes maps codes that language.Parse leaves alone but that the
// app must not store: "prs" (Dari) has no plural rules in the catalogs.
var languageCodes = map[string]string{"prs": "fa-AF"}

// languageIndex maps the key of every name in languageNames to its tag.
var languageIndex = sync.OnceValue(func() map[string]string {
	idx := map[string]string{}
	for tag, names := range languageNames {
		for _, n := range names {
			idx[key(n)] = tag
		}
	}
	return idx
})

// ParseLanguage reads one language as a name (English, French, German,
// Italian or the language's own) or a code (ISO 639-1, 639-2/3 or a BCP 47
// tag) and returns a canonical BCP 47 tag: "Tigrinya" and "tir" give "ti",
// "Dari" and "prs" give "fa-AF". Empty text gives "" and true; ok is false
// when nothing matches.
func ParseLanguage(s string) (tag string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	if tag, ok := languageIndex()[key(s)]; ok {
		return tag, true
	}
	if len(s) > 16 {
		return "", false // no tag of interest is that long
	}
	t, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil || t == language.Und {
		return "", false
	}
	tag = t.String()
	if alt, ok := languageCodes[tag]; ok {
		tag = alt
	}
	return tag, true
}

// ParseLanguages reads a list of languages separated by commas,
// semicolons, slashes, plus signs or vertical bars. It returns the tags it
// recognised, without repeats, and the parts it did not.
func ParseLanguages(s string) (tags, unknown []string) {
	for _, part := range strings.FieldsFunc(s, isListSeparator) {
		tag, ok := ParseLanguage(part)
		switch {
		case !ok:
			unknown = append(unknown, strings.TrimSpace(part))
		case tag != "" && !slices.Contains(tags, tag):
			tags = append(tags, tag)
		}
	}
	return tags, unknown
}

func isListSeparator(r rune) bool {
	return r == ',' || r == ';' || r == '/' || r == '+' || r == '|' || r == '\n'
}
