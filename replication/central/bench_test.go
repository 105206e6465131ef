package central

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"accueil/intake"
	"accueil/replication"
)

// BenchmarkPushSealed measures the central's append of 500-event pushes
// with events sealed (the Vault) and, for comparison, the same canonical
// bodies stored in clear with a SHA-256 (the format before sealing).
//
//	go test -run - -bench PushSealed ./replication/central/
func BenchmarkPushSealed(b *testing.B) {
	evs := make([]intake.Event, 500)
	for i := range evs {
		evs[i] = intake.Event{
			ID: fmt.Sprintf("d-%d", i), EntityType: intake.EntityPerson, EntityID: fmt.Sprintf("p%d", i), Desk: "d",
			Schema: intake.SchemaVersion, Time: intake.Timestamp{Wall: int64(i)},
			Changes: []intake.Change{{Field: intake.FieldSurname, Value: "Testperson Alpha"}, {Field: intake.FieldNNumber, Value: "N 000 000 01"}},
		}
	}
	ctx := context.Background()
	b.Run("sealed", func(b *testing.B) {
		v := openBenchVault(b)
		for i := range b.N {
			if _, _, err := v.Push(ctx, "d", renumber(evs, i)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*len(evs))/b.Elapsed().Seconds(), "events/s")
	})
	b.Run("clear", func(b *testing.B) {
		v := openBenchVault(b)
		for i := range b.N {
			batch := renumber(evs, i)
			recs := make([]Record, len(batch))
			for j, ev := range batch {
				body, _ := replication.Canonical(ev)
				sum := sha256.Sum256(body)
				recs[j] = Record{ID: ev.ID, Body: body, Hash: hex.EncodeToString(sum[:])}
			}
			if _, _, err := v.Storage.Push(ctx, "d", recs); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*len(evs))/b.Elapsed().Seconds(), "events/s")
	})
}

func openBenchVault(b *testing.B) *Vault {
	dir := b.TempDir()
	v, err := Open(context.Background(), dir, DefaultKeyFile(dir))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { v.Close() })
	return v
}

func renumber(evs []intake.Event, batch int) []intake.Event {
	out := make([]intake.Event, len(evs))
	for i, ev := range evs {
		ev.ID = fmt.Sprintf("d-%d-%d", batch, i)
		out[i] = ev
	}
	return out
}
