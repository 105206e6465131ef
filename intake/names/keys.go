package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SkeletonPrefix starts every skeleton key, so that a skeleton never
// matches a literal key: "~muhmd" is not a prefix of "muhammad".
const SkeletonPrefix = "~"

// Limits on what IndexKeys and Similarity read. Real names are far shorter;
// the limits keep the index small and the work bounded when a field holds
// something else.
const (
	maxNameBytes = 1024
	maxWords     = 24
)

// IndexKeys returns the keys under which a full name is stored in a search
// index. A person matches a typed word when one of its keys starts with one
// of the word's QueryKeys.
//
// For each word of the name, canonical (see Words) or as written, the keys
// are its folded form, its Latin forms and its skeleton keys. Skeleton keys
// are SkeletonPrefix followed by the skeleton with its vowel class, and by
// the skeleton without it, so that a query that carries no class (typed in
// Arabic script, or a word like Ahmad) still matches. A word whose class is
// unknown is stored under every class: always for Arabic script (محمد under
// muhmd, mahmd, mihmd), and for Latin words of three consonants or more
// (Ahmed under Ahamd, so that Ahamed finds it). A standalone article is not
// stored on its own.
//
// Two words joined are stored as well when one of them is a fragment of one
// or two letters, a particle (abu, bin, ben, ibn…) or an abd- form, so that
// queries typed without the space or apostrophe still match: "Abd
// al-Rahman" is stored under "abdalrahman", "O'Neil" under "oneil",
// "Ja'far" under "jafar", "Abu Bakr" under "abubakr". A Latin word starting
// with al or el and a consonant is also stored without it ("Alsayed" under
// "sayed").
//
// Keys are unique and in a stable order. Only the first 1 KiB and 24 words
// of a name are indexed.
func IndexKeys(name string) []string {
	ts := tokens(truncate(name, maxNameBytes))
	if len(ts) > maxWords {
		ts = ts[:maxWords]
	}
	k := keySet{seen: make(map[string]bool, 8*len(ts)), done: make(map[tok]bool, 2*len(ts))}
	for _, w := range canonWords(ts) {
		k.word(w)
	}
	for i, t := range ts {
		if i+1 < len(ts) && isArticle(t.fold, ts[i+1].fold) {
			continue // its skeleton would match Ali or Alu
		}
		k.word(t)
	}
	for i, t := range ts {
		k.compounds(ts, i)
		if rest, ok := latinArticleRest(t.fold); ok {
			k.word(tok{fold: rest})
		}
	}
	return k.list
}

// QueryKeys returns the alternatives to look up, as prefixes of index keys,
// for one word typed in the search box: its folded form, its Latin forms and,
// when the word has at least three letters, its skeleton key. Shorter words
// stay literal so that two typed letters do not match half the index. A
// word given with inner spaces or apostrophes is joined. Callers split the
// search box with Words.
//
// The skeleton key carries the vowel class when the word has one and is not
// in Arabic script; otherwise it is the bare skeleton, which IndexKeys
// stores for every word, so that a query without a class matches words of
// any class.
func QueryKeys(word string) []string {
	ts := tokens(truncate(word, maxNameBytes))
	if len(ts) == 0 {
		return nil
	}
	var t tok
	for _, x := range ts {
		t.fold += x.fold
		t.raw += x.latinSource()
	}
	k := keySet{seen: make(map[string]bool, 4)}
	k.add(t.fold)
	abjad := hasArabic(t.fold)
	for _, lat := range latinForms(t.raw) {
		k.add(lat)
		if letterCount(t.fold) < 3 {
			continue
		}
		for _, sk := range skeletons(lat) {
			if sk.consonants() == 0 {
				continue // a skeleton of vowels only would match too much
			}
			if abjad || sk.class == 0 {
				k.skeleton(sk.bare)
			} else {
				k.skeleton(sk.classed())
			}
		}
	}
	return k.list
}

// keySet collects unique keys in insertion order.
type keySet struct {
	seen map[string]bool
	list []string
	done map[tok]bool // words already keyed, when tracked
}

func (k *keySet) add(key string) {
	if key == "" || k.seen[key] {
		return
	}
	k.seen[key] = true
	k.list = append(k.list, key)
}

func (k *keySet) skeleton(s string) {
	if s != "" {
		k.add(SkeletonPrefix + s)
	}
}

// word adds the keys of one word of the name.
func (k *keySet) word(t tok) {
	k.keys(t, true)
}

// keys adds the keys of a word. spelled says whether the word was written
// so (rather than joined from two), which allows a Latin word without a
// vowel class to be stored under every class.
func (k *keySet) keys(t tok, spelled bool) {
	if k.done != nil {
		// A name's words mostly appear both canonical and as written.
		if k.done[t] {
			return
		}
		k.done[t] = true
	}
	k.add(t.fold)
	abjad := hasArabic(t.fold)
	for _, lat := range latinForms(t.latinSource()) {
		k.add(lat)
		for _, sk := range skeletons(lat) {
			k.skeletonKeys(sk, abjad, spelled)
		}
	}
}

func (k *keySet) skeletonKeys(sk skel, abjad, spelled bool) {
	switch {
	case !abjad && sk.class != 0:
		k.skeleton(sk.classed())
	case abjad || spelled && sk.consonants() >= 3:
		// The class is unknown (Arabic script) or the spelling may
		// insert a vowel (Ahmed, Ahamed; Dmitri, Dimitri). Short
		// skeletons are left out: abd would match Abid. Joined words
		// are left out: alrahman would match Ali.
		for _, e := range sk.expansions() {
			k.skeleton(e)
		}
	}
	k.skeleton(sk.bare)
}

// compounds adds the joined forms that start at ts[i].
func (k *keySet) compounds(ts []tok, i int) {
	if i+1 >= len(ts) {
		return
	}
	a, b := ts[i], ts[i+1]
	abd := isAbdForm(a.fold)
	if abd || isFragment(a.fold) || isFragment(b.fold) {
		k.keys(join(a, b), false)
	}
	if abd && i+2 < len(ts) && isArticle(b.fold, ts[i+2].fold) {
		k.keys(join(join(a, b), ts[i+2]), false)
	}
}

func join(a, b tok) tok {
	return tok{fold: a.fold + b.fold, raw: a.latinSource() + b.latinSource()}
}

// isFragment reports whether w is likely a piece of a longer name: a
// letter or two cut off by an apostrophe (O'Neil, Ja'far, D'Angelo), or a
// particle that is often written joined (Abu Bakr, Abubakr; Ben Ali, Benali).
func isFragment(w string) bool {
	return utf8.RuneCountInString(w) <= 2 || particles[w]
}

var particles = map[string]bool{
	"abu": true, "abou": true, "bin": true, "ben": true, "ibn": true,
	"bint": true, "bou": true, "ould": true, "ait": true, "van": true,
	"von": true, "der": true, "den": true, "del": true, "dos": true,
	"das": true, "mac": true, "ابو": true, "بن": true, "ابن": true,
	"بنت": true,
}

// isAbdForm reports whether w is abd or abd with its article (abdel, abdul,
// abdur…), as written before a separate rest of the name.
func isAbdForm(w string) bool {
	if w == "abd" || w == arabicAbd {
		return true
	}
	rest, ok := afterAbdVowel(w)
	return ok && len(rest) <= 2
}

// latinArticleRest returns a Latin word without a leading al or el when a
// consonant and at least three letters follow: alsayed → sayed, elhassan →
// hassan. Names like Alina, Alexander and Elena begin with a vowel after
// the l and are left alone.
func latinArticleRest(w string) (string, bool) {
	if len(w) < 6 || !(strings.HasPrefix(w, "al") || strings.HasPrefix(w, "el")) {
		return "", false
	}
	c := w[2]
	if c < 'a' || c > 'z' || isVowel(c) || c == 'y' {
		return "", false
	}
	return w[2:], true
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// truncate cuts s to at most n bytes at a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
