package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/intake"
)

// idleClock pins the desk's idle clock.
type idleClock struct{ t time.Time }

func (c *idleClock) now() time.Time { return c.t }

func withIdleClock(d *Desk, idle time.Duration) *idleClock {
	c := &idleClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	d.sec.now = c.now
	d.initLock()
	d.sec.idle = idle
	return c
}

func TestIdleDeskLocksAndKeepsTheForm(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	clock := withIdleClock(f.desk, 2*time.Minute)
	f.desk.newArrival()
	typeInto(f.desk.Form.Surname, "Testperson")
	f.desk.CheckIdle()

	clock.t = clock.t.Add(90 * time.Second)
	f.win.Canvas().Focus(f.desk.Form.GivenNames)
	f.desk.CheckIdle() // moving to another field is use
	clock.t = clock.t.Add(30 * time.Second)
	test.Type(f.desk.Form.GivenNames, "Alpha") // and so is typing
	f.desk.CheckIdle()
	clock.t = clock.t.Add(119 * time.Second)
	f.desk.CheckIdle()
	if f.desk.Locked() {
		t.Fatal("locked 119 s after the last keystroke, with a 2 min idle time")
	}
	dialog.ShowInformation("Testperson", "Testperson Alpha", f.win)
	f.desk.CheckIdle() // a dialog opening is use
	clock.t = clock.t.Add(2 * time.Minute)
	f.desk.CheckIdle()
	if !f.desk.Locked() || f.desk.LockScreen() == nil {
		t.Fatal("not locked after 2 min without use")
	}
	if f.desk.Staff() != nil {
		t.Fatal("a locked desk still has a staff member")
	}
	// While locked, shortcuts do nothing.
	f.desk.onShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})

	l := f.desk.LockScreen()
	test.Type(l.Password, "wrong password!")
	test.Tap(l.Unlock)
	waitAuth(t, f.desk)
	if !f.desk.Locked() || l.Error.Text == "" {
		t.Fatal("a wrong password unlocked the desk")
	}
	test.Type(l.Password, testPassword)
	test.Tap(l.Unlock)
	waitAuth(t, f.desk)
	if f.desk.Locked() || f.desk.Form == nil {
		t.Fatalf("not back to the form after unlocking: %q", l.Error.Text)
	}
	if f.desk.Form.Surname.Text != "Testperson" || f.desk.Form.GivenNames.Text != "Alpha" {
		t.Errorf("typed text lost: %q %q", f.desk.Form.Surname.Text, f.desk.Form.GivenNames.Text)
	}
	if len(f.win.Canvas().Overlays().List()) != 1 {
		t.Error("the dialog open before the lock is not back")
	}
	if f.win.Content() != f.desk.sec.work.content {
		t.Error("the form's screen is not the one shown before the lock")
	}
}

func TestCtrlLLocksAndAnotherPersonLogsIn(t *testing.T) {
	f := newFixture(t, language.French)
	f.loginAs("desk1", intake.RoleReception)
	ctx := context.Background()
	boss, err := f.store.Authenticate(ctx, "admin", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.CreateStaff(ctx, &boss, "desk2", testPassword, intake.RoleCounsellor); err != nil {
		t.Fatal(err)
	}
	f.desk.newArrival()
	typeInto(f.desk.Form.Surname, "Testperson")
	dialog.ShowInformation("Testperson", "Testperson Alpha", f.win) // a dialog with personal data
	f.desk.Form.Surname.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault})
	if !f.desk.Locked() {
		t.Fatal("Ctrl+L did not lock the desk")
	}
	if n := len(f.win.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("%d dialogs still shown over the lock screen", n)
	}

	l := f.desk.LockScreen()
	test.Tap(l.Switch)
	test.Type(l.Name, "desk2")
	test.Type(l.Password, testPassword)
	test.Tap(l.Unlock)
	waitAuth(t, f.desk)
	if f.desk.Staff() == nil || f.desk.Staff().Name != "desk2" || f.desk.Home == nil {
		t.Fatalf("the other person is not at the lists: %+v, %q", f.desk.Staff(), l.Error.Text)
	}
	if !strings.Contains(f.desk.status.Text, "desk1") {
		t.Errorf("status %q does not say desk1's work was kept", f.desk.status.Text)
	}

	// desk2 locks with the button; desk1 comes back to the unsaved form.
	f.desk.LockNow()
	l = f.desk.LockScreen()
	test.Tap(l.Switch)
	test.Type(l.Name, "desk1")
	test.Type(l.Password, testPassword)
	test.Tap(l.Unlock)
	waitAuth(t, f.desk)
	if f.desk.Form == nil || f.desk.Form.Surname.Text != "Testperson" {
		t.Fatal("desk1's unsaved form is not back")
	}
}

func TestLoginSaysHowLongToWait(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	f.desk.Logout()
	for range 4 {
		test.Type(f.desk.Login.Name, "desk1")
		test.Type(f.desk.Login.Password, "wrong password!")
		test.Tap(f.desk.Login.Submit)
		waitAuth(t, f.desk)
		typeInto(f.desk.Login.Name, "")
	}
	if !strings.Contains(f.desk.Login.Error.Text, "Try again in") {
		t.Errorf("login error after repeated failures: %q", f.desk.Login.Error.Text)
	}
}
