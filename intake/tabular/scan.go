package tabular

import "strings"

// scanner splits CSV text into records following RFC 4180, tolerantly:
// lines may end in CRLF, LF or a lone CR (old Mac exports), and a quote
// that is never closed is read as plain text up to the end of its line
// instead of swallowing the rest of the file.
//
// Cells are substrings of the text wherever possible, so reading costs one
// slice per record rather than one string per cell.
type scanner struct {
	s     string
	pos   int
	line  int // physical line of pos, from 1
	delim byte
	width int // expected cells per record, to size the slice
}

// record is one CSV record and where it starts in the file.
type record struct {
	cells    []string
	line     int  // physical line of the record's first character
	repaired bool // a quote was malformed and read as text
}

func newScanner(s string, delim byte) *scanner {
	return &scanner{s: s, line: 1, delim: delim}
}

// next returns the next record, skipping empty lines, or false at the end.
func (sc *scanner) next() (record, bool) {
	for sc.pos < len(sc.s) && isLineEnd(sc.s[sc.pos]) {
		sc.endLine()
	}
	if sc.pos >= len(sc.s) {
		return record{}, false
	}
	rec := record{line: sc.line, cells: make([]string, 0, sc.width)}
	for {
		var cell string
		if sc.pos < len(sc.s) && sc.s[sc.pos] == '"' {
			var ok bool
			cell, ok = sc.quoted()
			rec.repaired = rec.repaired || !ok
		} else {
			cell = sc.unquoted()
		}
		rec.cells = append(rec.cells, cell)
		if sc.pos < len(sc.s) && sc.s[sc.pos] == sc.delim {
			sc.pos++
			continue
		}
		sc.endLine()
		return rec, true
	}
}

// unquoted reads a cell up to the next delimiter or line end. A quote
// inside it is kept as a character, as spreadsheets do.
func (sc *scanner) unquoted() string {
	start := sc.pos
	for sc.pos < len(sc.s) {
		c := sc.s[sc.pos]
		if c == sc.delim || isLineEnd(c) {
			break
		}
		sc.pos++
	}
	return sc.s[start:sc.pos]
}

// quoted reads a cell that starts with a quote. It reports false when the
// cell was malformed: text after the closing quote (kept, appended) or no
// closing quote at all (the cell is then read as unquoted text, opening
// quote included, so that the following lines stay records of their own).
func (sc *scanner) quoted() (string, bool) {
	start := sc.pos
	seg := start + 1
	var buf []byte // used only when the cell holds escaped quotes
	for i := seg; ; {
		j := strings.IndexByte(sc.s[i:], '"')
		if j < 0 {
			return sc.unquoted(), false
		}
		j += i
		if j+1 < len(sc.s) && sc.s[j+1] == '"' {
			buf = append(buf, sc.s[seg:j+1]...)
			i, seg = j+2, j+2
			continue
		}
		cell := sc.s[seg:j]
		if buf != nil {
			cell = string(append(buf, cell...))
		}
		sc.line += countLines(sc.s[start:j])
		sc.pos = j + 1
		if strings.Contains(cell, "\r\n") {
			cell = strings.ReplaceAll(cell, "\r\n", "\n")
		}
		if sc.pos < len(sc.s) && sc.s[sc.pos] != sc.delim && !isLineEnd(sc.s[sc.pos]) {
			return cell + sc.unquoted(), false
		}
		return cell, true
	}
}

// endLine consumes one line ending (CRLF, LF or CR), if any.
func (sc *scanner) endLine() {
	if sc.pos >= len(sc.s) {
		return
	}
	if sc.s[sc.pos] == '\r' {
		sc.pos++
		if sc.pos < len(sc.s) && sc.s[sc.pos] == '\n' {
			sc.pos++
		}
	} else if sc.s[sc.pos] == '\n' {
		sc.pos++
	}
	sc.line++
}

func isLineEnd(c byte) bool { return c == '\n' || c == '\r' }

// countLines counts line endings the way endLine consumes them.
func countLines(s string) int {
	return strings.Count(s, "\n") + strings.Count(s, "\r") - strings.Count(s, "\r\n")
}

// detectDelimiter picks the delimiter of the header line: the most
// frequent of semicolon (Excel with Swiss and French settings), tab and
// comma, counted outside quotes. A header of one column gives a comma.
func detectDelimiter(s string) byte {
	counts := map[byte]int{}
	inQuote := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case isLineEnd(c):
			return mostFrequent(counts)
		case c == ';' || c == ',' || c == '\t':
			counts[c]++
		}
	}
	return mostFrequent(counts)
}

func mostFrequent(counts map[byte]int) byte {
	// Ties go to the semicolon: a comma also occurs in header text.
	best, n := byte(','), 0
	for _, c := range []byte{';', '\t', ','} {
		if counts[c] > n {
			best, n = c, counts[c]
		}
	}
	return best
}

// cutSepLine handles Excel's "sep=;" first line, which names the delimiter.
func cutSepLine(s string) (rest string, delim byte, ok bool) {
	if len(s) < 5 || !strings.EqualFold(s[:4], "sep=") {
		return s, 0, false
	}
	d := s[4]
	if d != ';' && d != ',' && d != '\t' && d != '|' {
		return s, 0, false
	}
	rest = s[5:]
	if rest != "" && !isLineEnd(rest[0]) {
		return s, 0, false
	}
	return rest, d, true
}
