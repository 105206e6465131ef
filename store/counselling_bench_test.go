package store

import (
	"context"
	"testing"
)

// BenchmarkCaseFile reads the sheet's data of a household of four with
// two years of monthly items: what opening a case costs.
func BenchmarkCaseFile(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	_, ids := household(b, s, "Alpha", "Beta", "Gamma", "Delta")
	c, err := s.OpenCase(ctx, counsellor, ids[0])
	if err != nil {
		b.Fatal(err)
	}
	for range 24 {
		if _, err := s.AddNote(ctx, counsellor, c.ID, "Synthetic note"); err != nil {
			b.Fatal(err)
		}
		if err := s.AddConsultation(ctx, counsellor, c.ID, s.today(), "Synthetic summary"); err != nil {
			b.Fatal(err)
		}
		if err := s.AddQuestion(ctx, counsellor, c.ID, "Synthetic question"); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := s.CaseFile(ctx, counsellor, c.ID); err != nil {
			b.Fatal(err)
		}
	}
}
