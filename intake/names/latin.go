package names

import (
	"strings"
	"unicode/utf8"
)

// Latin transliterates a name to a plain lowercase Latin approximation.
// Arabic (with Persian, Pashto, Urdu and Kurdish letters), Cyrillic
// (Ukrainian, Russian and a few letters of neighbouring languages), Greek,
// Georgian, Armenian, Ethiopic syllables and Tamil are converted; Latin input
// comes back folded; other scripts are returned folded and untouched.
//
// The result is meant for matching, not for documents: unvocalised Arabic
// yields consonant clusters ("محمد" → "mhmd"), which Skeleton then matches
// against the vocalised Latin spellings. A Cyrillic word without letters
// specific to Ukrainian or Russian is read as Ukrainian unless its ending is
// typically Russian; IndexKeys stores both readings.
func Latin(s string) string {
	toks := strings.Fields(normalize(s, modeTranslit))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, translitWord(t)[0])
	}
	return Fold(strings.Join(out, " "))
}

// latinForms returns the Latin readings of one token of the
// transliteration form, the preferred first. The result is folded.
func latinForms(tok string) []string {
	forms := translitWord(tok)
	for i, f := range forms {
		forms[i] = Fold(f)
	}
	if len(forms) == 2 && forms[0] == forms[1] {
		forms = forms[:1]
	}
	return forms
}

// translitWord converts one space-free token. It returns two readings only
// for Cyrillic words whose language is ambiguous.
func translitWord(w string) []string {
	if isASCII(w) {
		return []string{w}
	}
	if strings.ContainsRune(w, 'ه') {
		// الله is spelled as its bearers spell it, alone or at the end of
		// a compound: عبدالله Abdallah, نصرالله Nasrallah.
		if f := normalize(w, modeFold); strings.HasSuffix(f, "الله") {
			pre := strings.TrimSuffix(f, "الله")
			return []string{translitRunes([]rune(pre), cyrUkrainian) + "allah"}
		}
	}
	rs := []rune(w)
	uk, ru := cyrillicReadings(rs)
	if uk && ru {
		a := translitRunes(rs, cyrUkrainian)
		b := translitRunes(rs, cyrRussian)
		if russianEnding(rs) {
			a, b = b, a
		}
		return []string{a, b}
	}
	lang := cyrUkrainian
	if ru {
		lang = cyrRussian
	}
	return []string{translitRunes(rs, lang)}
}

// translitRunes walks a word and hands each run of one script to its
// converter. Converters look at neighbours (Arabic vowel letters, Ethiopic
// orders, Greek digraphs), so they receive the whole word and a position and
// return how many runes they consumed.
func translitRunes(rs []rune, lang cyrLang) string {
	var b strings.Builder
	b.Grow(len(rs) * 2)
	for i := 0; i < len(rs); {
		r := rs[i]
		var n int
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
			n = 1
		case isArabicLetterOrMark(r):
			n = translitArabic(&b, rs, i)
		case r >= 0x0400 && r <= 0x052F:
			n = translitCyrillic(&b, rs, i, lang)
		case r >= 0x0370 && r <= 0x03FF:
			n = translitGreek(&b, rs, i)
		case r >= 0x10D0 && r <= 0x10FF, r >= 0x1C90 && r <= 0x1CBF:
			b.WriteString(georgianLetter(r))
			n = 1
		case r >= 0x0531 && r <= 0x058F:
			n = translitArmenian(&b, rs, i)
		case r >= 0x1200 && r <= 0x137F:
			b.WriteString(ethiopic(r))
			n = 1
		case r >= 0x0B80 && r <= 0x0BFF:
			n = translitTamil(&b, rs, i)
		default:
			if s, ok := extraLatin[r]; ok {
				b.WriteString(s)
			} else {
				b.WriteRune(r)
			}
			n = 1
		}
		i += n
	}
	return b.String()
}

// extraLatin spells Latin letters of African and Turkic orthographies that
// have no decomposition: hooked consonants, open vowels, schwa, eng.
var extraLatin = map[rune]string{
	'ə': "e", 'ɛ': "e", 'ɔ': "o", 'ŋ': "ng", 'ɓ': "b", 'ɗ': "d", 'ƙ': "k",
	'ƴ': "y", 'ɲ': "ny", 'ʃ': "sh", 'ʒ': "zh", 'ɣ': "gh", 'ʔ': "",
}

// endsWithVowel reports whether the last written Latin letter is a vowel,
// which decides how Arabic و and ي are read. A written y or w is a glide,
// not a vowel: يوسف is yusf.
func endsWithVowel(b *strings.Builder) bool {
	s := b.String()
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
