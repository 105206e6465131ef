package names

import "strings"

// Greek follows ELOT 743, the system of Greek passports, with the digraphs
// that matter for names.
var greek = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i",
	'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
	'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// greekDigraphs are read before single letters; the bool says whether the
// spelling applies only at the start of a word (μπ is b there, mb inside).
var greekDigraphs = []struct {
	a, b    rune
	latin   string
	initial bool
}{
	{'ο', 'υ', "ou", false},
	{'α', 'υ', "av", false},
	{'ε', 'υ', "ev", false},
	{'γ', 'γ', "ng", false},
	{'μ', 'π', "b", true},
	{'ν', 'τ', "d", true},
	{'γ', 'κ', "g", true},
}

func translitGreek(b *strings.Builder, rs []rune, i int) int {
	if i+1 < len(rs) {
		for _, d := range greekDigraphs {
			if rs[i] == d.a && rs[i+1] == d.b && (!d.initial || i == 0) {
				b.WriteString(d.latin)
				return 2
			}
		}
	}
	if s, ok := greek[rs[i]]; ok {
		b.WriteString(s)
	} else {
		b.WriteRune(rs[i])
	}
	return 1
}

// georgian follows the national system of 2002 without the apostrophes of
// ejectives, which passports omit.
var georgian = map[rune]string{
	'ა': "a", 'ბ': "b", 'გ': "g", 'დ': "d", 'ე': "e", 'ვ': "v", 'ზ': "z",
	'თ': "t", 'ი': "i", 'კ': "k", 'ლ': "l", 'მ': "m", 'ნ': "n", 'ო': "o",
	'პ': "p", 'ჟ': "zh", 'რ': "r", 'ს': "s", 'ტ': "t", 'უ': "u", 'ფ': "p",
	'ქ': "k", 'ღ': "gh", 'ყ': "q", 'შ': "sh", 'ჩ': "ch", 'ც': "ts", 'ძ': "dz",
	'წ': "ts", 'ჭ': "ch", 'ხ': "kh", 'ჯ': "j", 'ჰ': "h", 'ჱ': "e", 'ჲ': "y",
	'ჳ': "v", 'ჴ': "q", 'ჵ': "o", 'ჶ': "f", 'ჷ': "y", 'ჸ': "", 'ჹ': "",
	'ჺ': "",
}

// georgianLetter maps Mtavruli capitals, which case folding leaves alone,
// to the Mkhedruli letters of the table.
func georgianLetter(r rune) string {
	if r >= 0x1C90 && r <= 0x1CBF {
		r = r - 0x1C90 + 0x10D0
	}
	if s, ok := georgian[r]; ok {
		return s
	}
	return string(r)
}

// armenian follows the usual passport spelling of Armenian names.
var armenian = map[rune]string{
	'ա': "a", 'բ': "b", 'գ': "g", 'դ': "d", 'ե': "e", 'զ': "z", 'է': "e",
	'ը': "y", 'թ': "t", 'ժ': "zh", 'ի': "i", 'լ': "l", 'խ': "kh", 'ծ': "ts",
	'կ': "k", 'հ': "h", 'ձ': "dz", 'ղ': "gh", 'ճ': "ch", 'մ': "m", 'յ': "y",
	'ն': "n", 'շ': "sh", 'ո': "o", 'չ': "ch", 'պ': "p", 'ջ': "j", 'ռ': "r",
	'ս': "s", 'վ': "v", 'տ': "t", 'ր': "r", 'ց': "ts", 'ւ': "v", 'փ': "p",
	'ք': "k", 'օ': "o", 'ֆ': "f",
}

// translitArmenian reads ու as u, and ե and ո at the start of a word as
// ye and vo (Երևան Yerevan, Ոսկան Voskan).
func translitArmenian(b *strings.Builder, rs []rune, i int) int {
	r := rs[i]
	switch {
	case r == 'ո' && i+1 < len(rs) && rs[i+1] == 'ւ':
		b.WriteString("u")
		return 2
	case r == 'ե' && i == 0:
		b.WriteString("ye")
	case r == 'ո' && i == 0:
		b.WriteString("vo")
	default:
		if s, ok := armenian[r]; ok {
			b.WriteString(s)
		} else {
			b.WriteRune(r)
		}
	}
	return 1
}

// Ethiopic syllables come in rows of eight: one consonant followed by the
// vowel orders ä, u, i, a, e, ə (or none), o and wa. ethiopicRows gives the
// consonant of each row from U+1200; a leading "*" marks the labialised rows
// (qʷ, kʷ, gʷ…), whose layout differs; "" marks the glottal rows አ and ዐ,
// whose syllables are bare vowels.
var ethiopicRows = [...]string{
	"h", "l", "h", "m", "s", "r", "s", "sh", // U+1200
	"q", "*qw", "q", "*qw", "b", "v", "t", "ch", // U+1240
	"h", "*hw", "n", "ny", "", "k", "*kw", "kh", // U+1280
	"*khw", "w", "", "z", "zh", "y", "d", "d", // U+12C0
	"j", "g", "*gw", "g", "t", "ch", "p", "ts", // U+1300
	"ts", "f", "p", // U+1340
}

// ethiopicOrders spells the vowel orders. The first order ä is commonly
// written e (ሰላም Selam); the sixth is often silent (ብርሃነ Brhane, Berhane).
var ethiopicOrders = [8]string{"e", "u", "i", "a", "e", "", "o", "wa"}

// ethiopicGlottal spells the orders of አ and ዐ, which are read as vowels
// (አለም Alem, ኢዮብ Iyob, እሸቱ Eshetu).
var ethiopicGlottal = [8]string{"a", "u", "i", "a", "e", "e", "o", "a"}

// ethiopicLabial spells the orders of the labialised rows.
var ethiopicLabial = [8]string{"e", "", "i", "a", "e", "u", "", ""}

func ethiopic(r rune) string {
	off := int(r - 0x1200)
	row, order := off/8, off%8
	switch {
	case r >= 0x1358 && r <= 0x135A:
		return [...]string{"rya", "mya", "fya"}[r-0x1358]
	case row >= len(ethiopicRows):
		// Combining marks, punctuation and numerals carry no sound.
		return ""
	}
	cons := ethiopicRows[row]
	switch {
	case cons == "":
		return ethiopicGlottal[order]
	case cons[0] == '*':
		cons = cons[1:]
		if order == 5 {
			return cons[:len(cons)-1] + "u"
		}
		return cons + ethiopicLabial[order]
	}
	return cons + ethiopicOrders[order]
}

// Tamil is an abugida: a consonant carries an inherent a unless a virama
// (pulli) or a vowel sign follows. Stops are written voiced after a vowel or
// a nasal, as Sri Lankan and Indian spellings of names do (முருகன் Murugan).
var tamilVowels = map[rune]string{
	'அ': "a", 'ஆ': "aa", 'இ': "i", 'ஈ': "ii", 'உ': "u", 'ஊ': "uu", 'எ': "e",
	'ஏ': "ee", 'ஐ': "ai", 'ஒ': "o", 'ஓ': "oo", 'ஔ': "au",
	'ா': "aa", 'ி': "i", 'ீ': "ii", 'ு': "u", 'ூ': "uu", 'ெ': "e", 'ே': "ee",
	'ை': "ai", 'ொ': "o", 'ோ': "oo", 'ௌ': "au",
}

var tamilConsonants = map[rune]string{
	'க': "k", 'ங': "ng", 'ச': "s", 'ஞ': "nj", 'ட': "t", 'ண': "n", 'த': "th",
	'ந': "n", 'ப': "p", 'ம': "m", 'ய': "y", 'ர': "r", 'ல': "l", 'வ': "v",
	'ழ': "zh", 'ள': "l", 'ற': "r", 'ன': "n", 'ஜ': "j", 'ஶ': "sh", 'ஷ': "sh",
	'ஸ': "s", 'ஹ': "h", 'ஃ': "h", 'ஂ': "m",
}

var tamilVoiced = map[string]string{"k": "g", "t": "d", "p": "b"}

const tamilVirama = '\u0BCD'

func translitTamil(b *strings.Builder, rs []rune, i int) int {
	r := rs[i]
	if v, ok := tamilVowels[r]; ok {
		b.WriteString(v)
		return 1
	}
	c, ok := tamilConsonants[r]
	if !ok {
		return 1 // length marks and other signs
	}
	if v, ok := tamilVoiced[c]; ok && i > 0 && (endsWithVowel(b) || strings.HasSuffix(b.String(), "n") || strings.HasSuffix(b.String(), "m")) {
		c = v
	}
	b.WriteString(c)
	if i+1 < len(rs) {
		if rs[i+1] == tamilVirama {
			return 2
		}
		if v, ok := tamilVowels[rs[i+1]]; ok && rs[i+1] >= 0x0BBE {
			b.WriteString(v)
			return 2
		}
	}
	if r != 'ஃ' && r != 'ஂ' {
		b.WriteString("a")
	}
	return 1
}
