package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestSubjectAccessHoldsEverything(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p := person("Testperson", "Alpha", "N 000 000 01")
	p.HealthNotes = "synthetic health note"
	p, vers := save(t, s, health, p, nil)
	p.DietaryNeeds = "synthetic diet"
	save(t, s, health, p, vers)
	dup, _ := save(t, s, reception, person("Testperson", "Alfa", "N 000 000 09"), nil)
	if err := s.Merge(ctx, admin, p.ID, dup.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Person(ctx, counsellor, p.ID); err != nil {
		t.Fatal(err)
	}

	for _, by := range []struct{ role string }{{"reception"}, {"health"}} {
		staff := reception
		if by.role == "health" {
			staff = health
		}
		if _, err := s.SubjectAccess(ctx, staff, p.ID); !errors.Is(err, ErrForbidden) {
			t.Errorf("%s: %v, want forbidden", by.role, err)
		}
	}
	got, err := s.SubjectAccess(ctx, admin, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Testperson", "synthetic health note", "synthetic diet", "N 000 000 09", counsellor.ID, `"read"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("subject-access export lacks %q", want)
		}
	}
	if len(got.Merged) != 1 || len(got.History) < 3 {
		t.Errorf("merged %d, history %d", len(got.Merged), len(got.History))
	}
	audit, err := s.AuditQuery(ctx, admin, AuditQuery{PersonID: p.ID, Actions: []Action{ActionAccess}})
	if err != nil || len(audit) != 1 {
		t.Errorf("subject access not audited: %v, %v", audit, err)
	}
	if _, err := s.SubjectAccess(ctx, admin, "no-such-file"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown file: %v", err)
	}
}
