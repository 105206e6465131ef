package i18n

import "golang.org/x/text/language"

// Direction is the writing direction of a script.
type Direction int

// Writing directions.
const (
	LeftToRight Direction = iota
	RightToLeft
)

// Language describes a language Accueil can show: its tag, its name in its
// own language and script, the script and the direction of that script.
type Language struct {
	Tag       language.Tag
	Native    string
	English   string
	Script    string // ISO 15924 name: Latn, Arab, Cyrl, Ethi, Taml, Geor
	Direction Direction
}

// A table is cheaper than golang.org/x/text/language/display (about 2 MB)
// and knows Kurmanji, which display does not name.
var languages = []Language{
	{language.French, "Français", "French", "Latn", LeftToRight},
	{language.German, "Deutsch", "German", "Latn", LeftToRight},
	{language.Italian, "Italiano", "Italian", "Latn", LeftToRight},
	{language.English, "English", "English", "Latn", LeftToRight},
	{language.MustParse("ar"), "العربية", "Arabic", "Arab", RightToLeft},
	{language.MustParse("fa-AF"), "دری", "Dari", "Arab", RightToLeft},
	{language.MustParse("fa"), "فارسی", "Farsi", "Arab", RightToLeft},
	{language.MustParse("ps"), "پښتو", "Pashto", "Arab", RightToLeft},
	{language.MustParse("ckb"), "کوردی", "Kurdish (Sorani)", "Arab", RightToLeft},
	{language.MustParse("kmr"), "Kurmancî", "Kurdish (Kurmanji)", "Latn", LeftToRight},
	{language.MustParse("tr"), "Türkçe", "Turkish", "Latn", LeftToRight},
	{language.MustParse("ti"), "ትግርኛ", "Tigrinya", "Ethi", LeftToRight},
	{language.MustParse("am"), "አማርኛ", "Amharic", "Ethi", LeftToRight},
	{language.MustParse("so"), "Soomaali", "Somali", "Latn", LeftToRight},
	{language.MustParse("uk"), "Українська", "Ukrainian", "Cyrl", LeftToRight},
	{language.MustParse("ru"), "Русский", "Russian", "Cyrl", LeftToRight},
	{language.MustParse("ta"), "தமிழ்", "Tamil", "Taml", LeftToRight},
	{language.MustParse("ka"), "ქართული", "Georgian", "Geor", LeftToRight},
	{language.MustParse("sq"), "Shqip", "Albanian", "Latn", LeftToRight},
	{language.MustParse("es"), "Español", "Spanish", "Latn", LeftToRight},
	{language.MustParse("pt"), "Português", "Portuguese", "Latn", LeftToRight},
}

// Languages returns every language Accueil knows, in a stable order:
// national languages first, then the languages of the newcomers.
func Languages() []Language { return append([]Language(nil), languages...) }

// Lookup returns the language of tag, matching on the exact tag first and
// on its base language next.
func Lookup(tag language.Tag) (Language, bool) {
	for _, l := range languages {
		if l.Tag == tag {
			return l, true
		}
	}
	base, _ := tag.Base()
	for _, l := range languages {
		if b, _ := l.Tag.Base(); b == base {
			return l, true
		}
	}
	return Language{}, false
}

// NativeName returns the name of the language in itself, or the tag.
func NativeName(tag language.Tag) string {
	if l, ok := Lookup(tag); ok {
		return l.Native
	}
	return tag.String()
}

// scriptFonts names the bundled font of each script; Noto Sans carries
// Latin, Cyrillic, Greek, digits and common punctuation for all others.
var scriptFonts = map[string]string{
	"Arab": "NotoSansArabic-Regular.ttf",
	"Ethi": "NotoSansEthiopic-Regular.ttf",
	"Taml": "NotoSansTamil-Regular.ttf",
	"Geor": "NotoSansGeorgian-Regular.ttf",
}

// BaseFont is the font every script falls back to.
const BaseFont = "NotoSans-Regular.ttf"

// Font returns the file name of the bundled font made for the language's
// script: its primary face, tried first for every letter.
func (l Language) Font() string {
	if f, ok := scriptFonts[l.Script]; ok {
		return f
	}
	return BaseFont
}

// FontOf returns the primary font of a language tag ("ar", "fa-AF"),
// Noto Sans for a language the registry does not know.
func FontOf(tag string) string {
	l, _ := Lookup(language.Make(tag))
	return l.Font()
}

// IsRTL reports whether a language tag is written right to left.
func IsRTL(tag string) bool {
	l, ok := Lookup(language.Make(tag))
	return ok && l.Direction == RightToLeft
}
