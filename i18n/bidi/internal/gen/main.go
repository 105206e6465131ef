// Command gen writes the Unicode property tables of package bidi.
//
// It reads the Unicode Character Database (Debian package unicode-data
// installs it under /usr/share/unicode) and writes tables.go, so that the
// package needs no data files at run time and its tables match the version
// of the conformance files it is tested against. Run it through
// "go generate" in the bidi package directory:
//
//	go run ./internal/gen -ucd /usr/share/unicode -o tables.go
//
// Files read: extracted/DerivedBidiClass.txt (Bidi_Class, including the
// defaults of unassigned code points given by its @missing lines),
// BidiBrackets.txt, BidiMirroring.txt and UnicodeData.txt (canonical
// singleton decompositions, which make U+2329 and U+3008 the same bracket).
//
// Every table is written as a string constant of fixed-width big-endian
// records: strings cannot be changed at run time, and the encoding keeps the
// generated file small.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// classNames lists the Bidi_Class short names in the order of the Class
// constants of package bidi; the generated file checks that order at
// compile time.
var classNames = []string{
	"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON",
	"LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI",
}

// longClassNames maps the long property value aliases used by @missing lines
// to the short names.
var longClassNames = map[string]string{
	"Left_To_Right": "L", "Right_To_Left": "R", "Arabic_Letter": "AL",
	"European_Number": "EN", "European_Separator": "ES", "European_Terminator": "ET",
	"Arabic_Number": "AN", "Common_Separator": "CS", "Nonspacing_Mark": "NSM",
	"Boundary_Neutral": "BN", "Paragraph_Separator": "B", "Segment_Separator": "S",
	"White_Space": "WS", "Other_Neutral": "ON", "Left_To_Right_Embedding": "LRE",
	"Left_To_Right_Override": "LRO", "Right_To_Left_Embedding": "RLE",
	"Right_To_Left_Override": "RLO", "Pop_Directional_Format": "PDF",
	"Left_To_Right_Isolate": "LRI", "Right_To_Left_Isolate": "RLI",
	"First_Strong_Isolate": "FSI", "Pop_Directional_Isolate": "PDI",
}

const maxRune = 0x10FFFF

func main() {
	ucd := flag.String("ucd", "/usr/share/unicode", "directory of the Unicode Character Database")
	out := flag.String("o", "tables.go", "output file")
	flag.Parse()
	if err := run(*ucd, *out); err != nil {
		log.Fatal(err)
	}
}

// tables holds everything parsed from the database.
type tables struct {
	version  string
	classes  []byte // Bidi_Class index per code point
	brackets []bracket
	mirrors  [][2]rune
}

type bracket struct {
	r      rune
	id     rune // canonical opening bracket of the pair
	opener bool
}

func run(ucd, out string) error {
	var t tables
	var err error
	if t.classes, t.version, err = readClasses(filepath.Join(ucd, "extracted", "DerivedBidiClass.txt")); err != nil {
		return err
	}
	canon, err := readCanonicalSingletons(filepath.Join(ucd, "UnicodeData.txt"))
	if err != nil {
		return err
	}
	if t.brackets, err = readBrackets(filepath.Join(ucd, "BidiBrackets.txt"), canon); err != nil {
		return err
	}
	if t.mirrors, err = readMirrors(filepath.Join(ucd, "BidiMirroring.txt")); err != nil {
		return err
	}
	src, err := format.Source(t.generate())
	if err != nil {
		return fmt.Errorf("formatting generated code: %w", err)
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return fmt.Errorf("writing tables: %w", err)
	}
	return nil
}

var versionRE = regexp.MustCompile(`-(\d+\.\d+\.\d+)\.txt`)

// eachLine calls fn with the fields of every data line of a UCD file (comments
// stripped, fields trimmed) and with every comment line. It returns the
// Unicode version named in the file's first line.
func eachLine(path string, fn func(fields []string, comment string) error) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("reading Unicode data (install the Debian package unicode-data): %w", err)
	}
	defer f.Close()
	version := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 {
			if m := versionRE.FindStringSubmatch(line); m != nil {
				version = m[1]
			}
		}
		var comment string
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line, comment = line[:i], line[i+1:]
		}
		var fields []string
		if strings.TrimSpace(line) != "" {
			for _, f := range strings.Split(line, ";") {
				fields = append(fields, strings.TrimSpace(f))
			}
		}
		if err := fn(fields, comment); err != nil {
			return "", fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("reading %s: %w", path, err)
	}
	return version, nil
}

// parseRange parses "0041" or "0041..005A".
func parseRange(s string) (lo, hi rune, err error) {
	a, b, found := strings.Cut(s, "..")
	if !found {
		b = a
	}
	l, err := strconv.ParseUint(a, 16, 32)
	if err != nil {
		return 0, 0, fmt.Errorf("code point %q: %w", a, err)
	}
	h, err := strconv.ParseUint(b, 16, 32)
	if err != nil {
		return 0, 0, fmt.Errorf("code point %q: %w", b, err)
	}
	if l > h || h > maxRune {
		return 0, 0, fmt.Errorf("bad range %q", s)
	}
	return rune(l), rune(h), nil
}

func classIndex(name string) (byte, error) {
	if long, ok := longClassNames[name]; ok {
		name = long
	}
	for i, n := range classNames {
		if n == name {
			return byte(i), nil
		}
	}
	return 0, fmt.Errorf("unknown Bidi_Class %q", name)
}

// readClasses reads DerivedBidiClass.txt. The @missing lines come first in
// the file, so applying every line in order gives the defaults for
// unassigned code points and then the assigned values.
func readClasses(path string) ([]byte, string, error) {
	classes := make([]byte, maxRune+1)
	set := func(rng, name string) error {
		lo, hi, err := parseRange(rng)
		if err != nil {
			return err
		}
		c, err := classIndex(name)
		if err != nil {
			return err
		}
		for r := lo; r <= hi; r++ {
			classes[r] = c
		}
		return nil
	}
	version, err := eachLine(path, func(fields []string, comment string) error {
		if len(fields) == 0 {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(comment), "@missing:"); ok {
				rng, name, _ := strings.Cut(rest, ";")
				return set(strings.TrimSpace(rng), strings.TrimSpace(name))
			}
			return nil
		}
		if len(fields) < 2 {
			return errors.New("want two fields")
		}
		return set(fields[0], fields[1])
	})
	return classes, version, err
}

// readCanonicalSingletons returns the characters whose canonical
// decomposition is a single other character, mapped to that character.
func readCanonicalSingletons(path string) (map[rune]rune, error) {
	m := map[rune]rune{}
	_, err := eachLine(path, func(fields []string, _ string) error {
		if len(fields) < 6 || fields[5] == "" || strings.HasPrefix(fields[5], "<") || strings.Contains(fields[5], " ") {
			return nil
		}
		r, _, err := parseRange(fields[0])
		if err != nil {
			return err
		}
		d, _, err := parseRange(fields[5])
		if err != nil {
			return err
		}
		m[r] = d
		return nil
	})
	return m, err
}

func readBrackets(path string, canon map[rune]rune) ([]bracket, error) {
	canonical := func(r rune) rune {
		if d, ok := canon[r]; ok {
			return d
		}
		return r
	}
	var out []bracket
	_, err := eachLine(path, func(fields []string, _ string) error {
		if len(fields) == 0 {
			return nil
		}
		if len(fields) < 3 {
			return errors.New("want three fields")
		}
		r, _, err := parseRange(fields[0])
		if err != nil {
			return err
		}
		pair, _, err := parseRange(fields[1])
		if err != nil {
			return err
		}
		switch fields[2] {
		case "o":
			out = append(out, bracket{r: r, id: canonical(r), opener: true})
		case "c":
			out = append(out, bracket{r: r, id: canonical(pair)})
		default:
			return fmt.Errorf("bad bracket type %q", fields[2])
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].r < out[j].r })
	return out, err
}

func readMirrors(path string) ([][2]rune, error) {
	var out [][2]rune
	_, err := eachLine(path, func(fields []string, _ string) error {
		if len(fields) == 0 {
			return nil
		}
		if len(fields) < 2 {
			return errors.New("want two fields")
		}
		r, _, err := parseRange(fields[0])
		if err != nil {
			return err
		}
		m, _, err := parseRange(fields[1])
		if err != nil {
			return err
		}
		out = append(out, [2]rune{r, m})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out, err
}

// generate writes the Go source of tables.go.
func (t *tables) generate() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/gen from the Unicode Character Database %s. DO NOT EDIT.\n\n", t.version)
	b.WriteString("package bidi\n\n")
	fmt.Fprintf(&b, "// UnicodeVersion is the version of the Unicode Character Database the\n// property tables of this package were generated from.\nconst UnicodeVersion = %q\n\n", t.version)

	b.WriteString("// latin1Classes holds the Bidi_Class of U+0000..U+00FF, one byte each,\n// so that the most common characters need no search.\n")
	writeString(&b, "latin1Classes", t.classes[:256], 32)

	var ranges []byte
	n := 0
	for r := 0; r <= maxRune; r++ {
		if r == 0 || t.classes[r] != t.classes[r-1] {
			ranges = append(ranges, byte(r>>16), byte(r>>8), byte(r), t.classes[r])
			n++
		}
	}
	fmt.Fprintf(&b, "// classRanges holds %d records of %d bytes: the first code point of a range\n// (3 bytes, big-endian) and its Bidi_Class. A range ends where the next\n// record starts; the last one ends at U+10FFFF.\n", n, classRecordSize)
	writeString(&b, "classRanges", ranges, 8*classRecordSize)

	var brackets []byte
	for _, br := range t.brackets {
		typ := byte(0)
		if br.opener {
			typ = 1
		}
		brackets = append(brackets, byte(br.r>>16), byte(br.r>>8), byte(br.r),
			byte(br.id>>16), byte(br.id>>8), byte(br.id), typ)
	}
	fmt.Fprintf(&b, "// bracketRecords holds %d records of %d bytes, sorted by code point: the\n// bracket (3 bytes, big-endian), the canonical opening bracket of its pair\n// (3 bytes; equal for the two brackets of a pair, also across canonical\n// equivalents), and 1 for an opening or 0 for a closing bracket.\n", len(t.brackets), bracketRecordSize)
	writeString(&b, "bracketRecords", brackets, 4*bracketRecordSize)

	var mirrors []byte
	for _, m := range t.mirrors {
		mirrors = append(mirrors, byte(m[0]>>16), byte(m[0]>>8), byte(m[0]), byte(m[1]>>16), byte(m[1]>>8), byte(m[1]))
	}
	fmt.Fprintf(&b, "// mirrorRecords holds %d records of %d bytes, sorted by code point: a\n// character and its Bidi_Mirroring_Glyph, 3 bytes each, big-endian.\n", len(t.mirrors), mirrorRecordSize)
	writeString(&b, "mirrorRecords", mirrors, 5*mirrorRecordSize)

	b.WriteString("// Record sizes of the tables above.\nconst (\n")
	fmt.Fprintf(&b, "\tclassRecordSize = %d\n\tbracketRecordSize = %d\n\tmirrorRecordSize = %d\n)\n\n", classRecordSize, bracketRecordSize, mirrorRecordSize)

	b.WriteString("// The tables encode classes by the values of the Class constants; this\n// function fails to compile if the constants change.\nfunc _() {\n\tvar x [1]struct{}\n")
	for i, name := range classNames {
		fmt.Fprintf(&b, "\t_ = x[%s-%d]\n", name, i)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

const (
	classRecordSize   = 4
	bracketRecordSize = 7
	mirrorRecordSize  = 6
)

// writeString writes a string constant of data as concatenated literals of
// perLine bytes each.
func writeString(b *bytes.Buffer, name string, data []byte, perLine int) {
	fmt.Fprintf(b, "const %s = \"\" +\n", name)
	for i := 0; i < len(data); i += perLine {
		end := min(i+perLine, len(data))
		b.WriteString("\t\"")
		for _, c := range data[i:end] {
			fmt.Fprintf(b, "\\x%02x", c)
		}
		b.WriteString("\"")
		if end < len(data) {
			b.WriteString(" +")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}
