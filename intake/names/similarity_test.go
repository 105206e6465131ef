package names

import (
	"math"
	"testing"
)

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		lo, hi float64 // expected score range, inclusive
	}{
		{"identical", "Mohammed Ali", "Mohammed Ali", 1, 1},
		{"case and accents", "JOSÉ Müller", "jose muller", 1, 1},
		{"script", "Олександр Коваленко", "Oleksandr Kovalenko", 1, 1},
		{"order swapped", "Ahmed Hassan", "Hassan Ahmed", 1, 1},
		{"abd compound", "Abdulrahman Omar", "Abd al-Rahman Omar", 1, 1},
		{"hyphen joined", "Jean-Pierre Rochat", "Jeanpierre Rochat", 1, 1},
		{"ethiopic script", "Selam Tesfay", "ሰላም ተስፋይ", 1, 1},
		{"transliteration", "Mohammed Ali", "Muhammad Aly", VariantThreshold, 1},
		{"transliteration swapped", "Yusuf Ahmed", "Ahmad Youssef", VariantThreshold, 1},
		{"ukrainian russian", "Serhii Kovalenko", "Sergey Kovalenko", VariantThreshold, 1},
		{"cyrillic russian", "Олександр Шевчук", "Aleksandr Shevchuk", VariantThreshold, 1},
		{"persian arabic", "Fatemeh Zahra", "Fatima Zahra", VariantThreshold, 1},
		{"arabic script unvocalised", "محمد علي", "Mohammed Ali", SimilarThreshold, 1},
		{"arabic article", "Ilyas Hassan", "الياس حسن", SimilarThreshold, 1},
		{"latin article attached", "Ahmed al-Sayed", "Ahmed Alsayed", VariantThreshold, 1},
		{"typing slip", "Shevchenko Olena", "Shevcenko Olena", SimilarThreshold, 1},
		{"final h", "Sara Tesfay", "Sarah Tesfay", VariantThreshold, 1},
		{"missing middle name", "Mohammed Ahmed Ali", "Mohammed Ali", SimilarThreshold, 0.95},
		{"given name alone", "Mohammed", "Mohammed Ali", 0.5, SimilarThreshold - 0.001},
		{"different given name", "Olena Shevchenko", "Olha Shevchenko", 0.5, SimilarThreshold - 0.001},
		{"omar amir", "Omar Khaled", "Amir Khaled", 0.4, SimilarThreshold - 0.001},
		{"hassan hussein", "Ali Hassan", "Ali Hussein", 0.4, SimilarThreshold - 0.001},
		{"mahmoud mohammed", "Mahmoud Ali", "Mohammed Ali", 0.4, SimilarThreshold - 0.001},
		{"unrelated", "Selam Tesfay", "Mohammed Ali", 0, 0.3},
		{"unrelated scripts", "Олена Коваленко", "ሰላም ተስፋይ", 0, 0.3},
		{"empty", "", "Mohammed", 0, 0},
		{"both empty", "", "", 0, 0},
		{"punctuation only", "--", "--", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Similarity(tt.a, tt.b)
			if got < tt.lo || got > tt.hi {
				t.Errorf("Similarity(%q, %q) = %.3f, want in [%.3f, %.3f]", tt.a, tt.b, got, tt.lo, tt.hi)
			}
			if rev := Similarity(tt.b, tt.a); math.Abs(rev-got) > 1e-9 {
				t.Errorf("not symmetric: %.3f then %.3f", got, rev)
			}
		})
	}
}

func TestSimilarityVariantGroups(t *testing.T) {
	for _, g := range variantGroups {
		t.Run(g[0], func(t *testing.T) {
			for _, a := range g {
				for _, b := range g {
					if s := Similarity(a, b); s < SimilarThreshold {
						t.Errorf("Similarity(%q, %q) = %.3f, below %.2f", a, b, s, SimilarThreshold)
					}
				}
			}
		})
	}
}

func TestJaroWinkler(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.961},
		{"dwayne", "duane", 0.840},
		{"dixon", "dicksonx", 0.813},
		{"abc", "abc", 1},
		{"", "", 1},
		{"abc", "", 0},
		{"abc", "xyz", 0},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := jaroWinkler(tt.a, tt.b); math.Abs(got-tt.want) > 0.001 {
				t.Errorf("jaroWinkler(%q, %q) = %.4f, want %.3f", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
