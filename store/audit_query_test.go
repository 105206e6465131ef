package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestAuditQueryFilters(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2026, 3, d, 10, 0, 0, 0, time.UTC) }
	s.now = func() time.Time { return day(1) }
	a, _ := save(t, s, reception, person("Testperson", "Alpha", "N 000 000 01"), nil)
	s.now = func() time.Time { return day(2) }
	b, _ := save(t, s, health, person("Testperson", "Beta", "N 000 000 02"), nil)
	s.now = func() time.Time { return day(3) }
	if _, _, err := s.Person(ctx, counsellor, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Record(ctx, counsellor, ActionPrint, a.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    AuditQuery
		want []Action
	}{
		{"person", AuditQuery{PersonID: a.ID}, []Action{ActionPrint, ActionRead, ActionCreate}},
		{"other person", AuditQuery{PersonID: b.ID}, []Action{ActionCreate}},
		{"staff", AuditQuery{StaffID: counsellor.ID}, []Action{ActionPrint, ActionRead}},
		{"from", AuditQuery{From: day(2)}, []Action{ActionPrint, ActionRead, ActionCreate}},
		{"period", AuditQuery{From: day(2), To: day(3)}, []Action{ActionCreate}},
		{"actions", AuditQuery{Actions: []Action{ActionPrint, ActionCreate}}, []Action{ActionPrint, ActionCreate, ActionCreate}},
		{"limit", AuditQuery{Limit: 1}, []Action{ActionPrint}},
		{"nothing matches", AuditQuery{StaffID: "nobody"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.AuditQuery(ctx, admin, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var acts []Action
			for _, e := range got {
				acts = append(acts, e.Action)
			}
			if len(acts) != len(tt.want) {
				t.Fatalf("got %v, want %v", acts, tt.want)
			}
			for i := range acts {
				if acts[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", acts, tt.want)
				}
			}
		})
	}
	if _, err := s.AuditQuery(ctx, reception, AuditQuery{}); !errors.Is(err, ErrForbidden) {
		t.Errorf("reception AuditQuery: %v, want forbidden", err)
	}
	if err := s.Record(ctx, reception, ActionAuditExport, ""); !errors.Is(err, ErrForbidden) {
		t.Errorf("reception records an audit export: %v, want forbidden", err)
	}
	if err := s.Record(ctx, admin, ActionMerge, a.ID); !errors.Is(err, ErrForbidden) {
		t.Errorf("Record of a store action: %v, want forbidden", err)
	}
}
