package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/intake"
)

func TestStatisticsRoleSeesOnlyCounts(t *testing.T) {
	f := newFixture(t, language.German)
	ctx := context.Background()
	if _, err := f.store.CreateStaff(ctx, nil, "admin", testPassword, intake.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	boss, err := f.store.Authenticate(ctx, "admin", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, nat := range []string{"SY", "ER", "ER"} {
		p := intake.Person{Surname: "Testperson", GivenNames: "Alpha", Nationality: nat, Status: intake.StatusArrived}
		if _, _, err := f.store.SavePerson(ctx, boss, p, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.store.CreateStaff(ctx, &boss, "zahlen", testPassword, intake.RoleStatistics); err != nil {
		t.Fatal(err)
	}
	f.desk.Start()
	test.Type(f.desk.Login.Name, "zahlen")
	test.Type(f.desk.Login.Password, testPassword)
	test.Tap(f.desk.Login.Submit)
	waitAuth(t, f.desk)
	s := f.desk.Statistics()
	if s == nil || f.desk.Home != nil {
		t.Fatalf("the statistics role is not on the statistics screen (home %v)", f.desk.Home != nil)
	}
	if !strings.Contains(s.Total.Text, "3") || !strings.Contains(s.Tables["stats.by_nationality"].Text, "ER: 2") {
		t.Errorf("counts: %q / %q", s.Total.Text, s.Tables["stats.by_nationality"].Text)
	}
	if !strings.Contains(s.Tables["stats.by_status"].Text, "Angekommen: 3") && !strings.Contains(s.Tables["stats.by_status"].Text, ": 3") {
		t.Errorf("status counts: %q", s.Tables["stats.by_status"].Text)
	}
	if s.Back.Visible() {
		t.Error("the statistics role has a way back to the lists")
	}
	if strings.Contains(s.Total.Text+s.Tables["stats.by_nationality"].Text, "Testperson") {
		t.Error("a name on the statistics screen")
	}
	// The return-counselling figures are a tap away, and name nobody.
	if !s.Counselling.Visible() {
		t.Fatal("no way to the counselling statistics")
	}
	test.Tap(s.Counselling)
	if f.desk.Stats == nil {
		t.Fatal("the statistics role did not reach the counselling statistics")
	}
}

func TestMonthLabel(t *testing.T) {
	for in, want := range map[string]string{"2024-12": "12.2024", "2026-01": "01.2026", "": "", "unknown": "unknown"} {
		if got := monthLabel(in); got != want {
			t.Errorf("monthLabel(%q) = %q, want %q", in, got, want)
		}
	}
}
