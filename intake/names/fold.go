package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s in a canonical comparison form: NFKC, case-folded, with
// combining marks removed where they are diacritics (Latin, Greek, Cyrillic,
// Armenian, Georgian, Arabic harakat and Hebrew points) and kept where they
// are part of the letter (Tamil virama and vowel signs, Devanagari, Ethiopic
// and the other abugidas). Arabic letter variants are unified (أ إ آ ٱ → ا,
// ى ی → ي, ة → ه, ک → ك), tatweel and invisible format characters are
// dropped, digits of any script become ASCII digits, ß becomes ss and
// stroked Latin letters (ø, ł, đ, ı…) lose their stroke. Punctuation and
// symbols (apostrophes, hyphens, dots) become spaces, except an apostrophe
// inside a Cyrillic word, which Ukrainian spelling uses as part of the word
// (Мар'яна). Whitespace is collapsed and trimmed. Invalid UTF-8 becomes a
// separator.
//
// Fold is idempotent: Fold(Fold(s)) == Fold(s).
func Fold(s string) string {
	return normalize(s, modeFold)
}

// mode selects what normalize keeps. Latin transliteration needs marks and
// letters that the comparison form throws away: Arabic vowel signs and the
// breve of й tell it which Latin vowel to write.
type mode int

const (
	// modeFold produces the comparison form of Fold.
	modeFold mode = iota
	// modeTranslit keeps Arabic marks after Arabic letters and the breve
	// and diaeresis of Cyrillic letters, and leaves Arabic letter variants
	// distinct.
	modeTranslit
)

// normalize runs the shared pipeline: repair, NFKC, case folding, then one
// pass over the canonical decomposition that filters marks and maps runes,
// and a final recomposition.
func normalize(s string, m mode) string {
	if isASCII(s) {
		return foldASCII(s)
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = norm.NFKC.String(s)
	s = cases.Fold().String(s)
	s = norm.NFD.String(s)
	s = filter(s, m)
	return norm.NFC.String(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldASCII is the fast path for the common case of a name typed on a
// Western keyboard. It must agree with the general path on ASCII input, or
// Fold would not be idempotent.
func foldASCII(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		default:
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b)
}

// baseKind classifies the letter that a combining mark attaches to, which
// decides whether the mark is a removable diacritic.
type baseKind int

const (
	baseNone     baseKind = iota // no letter yet, or a separator
	baseStrip                    // Latin, Greek, Armenian, Georgian, Hebrew, digits
	baseCyrillic                 // diacritics removed, but й ё ї matter to Latin
	baseArabic                   // harakat removed, but they matter to Latin
	baseKeep                     // abugidas and others: marks are letters
)

// filter walks a decomposed, case-folded string once. It keeps track of the
// last base letter because a mark is a diacritic or a vowel sign depending
// on the script it sits on.
func filter(s string, m mode) string {
	w := filterWriter{m: m}
	w.b.Grow(len(s))
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf && r != '\'' && r != '`':
			w.ascii(byte(r))
		case unicode.IsMark(r):
			if keepMark(r, w.base, m) {
				w.rune(r)
			}
		case r == tatweel:
			// Kashida only stretches the line.
		case isApostrophe(r):
			w.apostrophe(cyrillicAt(s, i+utf8.RuneLen(r)))
		case unicode.IsLetter(r):
			w.letter(r)
		case unicode.Is(unicode.Cf, r):
			// Invisible: ZWJ, ZWNJ, bidi controls, soft hyphen. The
			// base stays, so a virama after a ZWJ survives.
		case unicode.IsNumber(r):
			w.base = baseStrip
			w.rune(asciiDigit(r))
		default:
			// Spaces, controls, punctuation, symbols, U+FFFD.
			w.separate()
		}
	}
	return w.b.String()
}

// filterWriter writes the output of filter, collapsing separators.
type filterWriter struct {
	b     strings.Builder
	m     mode
	base  baseKind
	space bool // a separator is pending
}

func (w *filterWriter) separate() {
	w.base = baseNone
	w.space = true
}

func (w *filterWriter) rune(r rune) {
	if w.space && w.b.Len() > 0 {
		w.b.WriteByte(' ')
	}
	w.space = false
	w.b.WriteRune(r)
}

func (w *filterWriter) str(s string) {
	for _, r := range s {
		w.rune(r)
	}
}

// ascii handles the common case without table lookups. Case folding has
// already lowered the letters.
func (w *filterWriter) ascii(c byte) {
	if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
		w.base = baseStrip
		w.rune(rune(c))
		return
	}
	w.separate()
}

// apostrophe drops an apostrophe between two Cyrillic letters, where
// Ukrainian spelling makes it part of the word (Мар'яна); elsewhere it
// separates, including the modifier letters ʼ and ʿ.
func (w *filterWriter) apostrophe(cyrillicNext bool) {
	if w.base == baseCyrillic && cyrillicNext {
		return
	}
	w.separate()
}

// letter writes a letter, mapped where a variant must be unified. Arabic
// variants are unified only in the comparison form: Latin needs ة and ى
// as vowels.
func (w *filterWriter) letter(r rune) {
	w.base = kindOf(r)
	switch {
	case r < 0x0300:
		if s, ok := strokeLetters[r]; ok {
			w.str(s)
			return
		}
	case w.m == modeFold && r >= 0x0600 && r <= 0x06FF:
		if u, ok := arabicVariants[r]; ok {
			r = u
		}
	case r >= 0x13F8 && r <= 0x13FD, r >= 0xAB70 && r <= 0xABBF:
		r = cherokeeUpper(r)
	}
	w.rune(r)
}

// cherokeeUpper maps a small Cherokee letter to its capital. Unicode folds
// Cherokee to capitals, but cases.Fold turns capitals into small letters
// and small letters into capitals, which would make Fold flip on every
// call.
func cherokeeUpper(r rune) rune {
	if r >= 0xAB70 {
		return r - 0xAB70 + 0x13A0
	}
	return r - 8
}

const tatweel = '\u0640'

// isApostrophe lists the characters typed or printed as an apostrophe,
// including the modifier letters used for Arabic ʿayn and hamza.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u00B4', '\u2018', '\u2019', '\u201B', '\u2032',
		'\u02B9', '\u02BB', '\u02BC', '\u02BD', '\u02BE', '\u02BF', '\u02C8':
		return true
	}
	return false
}

// cyrillicAt reports whether the rune at byte offset i of s is a Cyrillic
// letter.
func cyrillicAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) && kindOf(r) == baseCyrillic
}

// kindOf tells which family a letter belongs to. The ranges cover the
// scripts named in the package documentation; everything else keeps its
// marks, which is the safe choice for scripts whose marks are vowels.
func kindOf(r rune) baseKind {
	switch {
	case r < 0x0370, r >= 0x1E00 && r <= 0x1FFF, r >= 0x2C60 && r <= 0x2C7F,
		r >= 0xA720 && r <= 0xA7FF, r >= 0xAB30 && r <= 0xAB6F:
		return baseStrip // Latin and Greek Extended
	case r <= 0x03FF, r >= 0x0530 && r <= 0x05FF, r >= 0x10A0 && r <= 0x10FF,
		r >= 0x1C90 && r <= 0x1CBF, r >= 0x2D00 && r <= 0x2D2F, r >= 0xFB13 && r <= 0xFB4F:
		return baseStrip // Greek, Armenian, Hebrew, Georgian
	case r <= 0x052F, r >= 0x1C80 && r <= 0x1C8F, r >= 0x2DE0 && r <= 0x2DFF,
		r >= 0xA640 && r <= 0xA69F:
		return baseCyrillic
	case r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0x0870 && r <= 0x08FF,
		r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return baseArabic
	}
	return baseKeep
}

// keepMark decides whether a combining mark survives. Arabic marks are
// removed everywhere in the comparison form, whatever they follow, so that a
// stray haraka cannot make two spellings differ.
func keepMark(r rune, base baseKind, m mode) bool {
	if isArabicMark(r) {
		return m == modeTranslit && base == baseArabic
	}
	switch base {
	case baseKeep:
		return true
	case baseCyrillic:
		// й, ё, ї, ў decompose into a letter and a breve or diaeresis.
		return m == modeTranslit && (r == '\u0306' || r == '\u0308')
	}
	return false
}

func isArabicMark(r rune) bool {
	return r >= 0x0610 && r <= 0x061A || r >= 0x064B && r <= 0x065F || r == 0x0670 ||
		r >= 0x06D6 && r <= 0x06ED || r >= 0x08CA && r <= 0x08FF
}

// strokeLetters are Latin letters whose diacritic is not a combining mark,
// so decomposition cannot remove it.
var strokeLetters = map[rune]string{
	'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l", 'ħ': "h", 'ı': "i", 'ŧ': "t",
	'ƀ': "b", 'ɨ': "i", 'ʉ': "u", 'ƶ': "z", 'ǥ': "g", 'ɉ': "j",
	'æ': "ae", 'œ': "oe", 'þ': "th",
}

// arabicVariants unifies letters that spelling conventions interchange.
// The hamza forms (أ إ ؤ ئ) and madda (آ) need no entry: decomposition
// separates the hamza or madda mark, which filter removes.
var arabicVariants = map[rune]rune{
	'\u0671': '\u0627', // ٱ alef wasla → ا
	'\u0672': '\u0627', // ٲ
	'\u0673': '\u0627', // ٳ
	'\u0675': '\u0627', // ٵ
	'\u0649': '\u064A', // ى alef maqsura → ي
	'\u06CC': '\u064A', // ی Persian yeh → ي
	'\u06D2': '\u064A', // ے Urdu yeh barree → ي
	'\u0629': '\u0647', // ة teh marbuta → ه
	'\u06C3': '\u0647', // ۃ Urdu teh marbuta goal → ه
	'\u06C1': '\u0647', // ہ Urdu heh goal → ه
	'\u06BE': '\u0647', // ھ heh doachashmee → ه
	'\u06A9': '\u0643', // ک keheh → ك
	'\u06AA': '\u0643', // ڪ swash kaf → ك
}

// digitZeros are the code points of zero in the decimal digit blocks that
// names or identifiers from the office's languages use.
var digitZeros = []rune{
	0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
	0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090,
	0x17E0, 0x1810, 0x1946, 0x19D0, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
}

// asciiDigit maps a decimal digit of any listed script to ASCII. Digits of
// other blocks are returned unchanged.
func asciiDigit(r rune) rune {
	if r <= '9' {
		return r
	}
	for _, z := range digitZeros {
		if r >= z && r <= z+9 {
			return '0' + r - z
		}
	}
	return r
}
