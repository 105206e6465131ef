package names

import "strings"

// Skeleton returns a phonetic key of one word that its transliteration
// variants share: mohammed, muhammad, mohamad, mohamed and muhammed all give
// "muhmd"; youssef, yusuf, yossef and jussuf give "jusf"; oleksandr,
// aleksandr, alexander and olexandr give "Alaksndr". A word in another script
// is transliterated first; a word with no Latin reading gives "".
//
// The key is built from consonant classes, in order, with adjacent repeats
// collapsed:
//
//	b  d  f  k (k c q ck)  l  m  n  p  r  s (s ts tz, c before e i y)
//	t (t th)  v (v w)  z (z dz)  j (j y dj dzh zh, y only at the start)
//	h (h kh g gh)  S (sh ch sch tch)  x = k+s
//
// h and g are one class because Ukrainian writes h where Russian writes g
// (Serhii, Sergey; Olha, Olga); ch joins sh because French spellings of
// Arabic names use it (Rachid, Rashid; Aicha, Aisha), and IndexKeys and
// QueryKeys also try the German reading kh (Chaled, Khaled). A j between a
// vowel and a consonant is a vowel (Sergej, Nikolaj). Vowels are dropped
// except in two places where spellings agree and names differ:
//
//   - a word that starts with a vowel starts with "A" (Omar, Umar; Ibrahim,
//     Ebrahim); ye, je and ie at the start count as a vowel (Yevhen, Evgeny;
//     Yelena, Elena), and i before another vowel as y (Iurii, Yurii);
//   - the vowels right after the first consonant add one class letter: "a"
//     for a, e, ai, ei…, "i" for i, y, ee, ie, "u" for o, u, ou. This keeps
//     Omar (Amar) apart from Amir (Amir) and Mona from Mina, while Mohammed
//     and Muhammad, Hussein and Hossein still agree.
//
// A word whose first consonant is not followed by a vowel (Ahmad, Dmytro)
// has no class letter. Words from Arabic script never have one: unvocalised
// Arabic does not write short vowels, and و and ي do not tell u from o or
// i from ay. IndexKeys and QueryKeys treat a missing class as matching any
// class, so محمد still finds Muhammad.
//
// A final h after a vowel is dropped (Fatemeh, Fatma; Sarah, Sara), and
// abd- compounds lose their article (Abdulrahman, Abdurrahman and
// Abdrahman agree). Ukrainian Myk- is read as Nik- (Mykola, Nikolai; Mykyta,
// Nikita).
func Skeleton(word string) string {
	raw := strings.ReplaceAll(normalize(word, modeTranslit), " ", "")
	sk := skeletonOf(latinForms(raw)[0])
	if hasArabic(raw) {
		return sk.bare
	}
	return sk.classed()
}

// skel is a skeleton with its optional vowel class kept apart, so that keys
// can be made with the class, without it, or with every class.
type skel struct {
	bare  string // consonant classes and the initial-vowel marker
	pos   int    // where the class letter goes in bare, or -1
	class byte   // 'a', 'i', 'u', or 0 when the first consonant has no vowel
}

// classed returns the skeleton with its class letter.
func (s skel) classed() string {
	if s.class == 0 {
		return s.bare
	}
	return s.with(s.class)
}

func (s skel) with(c byte) string {
	return s.bare[:s.pos] + string(c) + s.bare[s.pos:]
}

// expansions returns the skeleton with each class letter, for a word whose
// class is unknown.
func (s skel) expansions() []string {
	if s.pos < 0 {
		return nil
	}
	return []string{s.with('a'), s.with('i'), s.with('u')}
}

// consonants counts the consonant classes of the skeleton.
func (s skel) consonants() int {
	return len(strings.TrimPrefix(s.bare, "A"))
}

// skeletons returns the skeletons of a folded Latin word: one, or two when
// the word has a ch that may be German (Chaled for Khaled) rather than
// French (Rachid for Rashid).
func skeletons(lat string) []skel {
	sk := skeletonOf(lat)
	alt := germanCh(lat)
	if alt == lat {
		return []skel{sk}
	}
	if other := skeletonOf(alt); other != sk {
		return []skel{sk, other}
	}
	return []skel{sk}
}

// germanCh rewrites ch as kh, except in sch and tch, which are sh sounds in
// German too.
func germanCh(lat string) string {
	if !strings.Contains(lat, "ch") {
		return lat
	}
	b := []byte(lat)
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 'c' && b[i+1] == 'h' && (i == 0 || b[i-1] != 's' && b[i-1] != 't') {
			b[i] = 'k'
		}
	}
	return string(b)
}

// skeletonOf computes the skeleton of a folded Latin word. Letters other
// than a-z are ignored.
func skeletonOf(lat string) skel {
	w := asciiLetters(lat)
	w = abdRule(w)
	w = initialRule(w)
	b := skelBuilder{pos: -1}
	b.build(w)
	return skel{bare: string(b.out), pos: b.pos, class: b.class}
}

func asciiLetters(s string) []byte {
	w := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			w = append(w, c)
		}
	}
	return w
}

// abdRule removes the article of an abd- compound, as splitAbd does for
// Words, so that the joined spellings agree: abdulrahman, abdurrahman,
// abdelrahman and abdrahman all become abdrahman.
func abdRule(w []byte) []byte {
	rest, ok := afterAbdVowel(string(w))
	if !ok {
		return w
	}
	switch {
	case strings.HasPrefix(rest, "l"):
		if !allahRests[rest[1:]] {
			rest = rest[1:]
		}
	case len(rest) >= 2 && rest[0] == rest[1] && !isVowel(rest[0]):
		rest = rest[1:]
	}
	return append([]byte("abd"), rest...)
}

// initialRule rewrites the start of a word where transliteration systems
// disagree about a y sound or a Ukrainian consonant.
func initialRule(w []byte) []byte {
	switch {
	case len(w) >= 2 && (w[0] == 'y' || w[0] == 'j' || w[0] == 'i') && w[1] == 'e':
		return w[1:] // Yevhen, Jewgeni, Evgeny
	case len(w) >= 2 && w[0] == 'i' && (w[1] == 'a' || w[1] == 'o' || w[1] == 'u'):
		return append([]byte{'y'}, w[1:]...) // Iurii, Iana
	case len(w) >= 4 && string(w[:3]) == "myk" && w[3] != 'h':
		return append([]byte("nik"), w[3:]...) // Mykola, Mykyta
	}
	return w
}

// skelBuilder accumulates the key.
type skelBuilder struct {
	out      []byte
	last     byte // last consonant class written, 0 after a vowel
	pos      int
	class    byte
	consSeen bool
	wantCls  bool // the previous unit was the first consonant
}

// digraphs are read before single letters, longest first.
var digraphs = []struct {
	s   string
	sym byte
}{
	{"tsch", 'S'}, {"dzh", 'j'}, {"sch", 'S'}, {"tch", 'S'},
	{"sh", 'S'}, {"ch", 'S'}, {"zh", 'j'}, {"kh", 'h'}, {"gh", 'h'},
	{"ph", 'f'}, {"th", 't'}, {"dh", 'd'}, {"ts", 's'}, {"tz", 's'},
	{"dz", 'z'}, {"dj", 'j'}, {"ck", 'k'},
}

var letterClass = [26]byte{
	0:         0, // vowels have no class
	'b' - 'a': 'b', 'c' - 'a': 'k', 'd' - 'a': 'd', 'f' - 'a': 'f',
	'g' - 'a': 'h', 'h' - 'a': 'h', 'j' - 'a': 'j', 'k' - 'a': 'k', 'l' - 'a': 'l',
	'm' - 'a': 'm', 'n' - 'a': 'n', 'p' - 'a': 'p', 'q' - 'a': 'k', 'r' - 'a': 'r',
	's' - 'a': 's', 't' - 'a': 't', 'v' - 'a': 'v', 'w' - 'a': 'v', 'x' - 'a': 'x',
	'y' - 'a': 'j', 'z' - 'a': 'z',
}

func (b *skelBuilder) build(w []byte) {
	for i := 0; i < len(w); {
		if n := vowelRun(w, i); n > 0 {
			b.vowel(w[i : i+n])
			i += n
			continue
		}
		i += b.consonant(w, i)
	}
}

// vowelRun returns the length of the vowel cluster at w[i]. y is a vowel
// except at the start of a word; j is one between a vowel and a consonant or
// the end (German Sergej, Nikolaj).
func vowelRun(w []byte, i int) int {
	n := 0
	for j := i; j < len(w); j++ {
		c := w[j]
		switch {
		case isVowel(c), c == 'y' && j > 0:
		case c == 'j' && j > 0 && isVowel(w[j-1]) && (j+1 == len(w) || !isVowel(w[j+1]) && w[j+1] != 'y'):
		default:
			return n
		}
		n++
	}
	return n
}

func (b *skelBuilder) vowel(cluster []byte) {
	switch {
	case len(b.out) == 0:
		b.out = append(b.out, 'A')
	case b.wantCls:
		b.class = vowelClass(cluster)
	}
	b.wantCls = false
	b.last = 0
}

// vowelClass reduces the vowels after the first consonant to a, i or u. A y
// or i before another vowel is the softness of the consonant in Slavic
// spellings (Lyudmila, Liudmila, Ludmila) and is skipped.
func vowelClass(c []byte) byte {
	if len(c) > 1 && (c[0] == 'y' || c[0] == 'i') && c[1] != 'e' && c[1] != 'i' && c[1] != 'y' {
		c = c[1:]
	}
	switch {
	case string(c) == "ee", c[0] == 'i', c[0] == 'y':
		return 'i'
	case c[0] == 'o', c[0] == 'u':
		return 'u'
	}
	return 'a'
}

// consonant writes the class of the consonant at w[i] and returns the
// number of letters read.
func (b *skelBuilder) consonant(w []byte, i int) int {
	// Every digraph has one of these letters second.
	if i+1 < len(w) && strings.IndexByte("hszjkc", w[i+1]) >= 0 {
		for _, d := range digraphs {
			if hasPrefixAt(w, i, d.s) {
				b.emit(d.sym)
				return len(d.s)
			}
		}
	}
	c := w[i]
	sym := letterClass[c-'a']
	switch {
	case c == 'c' && i+1 < len(w) && (w[i+1] == 'e' || w[i+1] == 'i' || w[i+1] == 'y'):
		sym = 's'
	case c == 'h' && i+1 == len(w) && i > 0 && isVowelOrY(w[i-1]):
		return 1 // Fatemeh, Sarah
	case c == 'x':
		b.emit('k')
		sym = 's'
	}
	b.emit(sym)
	return 1
}

func isVowelOrY(c byte) bool {
	return isVowel(c) || c == 'y'
}

func hasPrefixAt(w []byte, i int, p string) bool {
	return len(w)-i >= len(p) && string(w[i:i+len(p)]) == p
}

// emit writes a consonant class, collapsing a repeat of the previous one.
func (b *skelBuilder) emit(sym byte) {
	b.wantCls = false
	if sym == b.last {
		return
	}
	b.out = append(b.out, sym)
	b.last = sym
	if !b.consSeen {
		b.consSeen = true
		b.pos = len(b.out)
		b.wantCls = true
	}
}

// hasArabic reports whether s contains an Arabic-script letter.
func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && kindOf(r) == baseArabic {
			return true
		}
	}
	return false
}
