package intake

import (
	"testing"
	"unicode/utf8"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2026-11-23", "2026-11-23", false},
		{"23.11.2026", "2026-11-23", false},
		{"3.1.1990", "1990-01-03", false},
		{"03/01/1990", "1990-01-03", false},
		{" 1990-01-03 ", "1990-01-03", false},
		{"", "", false},
		{"29.02.2024", "2024-02-29", false},
		{"29.02.2023", "", true}, // not a leap year
		{"31.04.2001", "", true},
		{"00.00.1990", "", true}, // approximations are the importer's job
		{"1990-13-01", "", true},
		{"23.11.26", "", true}, // two-digit years are ambiguous
		{"2026/11/23", "", true},
		{"yesterday", "", true},
		{"-1.-1.-1", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if d.String() != tt.want {
				t.Errorf("got %q, want %q", d.String(), tt.want)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-23", "23.11.2026", "1.1.1", "31/12/9999", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("error with a date: %v", d)
			}
			return
		}
		if d.IsZero() {
			return
		}
		// A parsed date prints and parses back to itself.
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("round trip of %q: %v, %v", s, back, err)
		}
	})
}

func FuzzNormaliseIdentifier(f *testing.F) {
	for _, s := range []string{"N 123.456/7", "n1234567", "ZEMIS 1-2-3", "١٢٣", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormaliseIdentifier(s)
		if NormaliseIdentifier(n) != n {
			t.Fatalf("not idempotent: %q -> %q", s, n)
		}
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		if wellFormedIdentifier(s) && n == "" {
			t.Fatalf("a well-formed identifier %q normalises to nothing", s)
		}
	})
}
