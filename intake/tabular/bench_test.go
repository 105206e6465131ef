package tabular

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"accueil/intake"
)

// generateList writes a synthetic attribution list of n rows in the form
// Excel produces on a Swiss-French desk: semicolons, CRLF, dotted dates.
// Surnames are fictitious ("Test" and two syllables, 900 of them, so that
// duplicate blocks are as small as in a real list), given names common
// ones; N numbers are synthetic.
func generateList(n int) []byte {
	syllables := []string{"ka", "ro", "mi", "lu", "sen", "ta", "bel", "do", "fa", "gi", "ho", "ja", "ke", "lam", "mo",
		"na", "po", "ri", "sa", "tu", "va", "we", "yo", "zi", "dar", "hel", "nur", "ost", "pil", "qua"}
	given := []string{"Amina", "Yonas", "Mohammed", "Olena", "Ahmad", "Senait", "Fatima", "Goran", "Hana", "Ali", "Meron", "Oksana"}
	countries := []string{"Erythrée", "Afghanistan", "Syrie", "Turquie", "Ukraine", "Somalie", "Algérie", "Maroc"}
	langs := []string{"Tigrinya", "Dari", "arabe", "turc", "ukrainien", "somali", "kurde sorani", "pachto"}
	rng := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	b.WriteString("Nom;Prénom(s);Sexe;Date de naissance;Nationalité;Numéro N;No ZEMIS;Langue;Interprète;Permis;Date d'attribution;Centre fédéral\r\n")
	for i := range n {
		sex := "F"
		if rng.IntN(2) == 0 {
			sex = "M"
		}
		dob := fmt.Sprintf("%02d.%02d.%d", 1+rng.IntN(28), 1+rng.IntN(12), 1950+rng.IntN(70))
		if rng.IntN(10) == 0 {
			dob = fmt.Sprintf("00.00.%d", 1950+rng.IntN(70))
		}
		surname := "Test" + syllables[rng.IntN(len(syllables))] + syllables[rng.IntN(len(syllables))]
		fmt.Fprintf(&b, "%s;%s;%s;%s;%s;N %03d %03d;%08d;%s;%s;%s;%02d.06.2025;\"CFA Boudry; Perreux\"\r\n",
			surname, given[rng.IntN(len(given))], sex, dob,
			countries[rng.IntN(len(countries))], 100+i/1000, i%1000, 10_000_000+i,
			langs[rng.IntN(len(langs))], []string{"oui", "non"}[rng.IntN(2)], []string{"N", "F", "S"}[rng.IntN(3)],
			1+rng.IntN(14))
	}
	return b.Bytes()
}

func readBytes(data []byte) (*Result, error) {
	return Read(bytes.NewReader(data), Options{Today: testToday})
}

// BenchmarkRead100k reads a 100,000-row list; it reports rows/s besides
// the MB/s and allocations of the standard output.
func BenchmarkRead100k(b *testing.B) {
	data := generateList(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := readBytes(data)
		if err != nil || len(res.Rows) != 100_000 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkDuplicatesWithin100k(b *testing.B) {
	rows := generatedRows(b, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		DuplicatesWithin(rows)
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkWriteCSV100k(b *testing.B) {
	rows := generatedRows(b, 100_000)
	persons := make([]intake.Person, len(rows))
	for i, r := range rows {
		persons[i] = r.Person
	}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, persons, DefaultExportFields()); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}
