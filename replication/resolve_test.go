package replication_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"accueil/intake"
	"accueil/store"
)

var (
	healthStaff = intake.Staff{ID: "staff-health", Name: "health", Role: intake.RoleHealth}
	reception   = intake.Staff{ID: "staff-reception", Name: "reception", Role: intake.RoleReception}
	counsellor  = intake.Staff{ID: "staff-counsellor", Name: "counsellor", Role: intake.RoleCounsellor}
)

// conflictSetup makes two desks that edited field f of one person offline
// from the same version, synced, and returns them with the person's ID.
func conflictSetup(t *testing.T, c *testCentral, by intake.Staff, set func(*intake.Person, string)) (a, b *store.Store, id string) {
	t.Helper()
	ctx := context.Background()
	a, b = enrolledDesk(t, c), enrolledDesk(t, c)
	id = savePersons(t, a, 1)[0]
	syncDesk(t, a)
	syncDesk(t, b)
	edit := func(d *store.Store, v string) {
		t.Helper()
		p, vers, err := d.Person(ctx, by, id)
		if err != nil {
			t.Fatal(err)
		}
		set(&p, v)
		if _, _, err := d.SavePerson(ctx, by, p, vers); err != nil {
			t.Fatal(err)
		}
	}
	edit(a, "Testperson Alpha")
	edit(b, "Testperson Alfa")
	syncDesk(t, a)
	syncDesk(t, b)
	syncDesk(t, a)
	return a, b, id
}

func setGiven(p *intake.Person, v string)  { p.GivenNames = v }
func setHealth(p *intake.Person, v string) { p.HealthNotes = v }

func onlyConflict(t *testing.T, d *store.Store, by intake.Staff) store.FieldConflict {
	t.Helper()
	cs, err := d.Conflicts(context.Background(), by)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 {
		t.Fatalf("want one conflict, got %+v", cs)
	}
	return cs[0]
}

// TestResolveConflictEverywhere: a decision at desk A closes the conflict
// at A, at B and at a desk that learns everything from the central only;
// every desk shows the chosen value and History keeps both old values.
func TestResolveConflictEverywhere(t *testing.T) {
	cases := []struct {
		name   string
		choose func(store.FieldConflict) string
	}{
		{"keep the first", func(c store.FieldConflict) string { return c.Versions[0].Value }},
		{"keep the second", func(c store.FieldConflict) string { return c.Versions[1].Value }},
		{"a new value", func(store.FieldConflict) string { return "Testperson Alpha-Alfa" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			c := startCentral(t, nil)
			a, b, id := conflictSetup(t, c, admin, setGiven)
			conflict := onlyConflict(t, a, admin)
			if !strings.HasPrefix(conflict.Person, "Velindor0 Testperson") {
				t.Fatalf("conflict names the person %q", conflict.Person)
			}
			if conflict.Versions[0].StaffName != "" {
				t.Fatalf("a staff member this desk does not know got a name: %+v", conflict.Versions[0])
			}
			want := tc.choose(conflict)
			if err := a.ResolveConflict(ctx, admin, conflict, want); err != nil {
				t.Fatalf("resolve: %v", err)
			}
			checkAudited(t, a, id)
			syncDesk(t, a)
			syncDesk(t, b)
			fresh := enrolledDesk(t, c)
			syncDesk(t, fresh)
			for name, d := range map[string]*store.Store{"A": a, "B": b, "central (new desk)": fresh} {
				checkResolved(t, name, d, id, want)
			}
		})
	}
}

func checkAudited(t *testing.T, d *store.Store, id string) {
	t.Helper()
	rows, err := d.Audit(context.Background(), admin, id, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Action != store.ActionResolve || rows[0].Event == "" {
		t.Fatalf("decision not audited: %+v", rows)
	}
}

func checkResolved(t *testing.T, name string, d *store.Store, id, want string) {
	t.Helper()
	ctx := context.Background()
	if cs, err := d.Conflicts(ctx, admin); err != nil || len(cs) != 0 {
		t.Fatalf("desk %s: conflict still open: %+v %v", name, cs, err)
	}
	p, _, err := d.Person(ctx, admin, id)
	if err != nil {
		t.Fatal(err)
	}
	if p.GivenNames != want {
		t.Fatalf("desk %s shows %q, want %q", name, p.GivenNames, want)
	}
	evs, err := d.History(ctx, admin, id)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, ev := range evs {
		for _, ch := range ev.Changes {
			if ch.Field == intake.FieldGivenNames {
				seen[ch.Value] = true
			}
		}
	}
	if !seen["Testperson Alpha"] || !seen["Testperson Alfa"] {
		t.Fatalf("desk %s lost a value from History: %v", name, seen)
	}
}

// TestResolveConflictRoles: only a role that may write the field decides;
// a refused decision writes nothing and the conflict stays open.
func TestResolveConflictRoles(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	a, _, _ := conflictSetup(t, c, healthStaff, setHealth)
	conflict := onlyConflict(t, a, healthStaff)
	if cs, err := a.Conflicts(ctx, admin); err != nil || len(cs) != 0 {
		t.Fatalf("an admin sees a health conflict: %+v %v", cs, err)
	}
	for _, by := range []intake.Staff{admin, reception, counsellor} {
		t.Run(string(by.Role), func(t *testing.T) {
			err := a.ResolveConflict(ctx, by, conflict, conflict.Versions[0].Value)
			if !errors.Is(err, store.ErrForbidden) {
				t.Fatalf("want forbidden, got %v", err)
			}
			onlyConflict(t, a, healthStaff)
		})
	}
	t.Run("health", func(t *testing.T) {
		if err := a.ResolveConflict(ctx, healthStaff, conflict, conflict.Versions[1].Value); err != nil {
			t.Fatal(err)
		}
		if cs, err := a.Conflicts(ctx, healthStaff); err != nil || len(cs) != 0 {
			t.Fatalf("still open: %+v %v", cs, err)
		}
	})
}

// TestResolveConflictRefusals: a new value is validated like a form's,
// and a conflict that does not match the log is refused.
func TestResolveConflictRefusals(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	a, _, _ := conflictSetup(t, c, admin, setGiven)
	conflict := onlyConflict(t, a, admin)
	forged := conflict
	forged.Versions = []store.ConflictVersion{conflict.Versions[0], conflict.Versions[1]}
	forged.Versions[1].Value = "Testperson Beta"
	cases := []struct {
		name  string
		c     store.FieldConflict
		value string
		want  func(error) bool
	}{
		{"name too long", conflict, strings.Repeat("x", intake.MaxNameLen+1), func(err error) bool { var ve *store.ValidationError; return errors.As(err, &ve) }},
		{"forged version", forged, "Testperson Beta", func(err error) bool { return errors.Is(err, store.ErrInvalid) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := a.ResolveConflict(ctx, admin, tc.c, tc.value); !tc.want(err) {
				t.Fatalf("got %v", err)
			}
			onlyConflict(t, a, admin)
		})
	}
}
