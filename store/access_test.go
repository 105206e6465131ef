package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"accueil/intake"
)

var statistics = intake.Staff{ID: "staff-statistics", Name: "statistics", Role: intake.RoleStatistics}

// TestRoleReach runs every operation that reads or writes person data as
// every role, through the store's API: what the UI hides is refused here
// too.
func TestRoleReach(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p := person("Testperson", "Alpha", "N 000 000 01")
	p.HealthNotes = "synthetic health note"
	p.ArrivalDate = today()
	p, _ = save(t, s, health, p, nil)

	ops := []struct {
		name string
		run  func(by intake.Staff) error
	}{
		{"person", func(by intake.Staff) error { _, _, err := s.Person(ctx, by, p.ID); return err }},
		{"history", func(by intake.Staff) error { _, err := s.History(ctx, by, p.ID); return err }},
		{"search", func(by intake.Staff) error { _, err := s.Search(ctx, by, "Testperson", 10); return err }},
		{"list", func(by intake.Staff) error { _, _, err := s.List(ctx, by, ListAll, today(), 10, 0); return err }},
		{"export", func(by intake.Staff) error { _, err := s.Export(ctx, by); return err }},
		{"duplicates", func(by intake.Staff) error { _, err := s.Duplicates(ctx, by, p); return err }},
		{"save", func(by intake.Staff) error {
			_, _, err := s.SavePerson(ctx, by, person("Testperson", "Beta", "N 000 000 02"), nil)
			return err
		}},
		{"imports", func(by intake.Staff) error { _, err := s.Imports(ctx, by); return err }},
		{"audit", func(by intake.Staff) error { _, err := s.AuditQuery(ctx, by, AuditQuery{}); return err }},
		{"staff", func(by intake.Staff) error { _, err := s.ListStaff(ctx, by); return err }},
		{"statistics", func(by intake.Staff) error { _, err := s.IntakeStatistics(ctx, by); return err }},
	}
	// allowed[role] lists the operations the role may run.
	allowed := map[intake.Role]string{
		intake.RoleReception:  "person history search list export duplicates save imports",
		intake.RoleCounsellor: "person history search list export duplicates",
		intake.RoleHealth:     "person history search list export duplicates save",
		intake.RoleAdmin:      "person history search list export duplicates save imports audit staff statistics",
		intake.RoleStatistics: "statistics",
	}
	for _, by := range []intake.Staff{reception, counsellor, health, admin, statistics} {
		for _, op := range ops {
			t.Run(fmt.Sprintf("%s/%s", by.Role, op.name), func(t *testing.T) {
				want := strings.Contains(" "+allowed[by.Role]+" ", " "+op.name+" ")
				err := op.run(by)
				switch {
				case want && err != nil:
					t.Errorf("refused: %v", err)
				case !want && !errors.Is(err, ErrForbidden):
					t.Errorf("allowed (err %v), want ErrForbidden", err)
				}
			})
		}
	}
}

// Health notes reach only the health role, on screen and in exports.
func TestHealthNotesStayWithTheHealthRole(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p := person("Testperson", "Alpha", "N 000 000 01")
	p.HealthNotes = "synthetic health note"
	p, _ = save(t, s, health, p, nil)
	for _, by := range []intake.Staff{reception, counsellor, health, admin} {
		t.Run(string(by.Role), func(t *testing.T) {
			got, _, err := s.Person(ctx, by, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			exp, err := s.Export(ctx, by)
			if err != nil || len(exp) != 1 {
				t.Fatalf("export: %v, %v", exp, err)
			}
			want := ""
			if by.Role == intake.RoleHealth {
				want = p.HealthNotes
			}
			if got.HealthNotes != want || exp[0].HealthNotes != want {
				t.Errorf("health notes: file %q, export %q; want %q", got.HealthNotes, exp[0].HealthNotes, want)
			}
		})
	}
}

func TestIntakeStatistics(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for i, nat := range []string{"SY", "SY", "ER"} {
		p := person("Testperson", "Nr"+fmt.Sprint(i), fmt.Sprintf("N 000 000 %02d", i))
		p.Nationality = nat
		p.ArrivalDate = intake.MustDate("2026-03-0" + fmt.Sprint(i+1))
		p.Status = intake.StatusArrived
		save(t, s, reception, p, nil)
	}
	st, err := s.IntakeStatistics(ctx, statistics)
	if err != nil {
		t.Fatal(err)
	}
	if st.Total != 3 || st.ByNationality["SY"] != 2 || st.ByNationality["ER"] != 1 ||
		st.ArrivalsByMonth["2026-03"] != 3 || st.ByStatus[intake.StatusArrived] != 3 || st.ByPermit[intake.PermitN] != 3 {
		t.Errorf("statistics = %+v", st)
	}
	got, err := s.AuditQuery(ctx, admin, AuditQuery{StaffID: statistics.ID, Actions: []Action{ActionStatistics}})
	if err != nil || len(got) != 1 {
		t.Errorf("statistics read not audited: %v, %v", got, err)
	}
}
