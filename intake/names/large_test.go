package names

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fill repeats unit up to 10 MB, the size of a field gone wrong.
func fill(unit string) string {
	const size = 10 << 20
	return strings.Repeat(unit, size/len(unit)+1)[:size]
}

// The functions must finish a 10 MB input in linear time. A quadratic step
// would take hours on such input, so a generous bound catches it without
// being flaky on a loaded machine.
func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB inputs")
	}
	s := fill("Mohammed-علي Олександр ሰላም முருகன் ")
	start := time.Now()
	if f := Fold(s); !utf8.ValidString(f) {
		t.Error("Fold output is not valid UTF-8")
	}
	if l := Latin(s); !utf8.ValidString(l) {
		t.Error("Latin output is not valid UTF-8")
	}
	_ = Script(s)
	// Words and Skeleton are Fold and Latin with linear steps after them;
	// a tenth of the size keeps the test short.
	_ = Words(s[:len(s)/10])
	_ = Skeleton(s[:len(s)/10])
	checkKeys(t, "IndexKeys", "10 MB", IndexKeys(s))
	checkKeys(t, "QueryKeys", "10 MB", QueryKeys(s))
	if sim := Similarity(s, s); sim != 1 {
		t.Errorf("Similarity = %v, want 1", sim)
	}
	elapsed := time.Since(start)
	t.Logf("all functions on 10 MB: %v", elapsed)
	if elapsed > 90*time.Second {
		t.Errorf("took %v", elapsed)
	}
}

// Degenerate inputs: one endless word, endless marks on one letter's
// neighbours, nothing but invalid bytes or spaces.
func TestLargeDegenerateInput(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB inputs")
	}
	inputs := map[string]string{
		"one word": fill("a"),
		"marks":    fill("a\u0301\u0308"),
		"invalid":  fill("\xff\xfe\xc3"),
		"spaces":   fill(" \t"),
	}
	for name, s := range inputs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			if f := Fold(s); !utf8.ValidString(f) {
				t.Error("Fold output is not valid UTF-8")
			}
			checkKeys(t, "IndexKeys", name, IndexKeys(s))
			if d := time.Since(start); d > 60*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestInvalidUTF8IsReplaced(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"lone continuation", "Ali\x80Hassan", "ali hassan"},
		{"truncated sequence", "Ali\xd8", "ali"},
		{"inside arabic", "محم\xffد", "محم د"},
		{"overlong", "\xc0\xafAli", "ali"},
		{"surrogate", "\xed\xa0\x80Ali", "ali"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for _, k := range IndexKeys(tt.in) {
				if !utf8.ValidString(k) {
					t.Errorf("invalid key %q", k)
				}
			}
			if l := Latin(tt.in); !utf8.ValidString(l) {
				t.Errorf("Latin(%q) = %q", tt.in, l)
			}
		})
	}
}
