package names

// Thresholds for Similarity scores, as used by duplicate detection.
const (
	// SimilarThreshold is the score from which two names are "similar":
	// the same words in another spelling, script or order, a typing slip,
	// or one name missing a middle word of three or more.
	SimilarThreshold = 0.85
	// VariantThreshold is the score from which two names differ only by
	// transliteration, script or order.
	VariantThreshold = 0.95
)

// Scores of one word against another.
const (
	// skeletonScore is given to words whose skeletons and vowel classes
	// agree: Mohammed and Muhammad.
	skeletonScore = 0.95
	// bareSkeletonScore is given when the skeletons agree and one side has
	// no vowel class, as with Arabic script: محمد and Mohammed.
	bareSkeletonScore = 0.9
	// jaroFloor is the Jaro-Winkler similarity below which two different
	// words count as unrelated. Unrelated names of the same length often
	// reach 0.6-0.8 (Olena, Olha), so raw Jaro-Winkler would call too many
	// pairs similar.
	jaroFloor = 0.6
)

// Similarity returns a score in [0, 1] for two full names in any scripts.
//
// Names are split with Words and each word is read in Latin. Words are
// paired one to one, best pairs first, regardless of order, so swapped
// surname and given names cost nothing. A pair of words scores 1 when the
// folded or Latin forms are equal, 0.95 when the skeletons and vowel classes
// agree (Mohammed, Muhammad), 0.9 when the skeletons agree and one side has
// no vowel class (محمد, Mohammed), and otherwise Jaro-Winkler of the Latin
// forms rescaled so that 0.6 and below count as 0 (a typing slip keeps
// about 0.9, different names fall well below).
//
// The mean score of the pairs is weighted by coverage, the share of the
// longer name's words that were paired: score = mean × (0.65 + 0.35 ×
// coverage). A name that lacks one of three words keeps about 0.88; a given
// name alone against given name and surname, 0.83.
//
// Interpretation: 1 is the same name; ≥ VariantThreshold (0.95) a
// transliteration, script or order variant; ≥ SimilarThreshold (0.85)
// similar, worth a person's look together with the date of birth; below,
// different. A name without letters or digits scores 0 against anything.
func Similarity(a, b string) float64 {
	x, y := simWords(a), simWords(b)
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	x, y = mergeCompounds(x, y), mergeCompounds(y, x)
	if len(x) > len(y) {
		x, y = y, x
	}
	sum := assign(x, y)
	mean := sum / float64(len(x))
	coverage := float64(len(x)) / float64(len(y))
	return clamp01(mean * (0.65 + 0.35*coverage))
}

// simWord is one word prepared for comparison.
type simWord struct {
	fold  string
	lats  []string
	sks   []skel
	abjad bool
}

func simWords(name string) []simWord {
	ts := canonWords(tokens(truncate(name, maxNameBytes)))
	if len(ts) > maxWords {
		ts = ts[:maxWords]
	}
	ws := make([]simWord, len(ts))
	for i, t := range ts {
		ws[i] = newSimWord(t)
	}
	return ws
}

// newSimWord reads a word in Latin. A word with an article, removed by
// Words (السيد) or attached in Latin (Alsayed), is also read with and
// without it, so that it compares well against either spelling.
func newSimWord(t tok) simWord {
	w := simWord{fold: t.fold, lats: latinForms(t.latinSource()), abjad: hasArabic(t.fold)}
	if t.whole != "" {
		w.lats = append(w.lats, latinForms(t.whole)...)
	}
	if rest, ok := latinArticleRest(t.fold); ok {
		w.lats = append(w.lats, rest)
	}
	for _, l := range w.lats {
		w.sks = append(w.sks, skeletons(l)...)
	}
	return w
}

// mergeCompounds joins two adjacent words of x when together they equal a
// word of y: "Jean Pierre" against "Jeanpierre", "Abu Bakr" against
// "Abubakr".
func mergeCompounds(x, y []simWord) []simWord {
	for i := 0; i+1 < len(x); i++ {
		j := newSimWord(tok{fold: x[i].fold + x[i+1].fold, raw: x[i].lats[0] + x[i+1].lats[0]})
		for _, w := range y {
			if wordScore(j, w) >= bareSkeletonScore {
				out := append(append(append([]simWord{}, x[:i]...), j), x[i+2:]...)
				return mergeCompounds(out, y)
			}
		}
	}
	return x
}

// assign pairs each word of x with a distinct word of y, best pairs first,
// and returns the sum of the pair scores.
func assign(x, y []simWord) float64 {
	scores := make([][]float64, len(x))
	for i := range x {
		scores[i] = make([]float64, len(y))
		for j := range y {
			scores[i][j] = wordScore(x[i], y[j])
		}
	}
	usedX := make([]bool, len(x))
	usedY := make([]bool, len(y))
	sum := 0.0
	for range x {
		bi, bj, best := -1, -1, -1.0
		for i := range x {
			for j := range y {
				if !usedX[i] && !usedY[j] && scores[i][j] > best {
					bi, bj, best = i, j, scores[i][j]
				}
			}
		}
		usedX[bi], usedY[bj] = true, true
		sum += best
	}
	return sum
}

// wordScore compares two words; see Similarity.
func wordScore(x, y simWord) float64 {
	if x.fold == y.fold {
		return 1
	}
	best := 0.0
	for _, a := range x.lats {
		for _, b := range y.lats {
			if a == b {
				return 1
			}
			best = max(best, rescale(jaroWinkler(a, b)))
		}
	}
	for _, a := range x.sks {
		for _, b := range y.sks {
			best = max(best, skeletonMatch(a, b, x.abjad || y.abjad))
		}
	}
	return best
}

func skeletonMatch(a, b skel, abjad bool) float64 {
	if a.bare == "" || a.bare != b.bare {
		return 0
	}
	switch {
	case abjad || (a.class == 0) != (b.class == 0):
		return bareSkeletonScore
	case a.class == b.class:
		return skeletonScore // also when neither has a class: Ahmad, Ahmed
	}
	return 0
}

func rescale(jw float64) float64 {
	return clamp01((jw - jaroFloor) / (1 - jaroFloor))
}

func clamp01(f float64) float64 {
	return min(1, max(0, f))
}

// jaroWinkler returns the Jaro-Winkler similarity of two strings, with the
// usual prefix scale of 0.1 over at most four runes.
func jaroWinkler(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	j := jaro(ra, rb)
	prefix := 0
	for prefix < len(ra) && prefix < len(rb) && prefix < 4 && ra[prefix] == rb[prefix] {
		prefix++
	}
	return j + float64(prefix)*0.1*(1-j)
}

func jaro(a, b []rune) float64 {
	if len(a) == 0 || len(b) == 0 {
		if len(a) == len(b) {
			return 1
		}
		return 0
	}
	window := max(len(a), len(b))/2 - 1
	window = max(window, 0)
	ma := make([]bool, len(a))
	mb := make([]bool, len(b))
	matches := 0
	for i := range a {
		lo, hi := max(0, i-window), min(len(b), i+window+1)
		for k := lo; k < hi; k++ {
			if !mb[k] && a[i] == b[k] {
				ma[i], mb[k] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transpositions, k := 0, 0
	for i := range a {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if a[i] != b[k] {
			transpositions++
		}
		k++
	}
	m := float64(matches)
	return (m/float64(len(a)) + m/float64(len(b)) + (m-float64(transpositions)/2)/m) / 3
}
