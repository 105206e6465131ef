package bidi

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// ucdFields calls fn with the trimmed fields of each data line of a UCD
// file, and with the range and value of each @missing line (fields nil).
func ucdFields(t *testing.T, name string, fn func(fields []string, missing string) error) {
	t.Helper()
	sc := bufio.NewScanner(openUCD(t, name))
	for n := 1; sc.Scan(); n++ {
		line, comment, _ := strings.Cut(sc.Text(), "#")
		var err error
		if strings.TrimSpace(line) != "" {
			fields := strings.Split(line, ";")
			for i := range fields {
				fields[i] = strings.TrimSpace(fields[i])
			}
			err = fn(fields, "")
		} else if rest, ok := strings.CutPrefix(strings.TrimSpace(comment), "@missing:"); ok {
			err = fn(nil, rest)
		}
		if err != nil {
			t.Fatalf("%s:%d: %v", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
}

// parseCodeRange parses "0041" or "0041..005A".
func parseCodeRange(s string) (lo, hi rune, err error) {
	a, b, found := strings.Cut(strings.TrimSpace(s), "..")
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
	return rune(l), rune(h), nil
}

// TestClassesMatchUCD checks ClassOf for every code point against
// DerivedBidiClass.txt, so that stale generated tables are noticed.
func TestClassesMatchUCD(t *testing.T) {
	long := map[string]Class{
		"Left_To_Right": L, "Right_To_Left": R, "Arabic_Letter": AL,
		"European_Terminator": ET, "Boundary_Neutral": BN,
	}
	want := make([]Class, 0x110000)
	ucdFields(t, "extracted/DerivedBidiClass.txt", func(fields []string, missing string) error {
		rng, name := "", ""
		if fields == nil {
			rng, name, _ = strings.Cut(missing, ";")
		} else {
			rng, name = fields[0], fields[1]
		}
		lo, hi, err := parseCodeRange(rng)
		if err != nil {
			return err
		}
		c, ok := long[strings.TrimSpace(name)]
		if !ok {
			if c, err = ParseClass(strings.TrimSpace(name)); err != nil {
				return err
			}
		}
		for r := lo; r <= hi; r++ {
			want[r] = c
		}
		return nil
	})
	bad := 0
	for r, c := range want {
		if got := ClassOf(rune(r)); got != c {
			if bad++; bad <= maxReported {
				t.Errorf("ClassOf(%U) = %v, want %v", r, got, c)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d code points differ: run go generate", bad)
	}
}

// TestMirrorsMatchUCD checks Mirror against BidiMirroring.txt.
func TestMirrorsMatchUCD(t *testing.T) {
	want := map[rune]rune{}
	ucdFields(t, "BidiMirroring.txt", func(fields []string, _ string) error {
		if fields == nil {
			return nil
		}
		r, _, err := parseCodeRange(fields[0])
		if err != nil {
			return err
		}
		m, _, err := parseCodeRange(fields[1])
		want[r] = m
		return err
	})
	for r := rune(0); r <= 0x10ffff; r++ {
		m, ok := want[r]
		if got, gotOK := Mirror(r); gotOK != ok || (ok && got != m) {
			t.Fatalf("Mirror(%U) = %U, %v; want %U, %v", r, got, gotOK, m, ok)
		}
	}
}
