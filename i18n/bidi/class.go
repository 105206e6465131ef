package bidi

import "fmt"

// Class is a Bidi_Class property value (UAX #9, table 4).
type Class uint8

// Bidi_Class values. The zero value is L, the default for code points not
// listed otherwise.
const (
	L   Class = iota // Left-to-right: most letters
	R                // Right-to-left: Hebrew and other right-to-left scripts
	AL               // Arabic letter: Arabic, Syriac, Thaana and similar
	EN               // European number: ASCII and other digits
	ES               // European separator: plus and minus signs
	ET               // European number terminator: degree, currency signs
	AN               // Arabic number: Arabic-Indic digits, Arabic separators
	CS               // Common number separator: colon, comma, full stop
	NSM              // Nonspacing mark: combining marks
	BN               // Boundary neutral: format and control characters
	B                // Paragraph separator
	S                // Segment separator: tab
	WS               // Whitespace
	ON               // Other neutrals: punctuation and symbols
	LRE              // Left-to-right embedding (U+202A)
	LRO              // Left-to-right override (U+202D)
	RLE              // Right-to-left embedding (U+202B)
	RLO              // Right-to-left override (U+202E)
	PDF              // Pop directional format (U+202C)
	LRI              // Left-to-right isolate (U+2066)
	RLI              // Right-to-left isolate (U+2067)
	FSI              // First strong isolate (U+2068)
	PDI              // Pop directional isolate (U+2069)
	numClasses
)

// classNames are the short property value aliases, which the conformance
// file BidiTest.txt also uses.
const classNames = "L R AL EN ES ET AN CS NSM BN B S WS ON LRE LRO RLE RLO PDF LRI RLI FSI PDI"

// String returns the short alias of c as used by the Unicode Character
// Database, such as "AL" or "NSM".
func (c Class) String() string {
	if c >= numClasses {
		return fmt.Sprintf("Class(%d)", uint8(c))
	}
	start := 0
	for i := 0; i < len(classNames); i++ {
		if classNames[i] != ' ' {
			continue
		}
		if c == 0 {
			return classNames[start:i]
		}
		c--
		start = i + 1
	}
	return classNames[start:]
}

// ParseClass returns the Class whose short alias is name, such as "AL".
func ParseClass(name string) (Class, error) {
	for c := L; c < numClasses; c++ {
		if c.String() == name {
			return c, nil
		}
	}
	return 0, fmt.Errorf("bidi: unknown class %q", name)
}

// ClassOf returns the Bidi_Class of r from the tables of UnicodeVersion.
// Unassigned code points get their documented defaults (R or AL in blocks
// reserved for right-to-left scripts, BN for noncharacters and default
// ignorables); values outside the Unicode range get L.
func ClassOf(r rune) Class {
	c, _, _ := classRange(r)
	return c
}

// classRange returns the class of r and the range [lo, hi] of code points
// around r that share it, so that callers classifying text can skip the
// search while the text stays in one range, as letters of a script do.
func classRange(r rune) (c Class, lo, hi rune) {
	if r >= 0 && r < 0x100 {
		return Class(latin1Classes[r]), r, r
	}
	if r < 0 || r > 0x10FFFF {
		return L, r, r
	}
	// Find the last record whose first code point is <= r.
	first, last := 0, len(classRanges)/classRecordSize
	for last-first > 1 {
		mid := int(uint(first+last) >> 1)
		if recordRune(classRanges, mid*classRecordSize) <= r {
			first = mid
		} else {
			last = mid
		}
	}
	lo, hi = recordRune(classRanges, first*classRecordSize), 0x10FFFF
	if next := (first + 1) * classRecordSize; next < len(classRanges) {
		hi = recordRune(classRanges, next) - 1
	}
	return Class(classRanges[first*classRecordSize+3]), lo, hi
}

// Mirror returns the character whose glyph is the mirror image of the glyph
// of r (Bidi_Mirroring_Glyph), and whether there is one. Renderers replace
// a character by its mirror when its resolved level is odd (rule L4), so
// that "(" in right-to-left text is drawn as ")".
func Mirror(r rune) (rune, bool) {
	i, ok := findRecord(mirrorRecords, mirrorRecordSize, r)
	if !ok {
		return r, false
	}
	return recordRune(mirrorRecords, i+3), true
}

// bracketKind tells how a character takes part in bracket pairs (BD14, BD15).
type bracketKind uint8

const (
	notBracket bracketKind = iota
	openBracket
	closeBracket
)

// bracketOf returns whether r is a paired bracket and, if so, the identity
// of its pair: the canonical opening bracket, equal for both members of a
// pair and across canonical equivalents such as U+2329 and U+3008.
func bracketOf(r rune) (bracketKind, rune) {
	i, ok := findRecord(bracketRecords, bracketRecordSize, r)
	if !ok {
		return notBracket, 0
	}
	id := recordRune(bracketRecords, i+3)
	if bracketRecords[i+6] == 1 {
		return openBracket, id
	}
	return closeBracket, id
}

// findRecord binary-searches a table of fixed-size records that start with
// a 3-byte code point and returns the offset of the record for r.
func findRecord(table string, size int, r rune) (int, bool) {
	lo, hi := 0, len(table)/size
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch k := recordRune(table, mid*size); {
		case k == r:
			return mid * size, true
		case k < r:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return 0, false
}

// recordRune decodes the 3-byte big-endian code point at offset off.
func recordRune(table string, off int) rune {
	return rune(table[off])<<16 | rune(table[off+1])<<8 | rune(table[off+2])
}
