package ui

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/intake"
	"accueil/store"
)

func TestAdminAddsAndDisablesAccounts(t *testing.T) {
	f := newFixture(t, language.French)
	f.loginAs("admin", intake.RoleAdmin)
	test.Tap(f.desk.Home.Staff)
	s := f.desk.StaffAdmin
	if s == nil {
		t.Fatal("no staff screen for an administrator")
	}
	test.Type(s.Name, "desk2")
	s.Role.SetValue(string(intake.RoleCounsellor))
	test.Type(s.Password, testPassword)
	test.Type(s.Confirm, testPassword)
	test.Tap(s.Add)
	ctx := context.Background()
	got, err := f.store.Authenticate(ctx, "desk2", testPassword)
	if err != nil || got.Role != intake.RoleCounsellor {
		t.Fatalf("new account: %+v, %v", got, err)
	}
	if len(s.Accounts()) != 2 {
		t.Fatalf("%d accounts listed, want 2", len(s.Accounts()))
	}
	for _, a := range s.Accounts() {
		if a.Name == "desk2" {
			f.desk.toggleStaff(s, a)
		}
	}
	if _, err := f.store.Authenticate(ctx, "desk2", testPassword); !errors.Is(err, store.ErrBadLogin) {
		t.Fatalf("a disabled account logged in: %v", err)
	}
}

func TestReceptionCannotManageStaff(t *testing.T) {
	f := newFixture(t, language.French)
	f.loginAs("desk1", intake.RoleReception)
	if f.desk.Home.Staff.Visible() {
		t.Fatal("reception sees the staff accounts button")
	}
	if _, err := f.store.ListStaff(context.Background(), *f.desk.staff); !errors.Is(err, store.ErrForbidden) {
		t.Fatalf("reception listed staff: %v", err)
	}
}

func TestCheckInTurnsExpectedIntoArrival(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	ctx := context.Background()
	if _, err := f.store.Import(ctx, *f.desk.staff, "list", []intake.Person{{Surname: "Testova", GivenNames: "Iryna", Nationality: "UA"}}, nil); err != nil {
		t.Fatal(err)
	}
	expected, _, err := f.store.List(ctx, *f.desk.staff, store.ListExpected, testToday, 10, 0)
	if err != nil || len(expected) != 1 {
		t.Fatalf("expected = %v, %v", expected, err)
	}
	f.desk.openPerson(expected[0].ID)
	test.Tap(f.desk.Form.CheckInButton)
	today, _, err := f.store.List(ctx, *f.desk.staff, store.ListArrivedToday, testToday, 10, 0)
	if err != nil || len(today) != 1 || today[0].ID != expected[0].ID {
		t.Fatalf("today's arrivals after check-in = %v (%v)", today, err)
	}
}
