package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/intake"
)

func TestNewArrivalIsSavedListedAndFound(t *testing.T) {
	f := newFixture(t, language.French)
	f.loginAs("desk1", intake.RoleReception)
	test.Tap(f.desk.Home.New)
	form := f.desk.Form
	if form == nil {
		t.Fatal("New arrival did not open the form")
	}
	fillArrival(form, "Testowa", "Oleksandra", "14.02.1990", "UA", "N 900.001/1")
	typeInto(form.SurnameOriginal, "Тестова")
	typeInto(form.GivenNamesOriginal, "Олександра")
	test.Tap(form.SaveButton)
	if f.desk.Form == nil || f.desk.Form.Person().ID == "" {
		t.Fatalf("not saved; problems: %q", form.Problems.Text)
	}
	saved := f.desk.Form.Person()
	if !strings.Contains(f.desk.status.Text, "Testowa") {
		t.Errorf("status %q should confirm the save", f.desk.status.Text)
	}

	f.desk.showHome()
	rows := f.desk.Home.Rows()
	if len(rows) != 1 || rows[0].ID != saved.ID {
		t.Fatalf("today's arrivals = %v, want the new file", rows)
	}
	for _, q := range []string{"testo", "олекс", "aleksandra", "N9000011", "14.02.1990"} {
		typeInto(f.desk.Home.Search, q)
		if got := f.desk.Home.Rows(); len(got) != 1 || got[0].ID != saved.ID {
			t.Errorf("search %q found %d rows, want the new file", q, len(got))
		}
	}
}

func TestInvalidInputIsExplainedAndNothingSaved(t *testing.T) {
	f := newFixture(t, language.French)
	f.loginAs("desk1", intake.RoleReception)
	f.desk.newArrival()
	form := f.desk.Form
	fillArrival(form, "Testperson", "Amina", "31.02.1990", "ER", "")
	form.Save()
	if form.Person().ID != "" {
		t.Fatal("an impossible date was saved")
	}
	if !strings.Contains(form.Problems.Text, "31.02.1990") || strings.Contains(form.Problems.Text, "[") {
		t.Fatalf("problem text %q should quote the bad date in French", form.Problems.Text)
	}
	if f.desk.win.Canvas().Focused() != form.BirthDate {
		t.Error("focus should move to the wrong field")
	}
	typeInto(form.BirthDate, "01.01.2090")
	form.Save()
	if form.Person().ID != "" || !strings.Contains(form.Problems.Text, f.desk.loc.S(intake.MsgDateFuture)) {
		t.Fatalf("a birth date in the future: problems %q", form.Problems.Text)
	}
	typeInto(form.BirthDate, "01.01.1990")
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent(strings.Repeat("x", 10<<20)) // a pasted 10 MB document
	form.Surname.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if form.Surname.Text != "Testperson" || !strings.Contains(form.Problems.Text, "200") {
		t.Fatalf("a 10 MB paste: surname now %d chars, problems %q", len(form.Surname.Text), form.Problems.Text)
	}
	if n, _ := f.store.Count(context.Background()); n != 0 {
		t.Fatalf("%d persons stored after refused saves", n)
	}
}

func TestDuplicateIsFlaggedBeforeSaving(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	first := saveViaForm(t, f, "Testman", "Mohammed", "01.01.1995", "AF", "N 900 002")

	// Same N number written differently: the staff must be asked.
	f.desk.newArrival()
	fillArrival(f.desk.Form, "Testmann", "Muhammad", "01.01.1995", "AF", "n900.002")
	f.desk.Form.Save()
	dd := f.desk.Form.Duplicates
	if dd == nil || len(dd.Open) != 1 {
		t.Fatal("no duplicate dialog for a file with the same N number")
	}
	test.Tap(dd.Open[0])
	if f.desk.Form == nil || f.desk.Form.Person().ID != first.ID {
		t.Fatal("'same person' should open the existing file")
	}
	if n, _ := f.store.Count(context.Background()); n != 1 {
		t.Fatalf("%d files after choosing 'same person', want 1", n)
	}

	// Similar name and birth date, no number: a different person this time.
	f.desk.newArrival()
	fillArrival(f.desk.Form, "Testman", "Mohamad", "03.01.1995", "AF", "")
	f.desk.Form.Save()
	dd = f.desk.Form.Duplicates
	if dd == nil {
		t.Fatal("no duplicate dialog for a similar name with a close birth date")
	}
	test.Tap(dd.Different)
	second := f.desk.Form.Person()
	if second.ID == "" || second.ID == first.ID {
		t.Fatal("'different person' should save a new file")
	}
	cands, err := f.store.Duplicates(context.Background(), *f.desk.staff, second)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) != 0 {
		t.Fatalf("a pair marked distinct is asked again: %v", cands)
	}
}

func saveViaForm(t *testing.T, f *fixture, surname, given, dob, nat, n string) intake.Person {
	t.Helper()
	f.desk.newArrival()
	fillArrival(f.desk.Form, surname, given, dob, nat, n)
	f.desk.Form.Save()
	p := f.desk.Form.Person()
	if p.ID == "" {
		t.Fatalf("save failed: %q", f.desk.Form.Problems.Text)
	}
	return p
}

func TestHealthNotesHiddenFromReception(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("nurse", intake.RoleHealth)
	p := saveViaForm(t, f, "Testova", "Daria", "05.05.1988", "UA", "")
	f.desk.openPerson(p.ID)
	typeInto(f.desk.Form.Health, "synthetic handover note")
	f.desk.Form.Save()

	f.desk.Logout()
	f.loginAs("desk1", intake.RoleReception)
	f.desk.openPerson(p.ID)
	if f.desk.Form.Health != nil {
		t.Fatal("reception sees the health notes field")
	}
	typeInto(f.desk.Form.Dietary, "vegetarian")
	f.desk.Form.Save()
	nurse, err := f.store.Authenticate(context.Background(), "nurse", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := f.store.Person(context.Background(), nurse, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.HealthNotes != "synthetic handover note" || got.DietaryNeeds != "vegetarian" {
		t.Fatalf("after a reception save: health %q, dietary %q", got.HealthNotes, got.DietaryNeeds)
	}
}

func TestLanguageSwitchRebuildsScreen(t *testing.T) {
	f := newFixture(t, language.French)
	f.loginAs("desk1", intake.RoleReception)
	fr := f.desk.Home.New.Text
	f.desk.SetLanguage(language.German)
	de := f.desk.Home.New.Text
	if fr == de || strings.HasPrefix(de, "[") {
		t.Fatalf("button text %q → %q: switching language did not translate", fr, de)
	}
	if f.desk.Staff() == nil {
		t.Fatal("switching language logged the staff out")
	}
}

func TestEscapeAsksBeforeDiscarding(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	f.desk.newArrival()
	f.desk.Form.Surname.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.desk.Home == nil {
		t.Fatal("Esc on an untouched form should go back to the lists")
	}
	f.desk.newArrival()
	test.Type(f.desk.Form.Surname, "Typed")
	f.desk.Form.Surname.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.desk.Form == nil {
		t.Fatal("Esc discarded typed text without asking")
	}
	if len(f.win.Canvas().Overlays().List()) == 0 {
		t.Fatal("no confirmation shown")
	}
}

func TestHouseholdAddsPrefilledMember(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	head := saveViaForm(t, f, "Testiyo", "Hodan", "02.03.1985", "SO", "")
	f.desk.openPerson(head.ID)
	test.Tap(f.desk.Form.HouseholdButton)
	h := f.desk.House
	if h == nil || len(h.MemberRows()) != 1 {
		t.Fatal("household screen should show the reference person")
	}
	test.Tap(h.AddMember)
	form := f.desk.Form
	if form.Surname.Text != "Testiyo" || form.Nationality.Text != "SO" {
		t.Fatalf("new member not prefilled: %q %q", form.Surname.Text, form.Nationality.Text)
	}
	typeInto(form.GivenNames, "Ayaan")
	typeInto(form.BirthDate, "10.10.2015")
	form.Relation.SetValue(string(intake.RelationChild))
	form.Save()
	if f.desk.Form.Person().ID == "" {
		t.Fatalf("member not saved: %q", form.Problems.Text)
	}
	ctx := context.Background()
	reloaded, _, err := f.store.Person(ctx, *f.desk.staff, head.ID)
	if err != nil || reloaded.HouseholdID == "" {
		t.Fatalf("the reference person has no household: %v", err)
	}
	_, members, err := f.store.Household(ctx, *f.desk.staff, reloaded.HouseholdID)
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 2 {
		t.Fatalf("household has %d members, want 2", len(members))
	}
}

func TestMergeKeepsBothHistories(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	ctx := context.Background()
	staff := *f.desk.staff
	a, _, err := f.store.SavePerson(ctx, staff, intake.Person{Surname: "Testari", GivenNames: "Yonas", BirthDate: intake.MustDate("1993-05-12"), Nationality: "ER"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := f.store.SavePerson(ctx, staff, intake.Person{Surname: "Testary", GivenNames: "Yonas", BirthDate: intake.MustDate("1993-05-12"), Nationality: "ER", NNumber: "N 901 009"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.desk.openPerson(a.ID)
	test.Tap(f.desk.Form.DuplicatesButton)
	dd := f.desk.Form.Duplicates
	if dd == nil || len(dd.Merge) != 1 {
		t.Fatal("no merge offered for a likely duplicate")
	}
	test.Tap(dd.Merge[0])
	if len(f.win.Canvas().Overlays().List()) < 2 {
		t.Fatal("merging must be confirmed")
	}
	f.desk.Form.merge(dd, b.ID)
	kept, _, err := f.store.Person(ctx, staff, a.ID)
	if err != nil || kept.NNumber != "N 901 009" {
		t.Fatalf("kept file = %+v (%v): the empty N number should come from the merged file", kept, err)
	}
	events, err := f.store.History(ctx, staff, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range events {
		seen[e.EntityID] = true
	}
	if !seen[a.ID] || !seen[b.ID] {
		t.Fatalf("history of the kept file covers %v, want both files", seen)
	}
	if got, _ := f.store.Search(ctx, staff, "N901009", 10); len(got) != 1 || got[0].ID != a.ID {
		t.Fatalf("searching the merged file's number found %v", got)
	}
}
