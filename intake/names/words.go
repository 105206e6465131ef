package names

import (
	"strings"
	"unicode/utf8"
)

// Words splits a name into search words. The name is folded first (folding
// a folded name changes nothing), so Words(Fold(s)) == Words(s).
//
// Arabic compound names are brought to one shape, because the same name is
// written "Abd al-Rahman", "Abdel Rahman", "Abdulrahman", "Abdurrahman" or
// "Abdirahman": a standalone article (al, el, ul, or an assimilated one such
// as ar before rahman) is dropped, and an abd- compound is split into "abd"
// and the rest, so all of these give ["abd", "rahman"]. Abdullah, Abdallah
// and Abd Allah give ["abd", "allah"]. In Arabic script, عبدالرحمن and
// عبد الرحمن both give ["عبد", "رحمن"], and the article ال is removed from
// the start of a word (السيد → سيد).
//
// An article attached to a Latin word ("Alsayed") is not split, since too
// many names begin with al or el; IndexKeys stores the remainder instead.
func Words(s string) []string {
	ws := canonWords(plainTokens(Fold(s)))
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.fold
	}
	return out
}

// tok is one word in two forms: fold is the comparison form, raw the
// transliteration form of the same word (with Arabic vowel marks and й),
// from which Latin reads. raw is empty when it is not known.
type tok struct {
	fold, raw string
	// whole is the word before Words removed an attached article (السيد
	// for سيد), for comparisons that want both.
	whole string
}

// latinSource returns the form from which Latin should read.
func (t tok) latinSource() string {
	if t.raw != "" {
		return t.raw
	}
	return t.fold
}

func plainTokens(folded string) []tok {
	fs := strings.Fields(folded)
	ts := make([]tok, len(fs))
	for i, f := range fs {
		ts[i] = tok{fold: f}
	}
	return ts
}

// tokens splits a name into aligned comparison and transliteration forms.
// Both normalisations split at the same places, so they align word by word;
// should they ever not, Latin reads the comparison form.
func tokens(name string) []tok {
	folded := strings.Fields(Fold(name))
	ts := make([]tok, len(folded))
	for i, f := range folded {
		ts[i] = tok{fold: f}
	}
	if isASCII(name) {
		return ts
	}
	raw := strings.Fields(normalize(name, modeTranslit))
	if len(raw) == len(ts) {
		for i := range ts {
			ts[i].raw = raw[i]
		}
	}
	return ts
}

// canonWords applies the article and abd- rules of Words.
func canonWords(ts []tok) []tok {
	out := make([]tok, 0, len(ts))
	for i, t := range ts {
		next := ""
		if i+1 < len(ts) {
			next = ts[i+1].fold
		}
		switch {
		case next != "" && isArticle(t.fold, next):
			continue
		case next != "" && isAbdHead(t.fold, next):
			out = append(out, tok{fold: "abd"})
		default:
			if a, b, ok := splitAbd(t.fold); ok {
				out = append(out, tok{fold: a}, tok{fold: b})
			} else if rest, ok := stripArabicArticle(t.fold); ok {
				out = append(out, tok{fold: rest, whole: t.latinSource()})
			} else {
				out = append(out, t)
			}
		}
	}
	return out
}

// sunLetters are the consonants that assimilate the l of the Arabic article
// in careful transliteration: ar-Rahman, as-Salam, ad-Din, an-Nur.
var sunLetters = []string{"t", "th", "d", "dh", "r", "z", "s", "sh", "n", "l"}

// isArticle reports whether w is the Arabic article standing before next.
func isArticle(w, next string) bool {
	switch w {
	case "al", "el", "ul", "ال":
		return true
	}
	if len(w) < 2 || len(w) > 3 || (w[0] != 'a' && w[0] != 'e' && w[0] != 'u') {
		return false
	}
	for _, s := range sunLetters {
		if w[1:] == s && strings.HasPrefix(next, s) {
			return true
		}
	}
	return false
}

// isAbdHead reports whether w is "abd" followed by the article, written as
// one word before the rest of the name: abdel, abdul, abdoul, abdur (before
// rahman), abdes (before salam).
func isAbdHead(w, next string) bool {
	rest, ok := afterAbdVowel(w)
	if !ok {
		return false
	}
	if rest == "l" {
		return true
	}
	return len(rest) >= 1 && len(rest) <= 2 && isArticle("a"+rest, next)
}

// afterAbdVowel strips "abd" and one vowel (or "ou") from an ASCII word.
func afterAbdVowel(w string) (string, bool) {
	if !strings.HasPrefix(w, "abd") || len(w) < 4 {
		return "", false
	}
	rest := w[3:]
	switch {
	case strings.HasPrefix(rest, "ou"):
		return rest[2:], true
	case strings.IndexByte("aeiou", rest[0]) >= 0:
		return rest[1:], true
	}
	return "", false
}

// allahRests are what remains of Abdullah, Abdallah, Abdalla, Abdullahi
// once the abd- rule has taken its vowel and l.
var allahRests = map[string]bool{"lah": true, "la": true, "llah": true, "lla": true, "lahi": true, "llahi": true}

// splitAbd splits an abd- compound: abdulrahman, abdurrahman, abdirahman,
// abdelkader, abdullah. The remainder must keep at least three letters, so
// that a name like Abdo or Abdi stays whole. Arabic script is handled by
// splitArabicAbd.
func splitAbd(w string) (string, string, bool) {
	if a, b, ok := splitArabicAbd(w); ok {
		return a, b, ok
	}
	rest, ok := afterAbdVowel(w)
	if !ok {
		return "", "", false
	}
	article := strings.HasPrefix(rest, "l")
	if article {
		rest = rest[1:]
	}
	switch {
	case allahRests[rest]:
		return "abd", "allah", true
	case !article && len(rest) >= 2 && rest[0] == rest[1] && !isVowel(rest[0]):
		rest = rest[1:] // abdurrahman: the article assimilated
	}
	if len(rest) < 3 {
		return "", "", false
	}
	return "abd", rest, true
}

const (
	arabicAbd     = "عبد"
	arabicArticle = "ال"
	arabicAllah   = "الله"
)

func splitArabicAbd(w string) (string, string, bool) {
	rest, ok := strings.CutPrefix(w, arabicAbd)
	if !ok || !strings.HasPrefix(rest, arabicArticle) {
		return "", "", false
	}
	if rest == arabicAllah {
		return arabicAbd, rest, true
	}
	rest = strings.TrimPrefix(rest, arabicArticle)
	if utf8.RuneCountInString(rest) < 2 {
		return "", "", false
	}
	return arabicAbd, rest, true
}

// stripArabicArticle removes ال from an Arabic-script word of at least three
// more letters. Names that merely begin with these letters (الياس Ilyas) lose
// them too, on both the index and the query side, so they still match.
func stripArabicArticle(w string) (string, bool) {
	rest, ok := strings.CutPrefix(w, arabicArticle)
	if !ok || w == arabicAllah || utf8.RuneCountInString(rest) < 3 {
		return "", false
	}
	return rest, true
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}
