package tabular

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encodings reported in [Result.Encoding].
const (
	EncodingUTF8        = "utf-8"
	EncodingWindows1252 = "windows-1252"
)

// maxInputBytes bounds what Read loads into memory. The largest attribution
// lists are a few megabytes; a gigabyte file is a mistake, not a list.
const maxInputBytes = 512 << 20

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	sigZIP     = []byte("PK\x03\x04")           // .xlsx, .ods
	sigOLE     = []byte{0xD0, 0xCF, 0x11, 0xE0} // .xls
)

// sniffLen is how much of the start of a file is searched for NUL bytes:
// enough to see the header and the first rows.
const sniffLen = 8 << 10

// readText loads the file and returns it as UTF-8 text with the name of the
// encoding it was in. UTF-8 (with or without a byte order mark) is taken as
// is; anything else that is not valid UTF-8 is Windows-1252, the encoding
// Excel on Swiss Windows writes when asked for plain "CSV".
func readText(r io.Reader) (string, string, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInputBytes+1))
	if err != nil {
		return "", "", &Error{Op: "read", Kind: ErrRead, Err: err}
	}
	if len(data) > maxInputBytes {
		return "", "", newError("read", ErrTooLarge, "more than %d bytes", maxInputBytes)
	}
	if err := sniff(data); err != nil {
		return "", "", err
	}
	if rest, ok := bytes.CutPrefix(data, bomUTF8); ok {
		// A byte order mark says UTF-8: keep any invalid byte as it is
		// so that validation flags the cell instead of guessing.
		return string(rest), EncodingUTF8, nil
	}
	if utf8.Valid(data) {
		return string(data), EncodingUTF8, nil
	}
	text, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", &Error{Op: "read", Kind: ErrEncoding, Err: fmt.Errorf("decode windows-1252: %w", err)}
	}
	return string(text), EncodingWindows1252, nil
}

// sniff refuses what is certainly not CSV text in a supported encoding, so
// that staff get "save as CSV UTF-8" instead of a preview full of garbage.
func sniff(data []byte) error {
	switch {
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		// Excel's "Unicode text" export is UTF-16 (and tab separated).
		return newError("read", ErrEncoding, "UTF-16 text; save the file as CSV UTF-8")
	case bytes.HasPrefix(data, sigZIP), bytes.HasPrefix(data, sigOLE):
		return newError("read", ErrFormat, "spreadsheet workbook; save the sheet as CSV")
	case bytes.IndexByte(data[:min(len(data), sniffLen)], 0) >= 0:
		// NUL never occurs in CSV text but fills UTF-16 and UTF-32
		// files written without a byte order mark.
		return newError("read", ErrEncoding, "NUL bytes: UTF-16, UTF-32 or binary data")
	}
	return nil
}
