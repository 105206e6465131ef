package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"accueil/intake"
	"accueil/store"
)

// elsewhere is a staff member of another desk, unknown to the desk tested.
var elsewhere = intake.Staff{ID: "staff-elsewhere", Name: "elsewhere", Role: intake.RoleReception}

// exchange hands each store's outbox to the other, as the central would:
// through ApplyRemote, the path of every pulled event.
func exchange(t *testing.T, a, b *store.Store) {
	t.Helper()
	ctx := context.Background()
	for _, pair := range [][2]*store.Store{{a, b}, {b, a}} {
		evs, err := pair[0].Outbox(ctx, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pair[1].ApplyRemote(ctx, evs); err != nil {
			t.Fatal(err)
		}
	}
}

// conflictOnDesk logs the fixture's desk in as admin and makes a conflict
// on a person's given names: the admin typed one value here, a staff
// member of another desk another, neither seeing the other's.
func conflictOnDesk(t *testing.T, f *fixture) string {
	t.Helper()
	ctx := context.Background()
	f.loginAs("admin", intake.RoleAdmin)
	me := *f.desk.Staff()
	other, err := store.Open(ctx, filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	// The other desk's first account makes its data key and unlocks it.
	if _, err := other.CreateStaff(ctx, nil, "otheradmin", "other-desk-password", intake.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	p, _, err := f.store.SavePerson(ctx, me, intake.Person{Surname: "Testperson", GivenNames: "Alpha",
		BirthDate: intake.MustDate("1990-04-12"), NNumber: "N 000 000 01"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	exchange(t, f.store, other)
	for _, e := range []struct {
		st    *store.Store
		by    intake.Staff
		given string
	}{{f.store, me, "Alpha Leyla"}, {other, elsewhere, "Alpha Layla"}} {
		q, vers, err := e.st.Person(ctx, e.by, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		q.GivenNames = e.given
		if _, _, err := e.st.SavePerson(ctx, e.by, q, vers); err != nil {
			t.Fatal(err)
		}
	}
	exchange(t, f.store, other)
	return p.ID
}

// waitCount counts the conflicts again and waits for the count to show.
func waitCount(t *testing.T, f *fixture) {
	t.Helper()
	done := make(chan struct{}, 1)
	f.desk.onCounted = func() { done <- struct{}{} }
	f.desk.countConflicts()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("conflicts not counted")
	}
}

// findButton looks for a visible button with text among o and its children.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
		return b
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		if b := findButton(c, text); b != nil {
			return b
		}
	}
	return nil
}

// answerDialog taps a button of the dialog on top of the window.
func answerDialog(t *testing.T, f *fixture, text string) {
	t.Helper()
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	b := findButton(top, text)
	if b == nil {
		t.Fatalf("dialog has no %q button", text)
	}
	test.Tap(b)
}

func openOnlyConflict(t *testing.T, f *fixture) *ConflictDetail {
	t.Helper()
	waitCount(t, f)
	test.Tap(f.desk.syncLine.Conflicts)
	s := f.desk.Conflicts
	if s == nil || len(s.Conflicts()) != 1 {
		t.Fatalf("conflict screen: %+v", s)
	}
	s.List.Select(0)
	if s.Detail == nil {
		t.Fatal("selecting the conflict did not open it")
	}
	return s.Detail
}

func TestConflictCountOnSyncLineAndHome(t *testing.T) {
	f := newFixture(t, language.French)
	conflictOnDesk(t, f)
	if f.desk.syncLine.Conflicts.Visible() {
		t.Fatal("count shown before it was made")
	}
	waitCount(t, f)
	for name, b := range map[string]*widget.Button{"sync line": f.desk.syncLine.Conflicts, "home": f.desk.Home.Conflicts} {
		if !b.Visible() || b.Text != "1 conflit à résoudre" {
			t.Fatalf("%s button: visible %v, %q", name, b.Visible(), b.Text)
		}
	}
	test.Tap(f.desk.Home.Conflicts)
	if f.desk.Conflicts == nil {
		t.Fatal("the home button did not open the conflicts")
	}
	if row := f.desk.conflictTitle(f.desk.Conflicts.Conflicts()[0]); !strings.Contains(row, "Testperson") || !strings.Contains(row, "Prénom") {
		t.Fatalf("row %q should name the person and the field in French", row)
	}
}

func TestConflictShowsBothVersions(t *testing.T) {
	f := newFixture(t, language.English)
	conflictOnDesk(t, f)
	dt := openOnlyConflict(t, f)
	if !dt.Explain.Visible() || !strings.Contains(dt.Explain.Text, "identifies the person") {
		t.Fatalf("identity field without its explanation: %q", dt.Explain.Text)
	}
	if len(dt.Keep) != 2 {
		t.Fatalf("%d keep buttons, want one per value", len(dt.Keep))
	}
	text := labels(f.win.Content())
	for _, want := range []string{"Alpha Leyla", "Alpha Layla", "Entered by admin", "Entered by another desk's staff member",
		"at this desk", "at another desk (", time.Now().Format("15:0")[:2]} {
		if !strings.Contains(text, want) {
			t.Errorf("screen lacks %q:\n%s", want, text)
		}
	}
	if f.win.Canvas().Focused() != dt.Keep[0] {
		t.Fatal("the first keep button should have the keyboard focus")
	}
	test.Tap(dt.Keep[0])
	if len(f.win.Canvas().Overlays().List()) != 1 {
		t.Fatal("keeping a value should ask for confirmation")
	}
	f.desk.escape()
	if f.desk.Conflicts == nil || f.desk.Conflicts.Detail != nil {
		t.Fatal("Escape should go back to the list")
	}
	if len(f.win.Canvas().Overlays().List()) != 0 || len(f.desk.Conflicts.Conflicts()) != 1 {
		t.Fatal("leaving the conflict should close its confirmation and decide nothing")
	}
	f.desk.escape()
	if f.desk.Home == nil {
		t.Fatal("Escape on the list should go home")
	}
}

// labels joins the text of every label under o.
func labels(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestResolveConflictFromScreen(t *testing.T) {
	cases := []struct {
		name   string
		choose func(f *fixture, dt *ConflictDetail)
		answer string
		want   string // given names after; "" when the conflict stays
	}{
		{"keep the other desk's", func(_ *fixture, dt *ConflictDetail) { test.Tap(dt.Keep[1]) }, "Confirm", "Alpha Layla"},
		{"keep this desk's", func(_ *fixture, dt *ConflictDetail) { test.Tap(dt.Keep[0]) }, "Confirm", "Alpha Leyla"},
		{"enter another", func(_ *fixture, dt *ConflictDetail) {
			test.Tap(dt.Enter)
			test.Type(dt.Value, "Alpha Leila")
			test.Tap(dt.Use)
		}, "Confirm", "Alpha Leila"},
		{"cancel", func(_ *fixture, dt *ConflictDetail) { test.Tap(dt.Keep[0]) }, "Cancel", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, language.English)
			id := conflictOnDesk(t, f)
			dt := openOnlyConflict(t, f)
			if dt.Keep[0].Text != "Keep this value" {
				t.Fatalf("keep button says %q", dt.Keep[0].Text)
			}
			tc.choose(f, dt)
			answerDialog(t, f, tc.answer)
			ctx := context.Background()
			cs, err := f.store.Conflicts(ctx, *f.desk.Staff())
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == "" {
				if len(cs) != 1 {
					t.Fatalf("cancelled, yet %d conflicts open", len(cs))
				}
				return
			}
			p, _, err := f.store.Person(ctx, *f.desk.Staff(), id)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != 0 || p.GivenNames != tc.want {
				t.Fatalf("after resolving: %d conflicts, given names %q, want %q", len(cs), p.GivenNames, tc.want)
			}
			if f.desk.Conflicts == nil || len(f.desk.Conflicts.Conflicts()) != 0 || !strings.Contains(f.desk.status.Text, "resolved") {
				t.Fatalf("screen after resolving: status %q", f.desk.status.Text)
			}
			if f.desk.syncLine.Conflicts.Visible() {
				t.Fatal("the sync line still offers conflicts")
			}
		})
	}
}

func TestFirstSyncProgress(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("admin", intake.RoleAdmin)
	l := f.desk.syncLine
	f.desk.ShowSyncProgress(SyncProgress{Received: 40, Total: 200})
	if l.Progress.Visible() {
		t.Fatal("a short pull should show no bar")
	}
	f.desk.ShowSyncProgress(SyncProgress{Received: 12400, Total: 100000})
	if !l.Progress.Visible() || l.Progress.Value != 12400 || l.Progress.Max != 100000 {
		t.Fatalf("bar: visible %v, %v of %v", l.Progress.Visible(), l.Progress.Value, l.Progress.Max)
	}
	if l.Text.Text != "Receiving 12,400 of 100,000 changes" {
		t.Fatalf("line says %q", l.Text.Text)
	}
	f.desk.SetLanguage(language.German)
	if !l.Progress.Visible() || !strings.Contains(l.Text.Text, "Änderungen") {
		t.Fatalf("after a language switch: %q", l.Text.Text)
	}
	test.Tap(f.desk.Home.New) // the desk stays usable meanwhile
	if f.desk.Form == nil {
		t.Fatal("the desk did not open a form during the sync")
	}
	f.desk.ShowSync(SyncState{Online: true, LastSync: time.Now()})
	if l.Progress.Visible() || strings.Contains(l.Text.Text, "100") {
		t.Fatalf("the bar stays after the sync: %q", l.Text.Text)
	}
}

// TestSyncRecountsConflicts: a sync that moved changes counts the
// conflicts again, and later ones within recountEvery wait their turn.
func TestSyncRecountsConflicts(t *testing.T) {
	f := newFixture(t, language.English)
	conflictOnDesk(t, f)
	done := make(chan struct{}, 4)
	f.desk.onCounted = func() { done <- struct{}{} }
	f.desk.ShowSync(SyncState{Online: true, LastSync: time.Now(), Changed: true})
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a sync that moved changes did not count conflicts")
	}
	if !f.desk.syncLine.Conflicts.Visible() || f.desk.syncLine.Conflicts.Text != "1 conflict to resolve" {
		t.Fatalf("sync line offers %q", f.desk.syncLine.Conflicts.Text)
	}
	gen := f.desk.countGen
	f.desk.ShowSync(SyncState{Online: true, LastSync: time.Now(), Changed: true})
	f.desk.ShowSync(SyncState{Online: true, LastSync: time.Now()})
	if f.desk.countGen != gen || !f.desk.syncLine.stale {
		t.Fatal("a second sync within recountEvery counted again at once")
	}
	f.desk.syncLine.counted = time.Now().Add(-recountEvery)
	f.desk.ShowSync(SyncState{Online: true, LastSync: time.Now()})
	if f.desk.countGen == gen {
		t.Fatal("the waiting count was not made once recountEvery had passed")
	}
	<-done
}

// TestConflictsNotOfferedToReaders: a counsellor reads files but does not
// edit them, so is neither shown the count nor let into the screen.
func TestConflictsNotOfferedToReaders(t *testing.T) {
	f := newFixture(t, language.English)
	conflictOnDesk(t, f)
	f.desk.Logout()
	f.loginAs("counsellor1", intake.RoleCounsellor)
	done := make(chan struct{}, 1)
	f.desk.onCounted = func() { done <- struct{}{} }
	f.desk.countConflicts()
	select { // a count made for this role would show by now
	case <-done:
	case <-time.After(2 * time.Second):
	}
	if f.desk.syncLine.Conflicts.Visible() || f.desk.Home.Conflicts.Visible() {
		t.Fatal("a counsellor is offered conflicts to resolve")
	}
	f.desk.showConflicts()
	if f.desk.Conflicts != nil {
		t.Fatal("a counsellor reached the conflict screen")
	}
}
