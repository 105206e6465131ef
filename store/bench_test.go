package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"accueil/intake"
	"accueil/internal/synth"
	"accueil/seal"
)

// benchPersons is the size of the benchmark database: the canton's
// caseload over many years, with room to spare.
const benchPersons = 100_000

// envBenchDB names a database file to build once and keep between runs,
// for working on the benchmarks; by default each run builds its own.
const envBenchDB = "ACCUEIL_STORE_BENCH_DB"

// bench100k is the benchmark database, built once per test process.
var bench100k struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench100k.dir != "" {
		os.RemoveAll(bench100k.dir)
	}
	os.Exit(code)
}

// benchDB returns the path of a database holding benchPersons synthetic
// files, building it on first use.
func benchDB(b *testing.B) string {
	b.Helper()
	if testing.Short() {
		b.Skip("building 100k persons is not for -short")
	}
	bench100k.once.Do(func() {
		if p := os.Getenv(envBenchDB); p != "" {
			// A kept database: built on the first run, reused after.
			bench100k.path = p
			if _, err := os.Stat(p); err != nil {
				bench100k.err = buildBenchDB(b, p)
			}
			return
		}
		bench100k.dir, bench100k.err = os.MkdirTemp("", "accueil-bench-")
		if bench100k.err != nil {
			return
		}
		bench100k.path = filepath.Join(bench100k.dir, "desk.db")
		bench100k.err = buildBenchDB(b, bench100k.path)
	})
	if bench100k.err != nil {
		b.Fatal(bench100k.err)
	}
	return bench100k.path
}

func buildBenchDB(b *testing.B, path string) error {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	s.kdf = cheapKDF
	unlockTest(b, s)
	start := time.Now()
	if err := bulkSave(ctx, s, synth.Persons(1, benchPersons)); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "built %d persons in %s\n", benchPersons, time.Since(start).Round(time.Second))
	return nil
}

// bulkSave saves new files as SavePerson does, a few hundred per
// transaction, keeping their statuses (Import would make them all
// expected, and the lists would not be realistic).
func bulkSave(ctx context.Context, s *Store, ps []intake.Person) error {
	for start := 0; start < len(ps); start += importBatchSize {
		err := s.write(ctx, func(t *txn) error {
			for _, p := range ps[start:min(start+importBatchSize, len(ps))] {
				p, err := s.prepareNew(p)
				if err != nil {
					return err
				}
				changes, err := t.planChanges(admin.Role, p, nil, nil)
				if err != nil {
					return err
				}
				if err := t.writePerson(admin, p.ID, changes, true); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// benchQueries is a mix of what staff type: name prefixes, transcription
// variants, other scripts, two words, N numbers in several forms, dates.
func benchQueries() []string {
	ps := synth.Persons(1, 2000)
	q := []string{
		"mo", "moh", "muhammad", "Mohamed", "mohammed", "yusuf", "Ali", "fatima",
		"oleksandr", "Aleksandr", "olen", "serhii", "yonas", "tesfay", "mehmet", "giorgi",
		"محمد", "أحمد", "فاطمة", "Олександр", "Ірина", "ዮናስ", "ተስፋይ",
		"z", "za", "zal", "Zalchuk", "tym",
	}
	for i := 0; i < 40; i += 4 {
		p := ps[i*13]
		q = append(q, p.Surname, p.GivenNames+" "+p.Surname, runePrefix(p.Surname, 4)+" "+runePrefix(p.GivenNames, 3))
		q = append(q, p.NNumber, intake.NormaliseIdentifier(p.NNumber)[:4], p.BirthDate.String())
		if p.SurnameOriginal != "" {
			q = append(q, p.SurnameOriginal, p.GivenNamesOriginal+" "+p.SurnameOriginal)
		}
	}
	q = append(q, "N 9", "912", "915 2", "12.04.1990", "01.01.1985", "1999-07-03")
	return q
}

func BenchmarkSearch100k(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	queries := benchQueries()
	b.ReportAllocs()
	var times []time.Duration
	results := 0
	for i := 0; b.Loop(); i++ {
		q := queries[i%len(queries)]
		start := time.Now()
		got, err := s.Search(ctx, reception, q, 50)
		if err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		results += len(got)
	}
	reportPercentiles(b, times)
	b.ReportMetric(float64(results)/float64(len(times)), "results/op")
	reportRSS(b)
}

func BenchmarkSaveArrival(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	ps := synth.PersonsOn(99, 10_000, intake.DateOf(time.Now()))
	b.ReportAllocs()
	var times []time.Duration
	for i := 0; b.Loop(); i++ {
		p := ps[i%len(ps)]
		p.Status, p.ArrivalDate = intake.StatusArrived, intake.Date{}
		start := time.Now()
		if _, _, err := s.SavePerson(ctx, reception, p, nil); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	reportPercentiles(b, times)
}

// BenchmarkList100k pages through the home screen's lists.
func BenchmarkList100k(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	b.ReportAllocs()
	var times []time.Duration
	filters := []ListFilter{ListAll, ListExpected, ListArrivedToday}
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if _, _, err := s.List(ctx, reception, filters[i%3], synth.Reference(), 50, (i/3%20)*50); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	reportPercentiles(b, times)
}

// BenchmarkDuplicates100k checks new files against the stored ones, as a
// save of a new file does.
func BenchmarkDuplicates100k(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	ps := synth.Persons(1, 5000) // the stored files themselves: every one has candidates
	b.ReportAllocs()
	var times []time.Duration
	found := 0
	for i := 0; b.Loop(); i++ {
		p := ps[(i*37)%len(ps)]
		start := time.Now()
		c, err := s.Duplicates(ctx, reception, p)
		if err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		found += len(c)
	}
	reportPercentiles(b, times)
	b.ReportMetric(float64(found)/float64(len(times)), "candidates/op")
}

func BenchmarkOpen100k(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		n, err := s.Count(ctx)
		if err != nil || n < benchPersons/2 {
			b.Fatalf("count %d, %v", n, err)
		}
		s.Close()
	}
}

func openBench(b *testing.B) *Store {
	b.Helper()
	s, err := Open(context.Background(), benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	s.kdf = cheapKDF
	unlockTest(b, s)
	return s
}

// BenchmarkUnlock100k opens the database and unlocks it: every entity key
// and every person's sealed record opened, the index built. The password
// work (argon2id) is made cheap here; a real login adds two runs of it,
// measured by BenchmarkLoginKDF. heap-MB is what the unlocked store holds.
func BenchmarkUnlock100k(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	var heap float64
	for b.Loop() {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		s.kdf = cheapKDF
		before := heapInUse()
		unlockTest(b, s)
		heap = float64(heapInUse()-before) / (1 << 20)
		if n := len(s.ring.Load().idx.byID); n < benchPersons {
			b.Fatalf("index of %d persons", n)
		}
		s.Close()
	}
	b.ReportMetric(heap, "heap-MB")
}

// BenchmarkLoginKDF is the password work of one login at the desk's
// costs: the hash check and the data key unwrap each run argon2id once.
func BenchmarkLoginKDF(b *testing.B) {
	k := defaultKDF()
	dk, err := seal.NewKey()
	if err != nil {
		b.Fatal(err)
	}
	kdf := seal.KDF{Time: k.time, Memory: k.memory, Threads: k.threads}
	w, err := seal.Wrap("a benchmark password", dk, kdf)
	if err != nil {
		b.Fatal(err)
	}
	hash, err := k.hash("a benchmark password")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if !verifyPassword(hash, "a benchmark password") {
			b.Fatal("hash")
		}
		if _, err := seal.Unwrap("a benchmark password", w); err != nil {
			b.Fatal(err)
		}
	}
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func reportPercentiles(b *testing.B, times []time.Duration) {
	if len(times) == 0 {
		return
	}
	slices.Sort(times)
	at := func(p float64) float64 {
		return float64(times[int(p*float64(len(times)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

func runePrefix(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// reportRSS reports the process's resident memory (Linux only): SQLite's
// page caches live outside the Go heap, so allocation counts miss them.
func reportRSS(b *testing.B) {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return
	}
	var size, resident int64
	if _, err := fmt.Sscan(string(data), &size, &resident); err != nil {
		return
	}
	b.ReportMetric(float64(resident*int64(os.Getpagesize()))/(1<<20), "rss-MB")
}
