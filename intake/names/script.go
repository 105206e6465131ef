package names

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Script reports the dominant Unicode script of s: the script with the most
// letters, ties going to the one that appears first. Names are those of
// unicode.Scripts ("Latin", "Arabic", "Cyrillic", "Ethiopic", "Tamil",
// "Georgian", "Han"…). Persian and Pashto report "Arabic". A string without
// letters reports "".
func Script(s string) string {
	counts := make([]int, len(scriptOrder))
	first := make([]int, len(scriptOrder))
	last := -1
	pos := 0
	for _, r := range s {
		pos++
		if !unicode.IsLetter(r) {
			continue
		}
		i := scriptIndex(r, last)
		if i < 0 {
			continue
		}
		if counts[i] == 0 {
			first[i] = pos
		}
		counts[i]++
		last = i
	}
	best := -1
	for i, c := range counts {
		if c == 0 {
			continue
		}
		if best < 0 || c > counts[best] || c == counts[best] && first[i] < first[best] {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return scriptOrder[best].name
}

// scriptIndex finds the script of r, trying the script of the previous
// letter first since names rarely switch script.
func scriptIndex(r rune, last int) int {
	if r < utf8.RuneSelf {
		return 0 // Latin: ASCII letters
	}
	if last >= 0 && unicode.Is(scriptOrder[last].table, r) {
		return last
	}
	for i, s := range scriptOrder {
		if unicode.Is(s.table, r) {
			return i
		}
	}
	return -1
}

type namedScript struct {
	name  string
	table *unicode.RangeTable
}

// scriptOrder lists the scripts of the office's languages first, then every
// other script by name, so that lookups are fast and ties deterministic.
var scriptOrder = buildScriptOrder()

func buildScriptOrder() []namedScript {
	common := []string{
		"Latin", "Arabic", "Cyrillic", "Ethiopic", "Tamil", "Georgian",
		"Armenian", "Greek", "Hebrew", "Devanagari", "Bengali", "Sinhala",
		"Han", "Hiragana", "Katakana", "Hangul", "Thai", "Myanmar", "Khmer",
		"Tibetan", "Syriac", "Thaana", "Tifinagh", "Gurmukhi", "Gujarati",
	}
	var out []namedScript
	for _, n := range common {
		out = append(out, namedScript{n, unicode.Scripts[n]})
	}
	var rest []string
	for n := range unicode.Scripts {
		if !slices.Contains(common, n) && n != "Common" && n != "Inherited" {
			rest = append(rest, n)
		}
	}
	slices.Sort(rest)
	for _, n := range rest {
		out = append(out, namedScript{n, unicode.Scripts[n]})
	}
	return out
}
