package tabular

import (
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"accueil/intake"
)

// DefaultMaxRows bounds the rows of one import when Options.MaxRows is 0.
// Valais receives a few hundred persons a month; a list of 200,000 rows is
// already far beyond any real one.
const DefaultMaxRows = 200_000

// progressEvery is how many rows pass between two progress reports: often
// enough for a progress bar, rarely enough to cost nothing.
const progressEvery = 1000

// minRowBytes is a lower bound on the length of a real row (a name and the
// delimiters of a dozen columns), for sizing the rows slice.
const minRowBytes = 32

// maxCellBytes bounds a cell read into a person. The longest field allowed
// (intake.MaxTextLen characters) fits in it in any script; a longer cell is
// reported as too long without being copied into the person.
const maxCellBytes = 4 * intake.MaxTextLen

// Options tunes Read.
type Options struct {
	// Mapping maps header texts, as they appear in the file, to fields,
	// for headers the importer does not know; staff set it in the
	// preview. It wins over the built-in header names, and the empty
	// field means "ignore this column". Matching ignores case and
	// accents like the built-in names.
	Mapping map[string]intake.Field
	// Today is the desk's date, for validation. The zero date means
	// the system clock's date.
	Today intake.Date
	// Progress, if set, is called with the number of rows read every
	// 1000 rows and once at the end, in the caller's goroutine.
	Progress func(done int)
	// MaxRows bounds the rows of the file; 0 means DefaultMaxRows. A
	// longer file is refused with ErrTooManyRows.
	MaxRows int
}

// Row is one record of the file and the person read from it.
type Row struct {
	// Line is the row's number, counting from 1 after the header; empty
	// lines are not rows.
	Line int
	// FileLine is the physical line of the file where the row starts,
	// for finding it in a text editor.
	FileLine int
	// Person is what the row describes, with Status
	// intake.StatusExpected unless the file says otherwise.
	Person intake.Person
	// Problems are the row's parse and validation problems, sorted by
	// field (row-level problems such as MsgColumns have no field and
	// come first). A row with problems should not be imported as is.
	Problems []intake.Problem
	// Raw holds the row's cells as in the file. A cell longer than
	// an import accepts is cut short and ends with "…".
	Raw []string
}

// Result is everything the import preview shows.
type Result struct {
	Encoding  string // EncodingUTF8 or EncodingWindows1252
	Delimiter rune   // ';', ',', '\t' (or '|' when a "sep=" line says so)
	Headers   []string
	// Columns maps column indexes to the fields they fill.
	Columns map[int]intake.Field
	// Unmapped lists the non-empty headers that fill no field, in file
	// order, so that staff can map them.
	Unmapped []string
	Rows     []Row
	// Missing lists required fields without a column: at least a
	// surname column (surname or surname_original) is needed. The
	// preview shows MsgMissingColumn for each.
	Missing []intake.Field
}

// Read parses a CSV attribution list. It returns an error only when the
// file as a whole cannot be read (see Kind); a bad row is returned with its
// problems and the rest of the file is read on.
func Read(r io.Reader, opts Options) (*Result, error) {
	text, enc, err := readText(r)
	if err != nil {
		return nil, err
	}
	text, delim, ok := cutSepLine(text)
	if !ok {
		delim = detectDelimiter(strings.TrimLeft(text, "\r\n"))
	}
	sc := newScanner(text, delim)
	res, err := readHeader(sc, opts.Mapping)
	if err != nil {
		return nil, err
	}
	res.Encoding, res.Delimiter = enc, rune(delim)
	if err := readRows(sc, res, text, opts); err != nil {
		return nil, err
	}
	return res, nil
}

// readHeader reads the first non-blank record and matches its cells.
func readHeader(sc *scanner, mapping map[string]intake.Field) (*Result, error) {
	head, ok := nextNonBlank(sc)
	if !ok {
		return nil, newError("read", ErrEmpty, "no header line")
	}
	shortenRaw(head.cells)
	headers := make([]string, len(head.cells))
	for i, h := range head.cells {
		headers[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	}
	cm, err := mapColumns(headers, mapping)
	if err != nil {
		return nil, err
	}
	if len(cm.byIndex) == 0 && looksLikeData(headers) {
		// The line may be a person's data: keep it out of the error,
		// which may end up in a log.
		return nil, newError("read", ErrNoHeader, "first line holds no column name")
	}
	sc.width = len(headers)
	return &Result{Headers: headers, Columns: cm.byIndex, Unmapped: cm.unmapped, Missing: cm.missing}, nil
}

// looksLikeData reports whether a first line with no known column name is
// a data row rather than unknown headers: dates and N numbers hold runs of
// three digits or more, column names ("Column1") do not. Unknown headers
// are left for staff to map.
func looksLikeData(headers []string) bool {
	for _, h := range headers {
		run := 0
		for i := 0; i < len(h); i++ {
			if h[i] < '0' || h[i] > '9' {
				run = 0
			} else if run++; run >= 3 {
				return true
			}
		}
	}
	return false
}

func readRows(sc *scanner, res *Result, text string, opts Options) error {
	limit := opts.MaxRows
	if limit <= 0 {
		limit = DefaultMaxRows
	}
	today := opts.Today
	if today.IsZero() {
		today = intake.DateOf(time.Now())
	}
	cols := sortedColumns(res.Columns)
	// Rows are large: size the slice once from the number of lines, but
	// no larger than a row per minRowBytes of text, so that a file of
	// blank lines does not reserve memory for rows it does not have.
	res.Rows = make([]Row, 0, min(strings.Count(text, "\n")+1, limit, len(text)/minRowBytes+1))
	n := 0
	for rec, ok := nextNonBlank(sc); ok; rec, ok = nextNonBlank(sc) {
		n++
		if n > limit {
			return newError("read", ErrTooManyRows, "more than %d rows", limit)
		}
		// Parse in place: a Row is large, and copying it shows in profiles.
		res.Rows = append(res.Rows, Row{})
		parseRow(&res.Rows[n-1], n, rec, len(res.Headers), cols, today)
		if opts.Progress != nil && n%progressEvery == 0 {
			opts.Progress(n)
		}
	}
	if n == 0 {
		return newError("read", ErrEmpty, "no row after the header")
	}
	if opts.Progress != nil && n%progressEvery != 0 {
		opts.Progress(n)
	}
	return nil
}

// nextNonBlank skips records whose cells are all blank: empty lines and
// the ";;;;" lines spreadsheets write for empty rows.
func nextNonBlank(sc *scanner) (record, bool) {
	for {
		rec, ok := sc.next()
		if !ok || !blank(rec.cells) {
			return rec, ok
		}
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// column is one mapped column, in file order.
type column struct {
	index int
	field intake.Field
	set   setter
}

func sortedColumns(m map[int]intake.Field) []column {
	cols := make([]column, 0, len(m))
	for i, f := range m {
		cols = append(cols, column{index: i, field: f, set: setters[f]})
	}
	slices.SortFunc(cols, func(a, b column) int { return a.index - b.index })
	return cols
}

// parseRow fills row with the person of one record and its problems.
func parseRow(row *Row, n int, rec record, width int, cols []column, today intake.Date) {
	row.Line, row.FileLine, row.Raw = n, rec.line, rec.cells
	row.Person.Status = intake.StatusExpected
	var ps []intake.Problem
	if rec.repaired {
		ps = append(ps, intake.Problem{ID: MsgQuote})
	}
	if got := len(rec.cells); got != width && (got < width || !blank(rec.cells[width:])) {
		// Extra empty cells are tolerated: spreadsheets add them.
		ps = append(ps, intake.Problem{ID: MsgColumns, Args: map[string]any{"Expected": width, "Got": got}})
	}
	for _, c := range cols {
		if c.index >= len(rec.cells) {
			continue
		}
		v := rec.cells[c.index]
		if len(v) > maxCellBytes {
			ps = append(ps, intake.Problem{Field: c.field, ID: intake.MsgTooLong, Args: map[string]any{"Max": maxLen(c.field)}})
			continue
		}
		if p := c.set(&row.Person, unescapeFormula(strings.TrimSpace(v))); p != nil {
			ps = append(ps, *p)
		}
	}
	shortenRaw(row.Raw)
	row.Problems = mergeProblems(ps, row.Person.Validate(today))
}

// mergeProblems adds validation problems to parse problems, leaving out
// those on a field that already failed to parse ("required" after "too
// long" says nothing new), sorted by field.
func mergeProblems(parsed, validated []intake.Problem) []intake.Problem {
	out := parsed
	for _, v := range validated {
		if !slices.ContainsFunc(parsed, func(p intake.Problem) bool { return p.Field == v.Field }) {
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, func(a, b intake.Problem) int { return strings.Compare(string(a.Field), string(b.Field)) })
	return out
}

// shortenRaw cuts cells that are too long to show, so that a 10 MB cell
// does not travel through the preview.
func shortenRaw(cells []string) {
	for i, c := range cells {
		if len(c) > maxCellBytes {
			cut := maxCellBytes
			for cut > 0 && !utf8.RuneStart(c[cut]) {
				cut--
			}
			cells[i] = strings.Clone(c[:cut]) + "…"
		}
	}
}
