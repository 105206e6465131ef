package names

import "testing"

// benchNames mix the scripts met at reception; the index is built by
// calling IndexKeys once per person.
var benchNames = []string{
	"Mohammed Ahmed Ali",
	"Abd al-Rahman Omar Hassan",
	"Olena Kovalenko",
	"Fatemeh Zahra Hosseini",
	"محمد علي حسين",
	"Олександр Шевчук",
	"ሰላም ተስፋይ ገብረ",
	"Yusuf O'Neil",
}

func BenchmarkIndexKeys(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = IndexKeys(benchNames[i%len(benchNames)])
	}
}

func BenchmarkIndexKeysLatin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = IndexKeys("Mohammed Ahmed Ali")
	}
}

var benchWords = []string{"Mohammed", "Kov", "Олександр", "محمد", "ሰላም", "abdulrahman"}

func BenchmarkQueryKeys(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = QueryKeys(benchWords[i%len(benchWords)])
	}
}

func BenchmarkFold(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Fold(benchNames[i%len(benchNames)])
	}
}

func BenchmarkSimilarity(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Similarity(benchNames[i%len(benchNames)], "Muhammad Aly Ahmad")
	}
}
