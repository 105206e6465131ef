package names

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds cover every script and rule the package treats specially.
var fuzzSeeds = []string{
	"", " ", "Mohammed Ali", "O'Neil-Smith", "Strauß", "İsmail", "ﬁ", "Æ",
	"مُحَمَّد", "عبد الرحمن", "أحمد إبراهيم", "٠١٢", "مهر\u200cناز", "ـ",
	"Олександр", "Мар'яна", "Сергій", "Фёдор", "Νικόλαος", "ᲒᲘᲝᲠᲒᲘ", "Գևորգ",
	"ሰላም፡ተስፋይ", "ጓል", "முருகன்", "க\u200dக்", "प्रिया", "שָׁלוֹם", "李",
	"\xff\xfe", "a\u0301\u0301", "\u0301", "\u0345", "\u037a", "ΐ", "ǅ", "ẞ",
	"abdulrahman abdel al", "ال ال", "عبدال", "Ɓello Ŋoŋ",
}

func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold not idempotent on %q: %q then %q", s, got, again)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Fatalf("Fold(%q) = %q: spaces not collapsed", s, got)
		}
		if lat := Latin(s); !utf8.ValidString(lat) {
			t.Fatalf("Latin(%q) = %q: invalid UTF-8", s, lat)
		}
		if sk := Skeleton(s); !utf8.ValidString(sk) {
			t.Fatalf("Skeleton(%q) = %q: invalid UTF-8", s, sk)
		}
		_ = Script(s)
	})
}

func FuzzIndexKeys(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		keys := IndexKeys(s)
		checkKeys(t, "IndexKeys", s, keys)
		for _, w := range Words(s) {
			checkKeys(t, "QueryKeys", w, QueryKeys(w))
		}
		checkKeys(t, "QueryKeys", s, QueryKeys(s))
		sim := Similarity(s, s)
		if sim < 0 || sim > 1 {
			t.Fatalf("Similarity(%q, itself) = %v", s, sim)
		}
		if len(keys) > 0 && sim != 1 {
			t.Fatalf("Similarity(%q, itself) = %v, want 1", s, sim)
		}
	})
}

func checkKeys(t *testing.T, fn, in string, keys []string) {
	t.Helper()
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		switch {
		case k == "":
			t.Fatalf("%s(%q) has an empty key", fn, in)
		case !utf8.ValidString(k):
			t.Fatalf("%s(%q) has invalid key %q", fn, in, k)
		case strings.ContainsRune(k, ' '):
			t.Fatalf("%s(%q) has key %q with a space", fn, in, k)
		case seen[k]:
			t.Fatalf("%s(%q) repeats key %q", fn, in, k)
		}
		seen[k] = true
	}
}
