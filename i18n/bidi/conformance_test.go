package bidi

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// ucdDir is where the Debian package unicode-data installs the Unicode
// Character Database, including the bidi conformance files.
const ucdDir = "/usr/share/unicode"

// maxReported caps the failures reported one by one.
const maxReported = 20

// openUCD opens a conformance file. Without it the test is skipped, except
// in CI, which installs unicode-data and so must not silently skip.
func openUCD(t *testing.T, name string) *os.File {
	t.Helper()
	path := filepath.Join(ucdDir, name)
	f, err := os.Open(path)
	if err != nil {
		msg := fmt.Sprintf("conformance file unavailable (install the Debian package unicode-data): %v", err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// checkVersion warns when the file's Unicode version differs from the
// tables', the likely cause of failures: run go generate to update them.
func checkVersion(t *testing.T, name, firstLine string) {
	t.Helper()
	fileVersionRE := regexp.MustCompile(`-(\d+\.\d+\.\d+)\.txt`)
	if m := fileVersionRE.FindStringSubmatch(firstLine); m != nil && m[1] != UnicodeVersion {
		t.Logf("%s is version %s but the tables are %s: regenerate them with go generate", name, m[1], UnicodeVersion)
	}
}

// failures collects failed cases and reports the first few in detail.
type failures struct {
	t     *testing.T
	count int
}

func (f *failures) add(format string, args ...any) {
	f.t.Helper()
	f.count++
	if f.count <= maxReported {
		f.t.Errorf(format, args...)
	}
}

// visibleOrder drops the characters removed by X9 from a visual order, as
// the conformance files do.
func visibleOrder(order []int, classes []Class) []int {
	out := order[:0]
	for _, i := range order {
		if !removedByX9(classes[i]) {
			out = append(out, i)
		}
	}
	return out
}

// compareLevels compares resolved levels with expected ones, where -1 stands
// for "x": a character removed by X9, which has no level to compare.
func compareLevels(got []Level, want []int, classes []Class) error {
	if len(got) != len(want) {
		return fmt.Errorf("got %d levels, want %d", len(got), len(want))
	}
	for i, w := range want {
		removed := removedByX9(classes[i])
		if (w < 0) != removed {
			return fmt.Errorf("position %d (class %v): removal by X9 is %v, want level %s", i, classes[i], removed, levelString(w))
		}
		if w >= 0 && int(got[i]) != w {
			return fmt.Errorf("position %d: level %d, want %d", i, got[i], w)
		}
	}
	return nil
}

func levelString(l int) string {
	if l < 0 {
		return "x"
	}
	return strconv.Itoa(l)
}

// parseLevels parses a space-separated list of levels with "x" for none.
func parseLevels(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Fields(s) {
		if f == "x" {
			out = append(out, -1)
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("level %q: %w", f, err)
		}
		out = append(out, n)
	}
	return out, nil
}

// parseInts parses a space-separated list of decimal or hex numbers.
func parseInts(s string, base int) ([]int, error) {
	var out []int
	for _, f := range strings.Fields(s) {
		n, err := strconv.ParseInt(f, base, 32)
		if err != nil {
			return nil, fmt.Errorf("number %q: %w", f, err)
		}
		out = append(out, int(n))
	}
	return out, nil
}

// characterCase is one line of BidiCharacterTest.txt.
type characterCase struct {
	text   []rune
	dir    Direction
	base   int
	levels []int
	order  []int
}

func parseCharacterCase(line string) (characterCase, error) {
	fields := strings.Split(line, ";")
	if len(fields) != 5 {
		return characterCase{}, fmt.Errorf("want 5 fields, got %d", len(fields))
	}
	var c characterCase
	cps, err := parseInts(fields[0], 16)
	if err != nil {
		return c, fmt.Errorf("code points: %w", err)
	}
	for _, cp := range cps {
		c.text = append(c.text, rune(cp))
	}
	switch strings.TrimSpace(fields[1]) {
	case "0":
		c.dir = LTR
	case "1":
		c.dir = RTL
	case "2":
		c.dir = Auto
	default:
		return c, fmt.Errorf("bad direction %q", fields[1])
	}
	if c.base, err = strconv.Atoi(strings.TrimSpace(fields[2])); err != nil {
		return c, fmt.Errorf("paragraph level: %w", err)
	}
	if c.levels, err = parseLevels(fields[3]); err != nil {
		return c, err
	}
	if c.order, err = parseInts(fields[4], 10); err != nil {
		return c, fmt.Errorf("order: %w", err)
	}
	return c, nil
}

// check resolves the case and returns why it fails, or nil.
func (c characterCase) check() error {
	p := Resolve(c.text, c.dir)
	if int(p.BaseLevel()) != c.base {
		return fmt.Errorf("paragraph level %d, want %d", p.BaseLevel(), c.base)
	}
	classes := make([]Class, len(c.text))
	for i, r := range c.text {
		classes[i] = ClassOf(r)
	}
	if err := compareLevels(p.LineLevels(0, len(c.text)), c.levels, classes); err != nil {
		return err
	}
	if got := visibleOrder(p.VisualOrder(0, len(c.text)), classes); !slices.Equal(got, c.order) {
		return fmt.Errorf("order %v, want %v", got, c.order)
	}
	return nil
}

// TestBidiConformanceCharacter runs every case of BidiCharacterTest.txt,
// which covers bracket pairs and other character-specific behavior.
func TestBidiConformanceCharacter(t *testing.T) {
	f := openUCD(t, "BidiCharacterTest.txt")
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	fail := failures{t: t}
	total := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 {
			checkVersion(t, "BidiCharacterTest.txt", line)
		}
		if line == "" || line[0] == '#' {
			continue
		}
		total++
		c, err := parseCharacterCase(line)
		if err != nil {
			t.Fatalf("BidiCharacterTest.txt:%d: %v", n, err)
		}
		if err := c.check(); err != nil {
			fail.add("BidiCharacterTest.txt:%d: %s: %v", n, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading BidiCharacterTest.txt: %v", err)
	}
	t.Logf("BidiCharacterTest: %d/%d passed", total-fail.count, total)
	if total == 0 {
		t.Fatal("BidiCharacterTest.txt has no test cases")
	}
}

// classTestState holds the expectations that @Levels and @Reorder lines of
// BidiTest.txt set for the data lines after them.
type classTestState struct {
	levels []int
	order  []int
}

// parseClasses parses a space-separated list of Bidi_Class short names.
func parseClasses(s string, byName map[string]Class) ([]Class, error) {
	var out []Class
	for _, f := range strings.Fields(s) {
		c, ok := byName[f]
		if !ok {
			return nil, fmt.Errorf("unknown class %q", f)
		}
		out = append(out, c)
	}
	return out, nil
}

// check resolves classes in direction dir and returns why it fails, or nil.
func (st *classTestState) check(classes []Class, dir Direction) error {
	p := resolve(classes, nil, dir)
	if err := compareLevels(p.LineLevels(0, len(classes)), st.levels, classes); err != nil {
		return err
	}
	if got := visibleOrder(p.VisualOrder(0, len(classes)), classes); !slices.Equal(got, st.order) {
		return fmt.Errorf("order %v, want %v", got, st.order)
	}
	return nil
}

// TestBidiConformanceClasses runs every case of BidiTest.txt: sequences of
// Bidi_Class values, each tried in the paragraph directions of its bitset.
func TestBidiConformanceClasses(t *testing.T) {
	f := openUCD(t, "BidiTest.txt")
	byName := map[string]Class{}
	for c := L; c < numClasses; c++ {
		byName[c.String()] = c
	}
	sc := bufio.NewScanner(f)
	fail := failures{t: t}
	total := 0
	var st classTestState
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 {
			checkVersion(t, "BidiTest.txt", line)
		}
		var err error
		switch {
		case line == "" || line[0] == '#':
			continue
		case strings.HasPrefix(line, "@Levels:"):
			st.levels, err = parseLevels(strings.TrimPrefix(line, "@Levels:"))
		case strings.HasPrefix(line, "@Reorder:"):
			st.order, err = parseInts(strings.TrimPrefix(line, "@Reorder:"), 10)
		case line[0] == '@':
			continue
		default:
			var classes []Class
			var bits int64
			input, bitset, _ := strings.Cut(line, ";")
			if classes, err = parseClasses(input, byName); err != nil {
				break
			}
			if bits, err = strconv.ParseInt(strings.TrimSpace(bitset), 16, 8); err != nil {
				break
			}
			// Bits of the paragraph-direction set.
			for _, d := range [...]struct {
				bit int
				dir Direction
			}{{1, Auto}, {2, LTR}, {4, RTL}} {
				if bits&int64(d.bit) == 0 {
					continue
				}
				total++
				if err := st.check(classes, d.dir); err != nil {
					fail.add("BidiTest.txt:%d: %s (%v): %v", n, line, d.dir, err)
				}
			}
		}
		if err != nil {
			t.Fatalf("BidiTest.txt:%d: %v", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading BidiTest.txt: %v", err)
	}
	t.Logf("BidiTest: %d/%d passed", total-fail.count, total)
	if total == 0 {
		t.Fatal("BidiTest.txt has no test cases")
	}
}
