package central

import (
	"context"
	"crypto/rand"
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkStorage compares the central's append and pull on the embedded
// SQLite file and on PostgreSQL (a throwaway local cluster, or
// ACCUEIL_TEST_POSTGRES), with bodies the size of a sealed event:
//
//	go test -run - -bench Storage ./replication/central/
func BenchmarkStorage(b *testing.B) {
	pg, pgErr := findTestPostgres(b)
	stores := []struct {
		name string
		open func(b *testing.B) Storage
	}{
		{"sqlite", func(b *testing.B) Storage {
			st, err := OpenSQLite(context.Background(), filepath.Join(b.TempDir(), DatabaseFile))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { st.Close() })
			return st
		}},
		{"postgres", func(b *testing.B) Storage {
			if pgErr != nil {
				b.Skip(pgErr)
			}
			return openTestPostgres(b, pg)
		}},
	}
	for _, s := range stores {
		b.Run("push500/"+s.name, func(b *testing.B) { benchPush(b, s.open(b)) })
		b.Run("pull1000/"+s.name, func(b *testing.B) { benchPull(b, s.open(b)) })
	}
}

// benchRecords makes n records of batch i with 400-byte bodies.
func benchRecords(i, n int) []Record {
	recs := make([]Record, n)
	for j := range recs {
		body := make([]byte, 400)
		_, _ = rand.Read(body)
		recs[j] = Record{ID: fmt.Sprintf("d-%d-%d", i, j), Body: body, Hash: fmt.Sprintf("%x", body[:32])}
	}
	return recs
}

func benchPush(b *testing.B, st Storage) {
	ctx := context.Background()
	for i := range b.N {
		b.StopTimer()
		recs := benchRecords(i, 500)
		b.StartTimer()
		if _, _, err := st.Push(ctx, "d", recs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*500)/b.Elapsed().Seconds(), "events/s")
}

// benchPull pulls 20,000 stored events in pages of 1000, from the start
// each time.
func benchPull(b *testing.B, st Storage) {
	ctx := context.Background()
	const total = 20000
	for i := range total / 500 {
		if _, _, err := st.Push(ctx, "d", benchRecords(i, 500)); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		n, cursor := 0, int64(0)
		for more := true; more; {
			p, err := st.Pull(ctx, cursor, 1000)
			if err != nil {
				b.Fatal(err)
			}
			n, cursor, more = n+len(p.Records), p.Next, p.More
		}
		if n != total {
			b.Fatalf("pulled %d of %d", n, total)
		}
	}
	b.ReportMetric(float64(b.N*total)/b.Elapsed().Seconds(), "events/s")
}
