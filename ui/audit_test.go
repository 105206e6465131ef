package ui

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/intake"
	"accueil/store"
)

func TestAdminReadsFiltersExportsAndChecksTheAudit(t *testing.T) {
	f := newFixture(t, language.French)
	f.loginAs("admin", intake.RoleAdmin)
	ctx := context.Background()
	boss := *f.desk.staff
	desk1, err := f.store.CreateStaff(ctx, &boss, "desk1", testPassword, intake.RoleReception)
	if err != nil {
		t.Fatal(err)
	}
	alpha, _, err := f.store.SavePerson(ctx, desk1, intake.Person{Surname: "Testperson", GivenNames: "Alpha", Nationality: "SY"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.store.SavePerson(ctx, desk1, intake.Person{Surname: "Muster", GivenNames: "Beta", Nationality: "ER"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.store.Person(ctx, desk1, alpha.ID); err != nil {
		t.Fatal(err)
	}

	test.Tap(f.desk.Home.Audit) // the menu of occasional screens
	menuItem(t, f, "home.audit").Action()
	a := f.desk.Audit
	if a == nil {
		t.Fatal("no audit screen for an administrator")
	}
	if len(a.Rows()) < 5 {
		t.Fatalf("unfiltered audit lists %d rows", len(a.Rows()))
	}

	t.Run("by person", func(t *testing.T) {
		test.Type(a.PersonSearch, "Testperson")
		test.Tap(a.Apply)
		if len(a.Rows()) != 2 { // created, opened
			t.Fatalf("rows of the file: %d, want 2: %+v", len(a.Rows()), a.Rows())
		}
		for _, e := range a.Rows() {
			if e.EntityID != alpha.ID {
				t.Errorf("row of another file: %+v", e)
			}
		}
		if line := f.desk.auditLine(a, a.Rows()[0]); !strings.Contains(line, "desk1") || !strings.Contains(line, "Dossier consulté") {
			t.Errorf("list line %q lacks the staff name or the translated action", line)
		}
		typeInto(a.PersonSearch, "")
		test.Tap(a.Apply)
	})
	t.Run("by staff", func(t *testing.T) {
		a.Staff.SetValue(desk1.ID)
		test.Tap(a.Apply)
		if len(a.Rows()) != 3 {
			t.Errorf("rows of desk1: %d, want 3", len(a.Rows()))
		}
		a.Staff.SetValue("")
	})
	t.Run("period", func(t *testing.T) {
		typeInto(a.From, "31.02.2026")
		test.Tap(a.Apply)
		if !strings.Contains(a.Error.Text, "31.02.2026") {
			t.Errorf("an impossible date is not refused: %q", a.Error.Text)
		}
		typeInto(a.From, "02.01.2020")
		typeInto(a.To, "01.01.2020")
		test.Tap(a.Apply)
		if a.Error.Text == "" {
			t.Error("a period ending before it starts is not refused")
		}
		typeInto(a.To, "01.01.2021")
		test.Tap(a.Apply)
		if a.Error.Text != "" || len(a.Rows()) != 0 {
			t.Errorf("a period in the past: error %q, %d rows", a.Error.Text, len(a.Rows()))
		}
		typeInto(a.From, "")
		typeInto(a.To, "")
		test.Tap(a.Apply)
	})
	t.Run("export", func(t *testing.T) {
		var buf bytes.Buffer
		if err := a.ExportCSV(f.desk, &buf); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil || len(recs) != len(a.Rows())+1 || recs[0][0] != "time" {
			t.Fatalf("export: %d records (%v), want a header and %d rows", len(recs), err, len(a.Rows()))
		}
		got, err := f.store.AuditQuery(ctx, boss, store.AuditQuery{Actions: []store.Action{store.ActionAuditExport}})
		if err != nil || len(got) != 1 {
			t.Errorf("the export was not audited: %v, %v", got, err)
		}
	})
	t.Run("integrity", func(t *testing.T) {
		test.Tap(a.Verify)
		if !strings.Contains(a.Result.Text, "intact") {
			t.Errorf("check result %q", a.Result.Text)
		}
	})
}

func TestReceptionHasNoAuditScreen(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	if f.desk.Home.Audit.Visible() {
		t.Error("reception sees the audit button")
	}
	f.desk.showAudit()
	if f.desk.Audit != nil {
		t.Error("reception reached the audit screen")
	}
}

// menuItem finds the entry of the lists' "More" menu labelled by the
// message id.
func menuItem(t *testing.T, f *fixture, id string) *fyne.MenuItem {
	t.Helper()
	want := f.desk.Localizer().S(id)
	for _, it := range f.desk.SecurityMenu().Items {
		if it.Label == want {
			return it
		}
	}
	t.Fatalf("no %q in the menu", want)
	return nil
}

// The lists' menu holds what each role may open, and nothing else.
func TestMoreMenuByRole(t *testing.T) {
	for _, tc := range []struct {
		role intake.Role
		want []string
	}{
		{intake.RoleAdmin, []string{"home.staff", "home.audit", "home.statistics", "home.retention"}},
		{intake.RoleReception, nil},
	} {
		t.Run(string(tc.role), func(t *testing.T) {
			f := newFixture(t, language.French)
			f.loginAs("someone", tc.role)
			var got []string
			for _, it := range f.desk.SecurityMenu().Items {
				got = append(got, it.Label)
			}
			var want []string
			for _, id := range tc.want {
				want = append(want, f.desk.Localizer().S(id))
			}
			if !slices.Equal(got, want) {
				t.Fatalf("menu %q, want %q", got, want)
			}
			if (len(want) > 0) != f.desk.Home.Audit.Visible() {
				t.Fatalf("menu button visible = %v with %d entries", f.desk.Home.Audit.Visible(), len(want))
			}
		})
	}
}
