// Package textlayout lays out newcomer text in any script the guide ships:
// it picks a bundled font for every character (a combining mark always
// takes its base letter's font, so Tamil vowel signs never fall apart),
// breaks lines at Unicode line-break opportunities by measured width, and
// orders each line's runs visually by the Unicode bidi algorithm, so that
// digits, Latin names and punctuation sit where a reader of Arabic, Dari or
// Pashto expects them.
//
// It draws nothing itself: the user interface turns each Run into one text
// object in the run's font, and the same layout renders pages to images for
// printing. Measurement is a Measurer, so that what is measured is what the
// caller will draw.
package textlayout
