package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/i18n"
	"accueil/intake"
	"accueil/store"
)

// testToday pins the desk's date so lists and validation are repeatable.
var testToday = intake.MustDate("2026-11-23")

const testPassword = "correct horse battery"

// fixture is a desk on a real SQLite file in a temporary folder, drawn by
// Fyne's test driver.
type fixture struct {
	t     *testing.T
	store *store.Store
	desk  *Desk
	win   fyne.Window
}

func newFixture(t *testing.T, lang language.Tag) *fixture {
	t.Helper()
	test.NewTempApp(t)
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(1200, 800))
	d := NewDesk(win, st, cat, Options{Language: lang, Today: func() intake.Date { return testToday }})
	return &fixture{t: t, store: st, desk: d, win: win}
}

// staff creates an account and logs it in through the login screen.
func (f *fixture) loginAs(name string, role intake.Role) {
	f.t.Helper()
	ctx := context.Background()
	if has, _ := f.store.HasStaff(ctx); !has {
		if _, err := f.store.CreateStaff(ctx, nil, "admin", testPassword, intake.RoleAdmin); err != nil {
			f.t.Fatal(err)
		}
	}
	admin, err := f.store.Authenticate(ctx, "admin", testPassword)
	if err != nil {
		f.t.Fatal(err)
	}
	if name != "admin" {
		if _, err := f.store.CreateStaff(ctx, &admin, name, testPassword, role); err != nil {
			f.t.Fatal(err)
		}
	}
	f.desk.Start()
	if f.desk.Login == nil {
		f.t.Fatal("login screen not shown")
	}
	test.Type(f.desk.Login.Name, name)
	test.Type(f.desk.Login.Password, testPassword)
	test.Tap(f.desk.Login.Submit)
	waitAuth(f.t, f.desk)
	if f.desk.Home == nil {
		f.t.Fatalf("home not shown after login; error: %q", f.desk.Login.Error.Text)
	}
}

// typeInto replaces the text of an entry as a person typing would.
func typeInto(e *keyEntry, s string) {
	e.SetText("")
	test.Type(e, s)
}

// fillArrival types a new arrival into the open form.
func fillArrival(f *PersonForm, surname, given, dob, nat, n string) {
	typeInto(f.Surname, surname)
	typeInto(f.GivenNames, given)
	typeInto(f.BirthDate, dob)
	typeInto(f.Nationality, nat)
	typeInto(f.NNumber, n)
}

func TestFirstStartCreatesAdmin(t *testing.T) {
	f := newFixture(t, language.French)
	f.desk.Start()
	s := f.desk.FirstRun
	if s == nil {
		t.Fatal("an empty database must ask for the first administrator")
	}
	test.Type(s.Name, "admin")
	test.Type(s.Password, "short")
	test.Type(s.Confirm, "short")
	test.Tap(s.Submit)
	if !strings.Contains(s.Error.Text, "10") {
		t.Fatalf("short password: error %q should name the minimum length", s.Error.Text)
	}
	typeInto(s.Password, testPassword)
	typeInto(s.Confirm, testPassword)
	test.Tap(s.Submit)
	if f.desk.Home == nil || f.desk.Staff() == nil || f.desk.Staff().Role != intake.RoleAdmin {
		t.Fatal("after creating the admin the desk should be logged in on the home screen")
	}
	if has, _ := f.store.HasStaff(context.Background()); !has {
		t.Fatal("no account stored")
	}
}

func TestLoginRefusesWrongPassword(t *testing.T) {
	f := newFixture(t, language.German)
	if _, err := f.store.CreateStaff(context.Background(), nil, "admin", testPassword, intake.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	f.desk.Start()
	test.Type(f.desk.Login.Name, "admin")
	test.Type(f.desk.Login.Password, "wrong password!")
	test.Tap(f.desk.Login.Submit)
	waitAuth(t, f.desk)
	if f.desk.Home != nil {
		t.Fatal("logged in with a wrong password")
	}
	want := f.desk.Localizer().S("login.error.bad")
	if f.desk.Login.Error.Text != want || strings.HasPrefix(want, "[") {
		t.Fatalf("error %q, want the German message %q", f.desk.Login.Error.Text, want)
	}
	if f.desk.Login.Password.Text != "" {
		t.Fatal("the password field must be cleared after a failed login")
	}
}

// TestShortcutsReachTheDeskFromAFocusedField: an Entry swallows shortcuts
// it does not know; the desk's must still work while typing.
func TestShortcutsReachTheDeskFromAFocusedField(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	f.win.Canvas().Focus(f.desk.Home.Search)
	ctrl := fyne.KeyModifierShortcutDefault
	f.desk.Home.Search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl})
	if f.desk.Form == nil {
		t.Fatal("Ctrl+N in the search field did not open a new arrival")
	}
	typeInto(f.desk.Form.Surname, "Testari")
	typeInto(f.desk.Form.BirthDate, "01.02.1990")
	f.desk.Form.Surname.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl})
	if f.desk.Form == nil || f.desk.Form.Person().ID == "" {
		t.Fatal("Ctrl+S in a form field did not save")
	}
	f.desk.Form.Surname.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl})
	if f.desk.Home == nil || f.win.Canvas().Focused() != f.desk.Home.Search {
		t.Fatal("Ctrl+F did not go to the search field")
	}
}

func TestSyncLineSaysWhatWaits(t *testing.T) {
	f := newFixture(t, language.French)
	f.loginAs("desk1", intake.RoleReception)
	f.desk.ShowSync(SyncState{Online: false, Waiting: 3})
	offline := f.desk.syncLine.Text.Text
	if !strings.Contains(offline, "3") || strings.HasPrefix(offline, "[") {
		t.Fatalf("offline line %q should count the waiting changes in French", offline)
	}
	f.desk.ShowSync(SyncState{Online: true, LastSync: time.Date(2026, 11, 23, 9, 41, 0, 0, time.UTC), ClockSkew: 42 * time.Second})
	online := f.desk.syncLine.Text.Text
	if online == offline || !strings.Contains(online, "09:41") || !strings.Contains(online, "42") {
		t.Fatalf("online line %q should give the time and warn about the clock", online)
	}
	f.desk.SetLanguage(language.German)
	if f.desk.syncLine.Text.Text == online {
		t.Fatal("the sync line did not follow the language switch")
	}
	saved := 0
	f.desk.opts.OnSaved = func() { saved++ }
	saveViaForm(t, f, "Testari", "Yonas", "12.05.1993", "ER", "")
	if saved != 1 {
		t.Fatalf("OnSaved called %d times after one save", saved)
	}
}

// waitAuth waits until the login or unlock tapped last has been checked:
// the password check runs off the UI goroutine.
func waitAuth(t *testing.T, d *Desk) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for d.Authenticating() {
		if time.Now().After(deadline) {
			t.Fatal("login not checked within 10 s")
		}
		time.Sleep(2 * time.Millisecond)
	}
}
