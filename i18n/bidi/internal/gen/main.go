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

// classOrder lists the Bidi_Class short names in the order of the Class
// constants of package bidi; the generated file checks that order at
// compile time.
const classOrder = "L R AL EN ES ET AN CS NSM BN B S WS ON LRE LRO RLE RLO PDF LRI RLI FSI PDI"

// longClassNames lists the long property value aliases, which @missing
// lines use, in the same order as classOrder.
const longClassNames = "Left_To_Right Right_To_Left Arabic_Letter European_Number " +
	"European_Separator European_Terminator Arabic_Number Common_Separator " +
	"Nonspacing_Mark Boundary_Neutral Paragraph_Separator Segment_Separator " +
	"White_Space Other_Neutral Left_To_Right_Embedding Left_To_Right_Override " +
	"Right_To_Left_Embedding Right_To_Left_Override Pop_Directional_Format " +
	"Left_To_Right_Isolate Right_To_Left_Isolate First_Strong_Isolate " +
	"Pop_Directional_Isolate"

// maxRune is the largest Unicode code point.
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

// bracket is a paired bracket (BidiBrackets.txt).
type bracket struct {
	r      rune
	id     rune // canonical opening bracket of the pair
	opener bool
}

// run reads the database in directory ucd and writes the tables to out.
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
	var bracketsVersion, mirrorsVersion string
	if t.brackets, bracketsVersion, err = readBrackets(filepath.Join(ucd, "BidiBrackets.txt"), canon); err != nil {
		return err
	}
	if t.mirrors, mirrorsVersion, err = readMirrors(filepath.Join(ucd, "BidiMirroring.txt")); err != nil {
		return err
	}
	// Tables from different versions would disagree with the
	// conformance files in ways that are hard to trace.
	if t.version == "" || bracketsVersion != t.version || mirrorsVersion != t.version {
		return fmt.Errorf("mixed or unknown Unicode versions in %s: classes %q, brackets %q, mirrors %q",
			ucd, t.version, bracketsVersion, mirrorsVersion)
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

// eachLine calls fn for every line of a UCD file with the line's fields
// (trimmed; none for a line without data) and its comment. It returns the
// Unicode version named in the file's first line, or "" if there is none.
func eachLine(path string, fn func(fields []string, comment string) error) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("reading Unicode data (install the Debian package unicode-data): %w", err)
	}
	defer f.Close()
	versionRE := regexp.MustCompile(`-(\d+\.\d+\.\d+)\.txt`)
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

// classIndices maps short and long Bidi_Class names to class numbers.
func classIndices() map[string]byte {
	m := map[string]byte{}
	for i, name := range strings.Fields(classOrder) {
		m[name] = byte(i)
	}
	for i, name := range strings.Fields(longClassNames) {
		m[name] = byte(i)
	}
	return m
}

// readClasses reads DerivedBidiClass.txt. The @missing lines come first in
// the file, so applying every line in order gives the defaults for
// unassigned code points and then the assigned values.
func readClasses(path string) ([]byte, string, error) {
	classes := make([]byte, maxRune+1)
	indices := classIndices()
	set := func(rng, name string) error {
		lo, hi, err := parseRange(rng)
		if err != nil {
			return err
		}
		c, ok := indices[name]
		if !ok {
			return fmt.Errorf("unknown Bidi_Class %q", name)
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

// readBrackets reads BidiBrackets.txt; canon maps characters to their
// canonical singleton decompositions.
func readBrackets(path string, canon map[rune]rune) ([]bracket, string, error) {
	canonical := func(r rune) rune {
		if d, ok := canon[r]; ok {
			return d
		}
		return r
	}
	var out []bracket
	version, err := eachLine(path, func(fields []string, _ string) error {
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
	return out, version, err
}

// readMirrors reads the pairs of BidiMirroring.txt.
func readMirrors(path string) ([][2]rune, string, error) {
	var out [][2]rune
	version, err := eachLine(path, func(fields []string, _ string) error {
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
	return out, version, err
}

// generate writes the Go source of tables.go.
func (t *tables) generate() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/gen from the Unicode Character Database %s. DO NOT EDIT.\n\n", t.version)
	b.WriteString("package bidi\n\n")
	fmt.Fprintf(&b, "// UnicodeVersion is the version of the Unicode Character Database the\n"+
		"// property tables of this package were generated from.\nconst UnicodeVersion = %q\n\n", t.version)
	t.writeClasses(&b)
	t.writeBrackets(&b)
	t.writeMirrors(&b)
	fmt.Fprintf(&b, "// Record sizes of the tables above.\nconst (\n"+
		"\tclassRecordSize = %d\n\tbracketRecordSize = %d\n\tmirrorRecordSize = %d\n)\n\n",
		classRecordSize, bracketRecordSize, mirrorRecordSize)
	writeClassCheck(&b)
	return b.Bytes()
}

// writeClasses writes the Latin-1 class table and the class range table.
func (t *tables) writeClasses(b *bytes.Buffer) {
	b.WriteString("// latin1Classes holds the Bidi_Class of U+0000..U+00FF, one byte each,\n" +
		"// so that the most common characters need no search.\n")
	writeString(b, "latin1Classes", t.classes[:256], 32)

	var ranges []byte
	for r := 0; r <= maxRune; r++ {
		if r == 0 || t.classes[r] != t.classes[r-1] {
			ranges = append(appendRune(ranges, rune(r)), t.classes[r])
		}
	}
	fmt.Fprintf(b, "// classRanges holds %d records of %d bytes: the first code point of a range\n"+
		"// (3 bytes, big-endian) and its Bidi_Class. A range ends where the next\n"+
		"// record starts; the last one ends at U+10FFFF.\n", len(ranges)/classRecordSize, classRecordSize)
	writeString(b, "classRanges", ranges, 8*classRecordSize)
}

// writeBrackets writes the paired bracket table.
func (t *tables) writeBrackets(b *bytes.Buffer) {
	var records []byte
	for _, br := range t.brackets {
		typ := byte(0)
		if br.opener {
			typ = 1
		}
		records = append(appendRune(appendRune(records, br.r), br.id), typ)
	}
	fmt.Fprintf(b, "// bracketRecords holds %d records of %d bytes, sorted by code point: the\n"+
		"// bracket (3 bytes, big-endian), the canonical opening bracket of its pair\n"+
		"// (3 bytes; equal for the two brackets of a pair, also across canonical\n"+
		"// equivalents), and 1 for an opening or 0 for a closing bracket.\n", len(t.brackets), bracketRecordSize)
	writeString(b, "bracketRecords", records, 4*bracketRecordSize)
}

// writeMirrors writes the mirroring glyph table.
func (t *tables) writeMirrors(b *bytes.Buffer) {
	var records []byte
	for _, m := range t.mirrors {
		records = appendRune(appendRune(records, m[0]), m[1])
	}
	fmt.Fprintf(b, "// mirrorRecords holds %d records of %d bytes, sorted by code point: a\n"+
		"// character and its Bidi_Mirroring_Glyph, 3 bytes each, big-endian.\n", len(t.mirrors), mirrorRecordSize)
	writeString(b, "mirrorRecords", records, 5*mirrorRecordSize)
}

// writeClassCheck writes a function that fails to compile if the Class
// constants no longer have the values the tables use.
func writeClassCheck(b *bytes.Buffer) {
	b.WriteString("// The tables encode classes by the values of the Class constants; this\n" +
		"// function fails to compile if the constants change.\nfunc _() {\n\tvar x [1]struct{}\n")
	for i, name := range strings.Fields(classOrder) {
		fmt.Fprintf(b, "\t_ = x[%s-%d]\n", name, i)
	}
	b.WriteString("}\n")
}

// appendRune appends r as 3 big-endian bytes.
func appendRune(b []byte, r rune) []byte {
	return append(b, byte(r>>16), byte(r>>8), byte(r))
}

// Sizes in bytes of the records of the generated tables.
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
