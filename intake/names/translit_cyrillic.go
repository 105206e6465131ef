package names

import "strings"

// cyrLang selects a Cyrillic romanisation. Ukrainian passports follow the
// national system of 2010 (г → h, и → y), Russian ones a BGN-like system
// (г → g, и → i); the same person may hold documents of both.
type cyrLang int

const (
	cyrUkrainian cyrLang = iota
	cyrRussian
)

// cyrillicReadings tells which languages a word can be read in. A word
// without Cyrillic letters, or with letters of one language only, has one
// reading.
func cyrillicReadings(rs []rune) (uk, ru bool) {
	cyr := false
	for _, r := range rs {
		switch r {
		case 'і', 'ї', 'є', 'ґ':
			return true, false
		case 'ы', 'э', 'ъ', 'ё':
			ru = true
		}
		if r >= 0x0400 && r <= 0x04FF {
			cyr = true
		}
	}
	if ru || !cyr {
		return false, ru
	}
	return true, true
}

// russianEnding reports endings that Ukrainian spelling does not use for
// names (-ий, -ей, -ый, -ой, -ай: Николай), so that the Russian reading
// comes first.
func russianEnding(rs []rune) bool {
	n := len(rs)
	if n < 3 || rs[n-1] != 'й' {
		return false
	}
	switch rs[n-2] {
	case 'и', 'е', 'ы', 'о', 'а':
		return true
	}
	return false
}

// cyrCommon holds the letters both systems spell alike, and letters of
// Belarusian, Serbian, Macedonian, Kazakh and Tajik.
var cyrCommon = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'д': "d", 'ж': "zh", 'з': "z", 'к': "k",
	'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s",
	'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ь': "", 'ъ': "", 'е': "e", 'і': "i", 'ґ': "g", 'ы': "y",
	'э': "e", 'ў': "u", 'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c",
	'џ': "dz", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz", 'ә': "a", 'ғ': "gh", 'қ': "q",
	'ң': "ng", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h", 'ҳ': "h", 'ҷ': "j",
}

// cyrIotated are the letters that start with a y sound. Ukrainian writes
// the y only at the start of a word (Юлія → Yuliia); Russian always.
var cyrIotated = map[rune][2]string{
	'є': {"ye", "ie"},
	'ї': {"yi", "i"},
	'й': {"y", "i"},
	'ю': {"yu", "iu"},
	'я': {"ya", "ia"},
}

var ruIotated = map[rune]string{
	'ё': "yo", 'й': "y", 'ю': "yu", 'я': "ya", 'є': "ye", 'ї': "yi",
}

// translitCyrillic writes rs[i] and returns the number of runes used.
func translitCyrillic(b *strings.Builder, rs []rune, i int, lang cyrLang) int {
	r := rs[i]
	if lang == cyrRussian {
		b.WriteString(russianLetter(r))
		return 1
	}
	switch {
	case r == 'г':
		// зг is written zgh so that it is not read as the digraph zh.
		if i > 0 && rs[i-1] == 'з' {
			b.WriteString("gh")
		} else {
			b.WriteString("h")
		}
	case r == 'и':
		b.WriteString("y")
	case r == 'ё':
		b.WriteString("io")
	default:
		if v, ok := cyrIotated[r]; ok {
			if i == 0 {
				b.WriteString(v[0])
			} else {
				b.WriteString(v[1])
			}
			return 1
		}
		b.WriteString(cyrLetter(r))
	}
	return 1
}

func russianLetter(r rune) string {
	switch r {
	case 'г':
		return "g"
	case 'и':
		return "i"
	}
	if s, ok := ruIotated[r]; ok {
		return s
	}
	return cyrLetter(r)
}

// cyrLetter falls back to the rune itself for letters of other Cyrillic
// alphabets, which stay visible rather than vanish.
func cyrLetter(r rune) string {
	if s, ok := cyrCommon[r]; ok {
		return s
	}
	return string(r)
}
