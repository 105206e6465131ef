package names

import "strings"

// Arabic script is an abjad: short vowels are written as optional marks
// (harakat) that most documents omit, and و and ي are either consonants
// (w, y) or long vowels (u, i). The converter writes the marks when present,
// guesses long vowels from position, and otherwise leaves consonants side by
// side. Skeleton treats a word from Arabic script as carrying no reliable
// vowel information.

func isArabicLetterOrMark(r rune) bool {
	return kindOf(r) == baseArabic || isArabicMark(r)
}

// arabicConsonants spells the letters whose reading does not depend on their
// neighbours. The table follows common passport practice rather than a
// scholarly system, since the Latin side of a match is usually a passport.
var arabicConsonants = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d",
	'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d",
	'ط': "t", 'ظ': "z", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l",
	'م': "m", 'ن': "n", 'ه': "h",
	// Persian
	'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g", 'ک': "k",
	// Pashto
	'ټ': "t", 'ډ': "d", 'ړ': "r", 'ږ': "zh", 'ښ': "sh", 'ځ': "dz", 'څ': "ts",
	'ڼ': "n", 'ګ': "g",
	// Urdu
	'ٹ': "t", 'ڈ': "d", 'ڑ': "r", 'ں': "n", 'ھ': "h", 'ہ': "h",
	// Kurdish and Maghrebi
	'ڤ': "v", 'ڵ': "l", 'ڕ': "r", 'ۋ': "v", 'ڭ': "g", 'ڨ': "g", 'ڥ': "v",
	'ڪ': "k",
}

// arabicVowelLetters are read as vowels or, before a vowel, as glides.
var arabicVowelLetters = map[rune]bool{
	'ا': true, 'أ': true, 'إ': true, 'آ': true, 'ٱ': true, 'و': true, 'ي': true,
	'ی': true, 'ى': true, 'ة': true, 'ئ': true, 'ؤ': true, 'ې': true, 'ۍ': true,
	'ے': true, 'ە': true, 'ۆ': true, 'ێ': true, 'ۀ': true,
}

// translitArabic writes the letter at rs[i] with the marks that follow it and
// returns how many runes it used. Marks are gathered first because
// normalisation orders a vowel mark before shadda, while the doubling must be
// written before the vowel.
func translitArabic(b *strings.Builder, rs []rune, i int) int {
	j := i + 1
	for j < len(rs) && isArabicMark(rs[j]) {
		j++
	}
	vowel, shadda := arabicMarks(rs[i+1 : j])
	var next rune
	if j < len(rs) {
		next = rs[j]
	}
	r := rs[i]
	if isArabicMark(r) {
		// A mark without a letter, at the start of a word.
		v, _ := arabicMarks(rs[i:j])
		b.WriteString(v)
		return j - i
	}
	l := arabicLetter{b: b, vowel: vowel, start: b.Len() == 0, end: j == len(rs), next: next}
	cons := l.write(r)
	if shadda && cons != "" {
		b.WriteString(cons)
	}
	// Vowel letters have consumed their haraka; consonants and glides
	// are followed by it.
	b.WriteString(l.vowel)
	return j - i
}

// arabicMarks reads the vowel and the doubling from a run of marks.
func arabicMarks(ms []rune) (vowel string, shadda bool) {
	for _, m := range ms {
		switch m {
		case '\u064E', '\u0670': // fatha, superscript alef
			vowel = "a"
		case '\u064F': // damma
			vowel = "u"
		case '\u0650': // kasra
			vowel = "i"
		case '\u0651':
			shadda = true
		}
	}
	return vowel, shadda
}

// arabicLetter holds the context of one letter.
type arabicLetter struct {
	b     *strings.Builder
	vowel string // from a haraka on the letter
	start bool   // first letter of the word
	end   bool   // last letter of the word
	next  rune   // following letter, or 0
}

// write spells the letter and returns the consonant written, if any, so that
// shadda can double it and a haraka can follow it.
func (l *arabicLetter) write(r rune) string {
	if c, ok := arabicConsonants[r]; ok {
		if r == 'ه' && l.end && !l.start && !endsWithVowel(l.b) && l.vowel == "" {
			// Persian and Arabic final heh after a consonant is a vowel
			// ending: فاطمه Fatemeh.
			l.b.WriteString("eh")
			return ""
		}
		if c == "h" && l.vowel == "" && endsWithDigraphHead(l.b) {
			// Keep h from joining the previous letter into a digraph
			// that Skeleton would read as one sound: زهراء is
			// zahra, not zhra.
			l.b.WriteString("a")
		}
		l.b.WriteString(c)
		return c
	}
	l.writeVowelLetter(r)
	return ""
}

// endsWithDigraphHead reports whether the last written letter would form a
// digraph with a following h (sh, zh, kh, th, dh, gh, ch, ph).
func endsWithDigraphHead(b *strings.Builder) bool {
	s := b.String()
	return s != "" && strings.IndexByte("szktdgcp", s[len(s)-1]) >= 0
}

// writeVowelLetter spells alef, waw, yeh, hamza carriers, ʿayn and the
// vowel letters of Persian, Pashto, Urdu and Kurdish.
func (l *arabicLetter) writeVowelLetter(r rune) {
	switch r {
	case 'ا', 'أ', 'آ', 'ٱ':
		l.long("a")
	case 'إ':
		l.long("i")
	case 'ء':
		l.long("")
	case 'ؤ':
		l.long("u")
	case 'ئ':
		l.long("i")
	case 'ع':
		l.ayn()
	case 'و':
		l.semivowel("w", "u")
	case 'ي', 'ی':
		l.semivowel("y", "i")
	case 'ى':
		l.long("a")
	case 'ة', 'ۃ':
		l.long("a")
	case 'ې', 'ێ', 'ە', 'ۀ', 'ے':
		l.long("e")
	case 'ۍ':
		l.long("ay")
	case 'ۆ':
		l.long("o")
	}
}

// long writes a vowel letter, or the haraka it carries. A repeated vowel is
// written once: عا gives "a", not "aa".
func (l *arabicLetter) long(v string) {
	if l.vowel != "" {
		v = l.vowel
		l.vowel = ""
	}
	s := l.b.String()
	if v != "" && strings.HasSuffix(s, v) {
		return
	}
	l.b.WriteString(v)
}

// ayn is silent in most Latin spellings but opens a vowel: علي Ali,
// عمر Omar, سعد Saad.
func (l *arabicLetter) ayn() {
	switch {
	case l.vowel != "":
		l.b.WriteString(l.vowel)
		l.vowel = ""
	case l.start || !endsWithVowel(l.b):
		l.b.WriteString("a")
	}
}

// semivowel writes و or ي as a consonant at the start of a word, before a
// vowel, or when it carries a haraka, and as a long vowel otherwise.
func (l *arabicLetter) semivowel(glide, vowel string) {
	if l.start || l.vowel != "" || arabicVowelLetters[l.next] {
		l.b.WriteString(glide)
		return
	}
	if endsWithVowel(l.b) {
		l.b.WriteString(glide)
		return
	}
	l.b.WriteString(vowel)
}
