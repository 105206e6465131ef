package tabular

import (
	"errors"
	"fmt"
)

// Message IDs of import-level problems and errors. The user interface
// translates them; row problems use them as [intake.Problem] IDs, errors
// through [Kind.MessageID].
const (
	// MsgColumns: a row has another number of cells than the header.
	// Args: "Expected", "Got".
	MsgColumns = "import.error.columns"
	// MsgEncoding: the file is neither UTF-8 nor Windows-1252 text.
	MsgEncoding = "import.error.encoding"
	// MsgEmpty: the file holds no header or no row.
	MsgEmpty = "import.error.empty"
	// MsgNoHeader: the first line has no column name at all.
	MsgNoHeader = "import.error.no_header"
	// MsgTooManyRows: the file has more rows than an import allows.
	MsgTooManyRows = "import.error.too_many_rows"
	// MsgMissingColumn: a required column was not found; the preview
	// shows it for each field in [Result.Missing].
	MsgMissingColumn = "import.error.missing_column"
	// MsgQuote: a quoted cell was not closed properly and was read as
	// plain text; the row needs a look.
	MsgQuote = "import.error.quote"
	// MsgYesNo: a yes/no cell holds something else. Args: "Value".
	MsgYesNo = "import.error.yes_no"
	// MsgFormat: the file is a spreadsheet workbook, not CSV text.
	MsgFormat = "import.error.format"
	// MsgTooLarge: the file is larger than an import allows.
	MsgTooLarge = "import.error.too_large"
	// MsgField: a column was mapped to a field that cannot be imported,
	// or an export asked for an unknown field.
	MsgField = "import.error.field"
	// MsgRead: the file could not be read (disk or network failure).
	MsgRead = "import.error.read"
	// MsgWrite: an export could not be written.
	MsgWrite = "export.error.write"
)

// Kind classifies errors so that callers can tell them apart with
// [errors.Is] and show a translated message.
type Kind int

// Kinds of error.
const (
	ErrOther Kind = iota
	ErrRead
	ErrEncoding
	ErrFormat
	ErrEmpty
	ErrNoHeader
	ErrTooManyRows
	ErrTooLarge
	ErrField
	ErrWrite
)

var kindInfo = [...]struct{ text, id string }{
	ErrOther:       {"error", MsgRead},
	ErrRead:        {"read failed", MsgRead},
	ErrEncoding:    {"unsupported encoding", MsgEncoding},
	ErrFormat:      {"not a CSV file", MsgFormat},
	ErrEmpty:       {"empty file", MsgEmpty},
	ErrNoHeader:    {"no header", MsgNoHeader},
	ErrTooManyRows: {"too many rows", MsgTooManyRows},
	ErrTooLarge:    {"file too large", MsgTooLarge},
	ErrField:       {"unsupported field", MsgField},
	ErrWrite:       {"write failed", MsgWrite},
}

// Error makes a Kind usable as an errors.Is target.
func (k Kind) Error() string {
	if k < 0 || int(k) >= len(kindInfo) {
		return kindInfo[ErrOther].text
	}
	return kindInfo[k].text
}

// MessageID returns the catalog message ID the user interface shows for k.
func (k Kind) MessageID() string {
	if k < 0 || int(k) >= len(kindInfo) {
		return kindInfo[ErrOther].id
	}
	return kindInfo[k].id
}

// Error is an import or export failure: what went wrong (Kind), during which
// operation (Op, such as "read" or "write csv") and the underlying cause.
type Error struct {
	Kind Kind
	Op   string
	Err  error
}

func (e *Error) Error() string {
	msg := "tabular: " + e.Op + ": " + e.Kind.Error()
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is e's Kind, so errors.Is(err, ErrEncoding)
// works through any wrapping.
func (e *Error) Is(target error) bool {
	k, ok := target.(Kind)
	return ok && k == e.Kind
}

func newError(op string, k Kind, format string, args ...any) *Error {
	return &Error{Op: op, Kind: k, Err: fmt.Errorf(format, args...)}
}

// KindOf returns the Kind of err, or ErrOther when err is not an *Error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ErrOther
}

// MessageIDs returns every message ID this package puts in problems or
// errors, for the catalogs' completeness tests.
func MessageIDs() []string {
	return []string{
		MsgColumns, MsgEncoding, MsgEmpty, MsgNoHeader, MsgTooManyRows, MsgMissingColumn,
		MsgQuote, MsgYesNo, MsgFormat, MsgTooLarge, MsgField, MsgRead, MsgWrite,
	}
}
