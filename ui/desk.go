package ui

import (
	"context"
	"log"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"accueil/guide"
	"accueil/i18n"
	"accueil/intake"
)

// Options configure a Desk.
type Options struct {
	// Language is the staff language at start; the staff may switch.
	Language language.Tag
	// Today returns the desk's date; tests pin it.
	Today func() intake.Date
	// OnLanguage is told when the staff switch language, to remember it.
	OnLanguage func(language.Tag)
	// OnNewcomer switches the window to the locked newcomer screen.
	OnNewcomer func()
	// Guide is the orientation guide, for the list of draft translations.
	Guide *guide.Guide
	// OnSaved is told after every committed save, so that sync can send
	// the change at once instead of at its next round.
	OnSaved func()
}

// Desk is the reception desk's window: it shows one screen at a time and
// rebuilds it when the staff switch language.
type Desk struct {
	win     fyne.Window
	store   Store
	catalog *i18n.Catalog
	loc     *i18n.Localizer
	opts    Options
	ctx     context.Context

	staff    *intake.Staff
	auth     authGate
	syncLine *SyncLine
	lastSync SyncState
	rebuild  func() fyne.CanvasObject
	focus    fyne.Focusable // what the screen being built wants focused
	status   *widget.Label

	// Sync progress and conflicts between desks: the last count, which
	// count is current, for whom it was made, and a test hook told after
	// each count.
	progress                SyncProgress
	conflictCount, countGen int
	countedFor              *intake.Staff
	onCounted               func()

	// The screen on display, for keyboard shortcuts and tests.
	Login    *LoginScreen
	FirstRun *FirstRunScreen
	Home     *HomeScreen
	Form     *PersonForm
	Import   *ImportScreen
	House    *HouseholdScreen
	Drafts   *DraftsScreen
	// StaffAdmin is the accounts screen (administrators).
	StaffAdmin *StaffScreen
	// Conflicts is the screen of conflicts between desks.
	Conflicts *ConflictScreen
	// Security screens: audit trail, lock, statistics, retention.
	Audit *AuditScreen
	sec   security
	// Counselling screens: a case's sheet, the week, the statistics.
	Case   *CaseScreen
	Agenda *AgendaScreen
	Stats  *StatsScreen

	counsel counselDesk
}

// NewDesk prepares the desk in win; call Start to show the first screen.
func NewDesk(win fyne.Window, st Store, cat *i18n.Catalog, opts Options) *Desk {
	if opts.Today == nil {
		opts.Today = func() intake.Date { return intake.DateOf(time.Now()) }
	}
	if opts.Language == language.Und {
		opts.Language = language.French
	}
	d := &Desk{win: win, store: st, catalog: cat, opts: opts, ctx: context.Background()}
	d.loc = cat.Localizer(opts.Language)
	d.status = widget.NewLabel("")
	d.syncLine = newSyncLine(d.showConflicts)
	d.addShortcuts()
	return d
}

// Start shows the first-start screen on an empty database, else the login.
func (d *Desk) Start() {
	has, err := d.store.HasStaff(d.ctx)
	if err != nil {
		d.fail(err)
		return
	}
	if !has {
		d.show(d.buildFirstRun)
		return
	}
	d.show(d.buildLogin)
}

// Localizer returns the staff language's localizer.
func (d *Desk) Localizer() *i18n.Localizer { return d.loc }

// Staff returns the logged-in staff member, or nil.
func (d *Desk) Staff() *intake.Staff { return d.staff }

// SetLanguage switches the staff language and rebuilds the screen.
func (d *Desk) SetLanguage(tag language.Tag) {
	d.loc = d.catalog.Localizer(tag)
	d.win.SetTitle(d.loc.S("app.title"))
	if d.opts.OnLanguage != nil {
		d.opts.OnLanguage(tag)
	}
	if d.rebuild != nil {
		d.show(d.rebuild)
	}
}

// show replaces the window content with the screen build makes.
func (d *Desk) show(build func() fyne.CanvasObject) {
	d.Login, d.FirstRun, d.Home, d.Form, d.Import, d.House, d.Drafts, d.StaffAdmin = nil, nil, nil, nil, nil, nil, nil, nil
	d.Conflicts = nil
	d.Audit, d.sec.stats, d.sec.retention = nil, nil, nil
	d.Case, d.Agenda, d.Stats = nil, nil, nil
	d.rebuild = build
	d.win.SetTitle(d.loc.S("app.title"))
	d.focus = nil
	content := build()
	d.win.SetContent(container.NewBorder(nil, d.bottomRow(), nil, nil, content))
	d.showSyncLine() // in the new language
	// Focus only once the content is on the canvas: focusing an object the
	// canvas does not hold yet is silently ignored.
	if d.focus != nil {
		d.win.Canvas().Focus(d.focus)
	}
}

// say writes a message on the status line.
func (d *Desk) say(id string, args map[string]any) { d.status.SetText(d.loc.T(id, args)) }

// fail reports an unexpected error in the staff language. The error's own
// text goes nowhere a newcomer could read it; it may hold technical detail.
func (d *Desk) fail(err error) {
	// The log gets the error for support; store errors name operations and
	// fields, never values, so no personal data reaches it.
	log.Printf("accueil: %v", err)
	d.status.SetText(d.loc.S(errorKind(err)))
}

// languageSelect offers the staff languages by their own names.
func (d *Desk) languageSelect() *widget.Select {
	tags := d.catalog.Languages()
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = i18n.NativeName(t)
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelected(i18n.NativeName(d.loc.Tag()))
	sel.OnChanged = func(name string) {
		for i, n := range names {
			if n == name && tags[i] != d.loc.Tag() {
				d.SetLanguage(tags[i])
				return
			}
		}
	}
	return sel
}

// deskKeys are the keys of the desk's Ctrl shortcuts.
var deskKeys = []fyne.KeyName{fyne.KeyF, fyne.KeyN, fyne.KeyS, fyne.KeyL}

func isDeskShortcut(s *desktop.CustomShortcut) bool {
	return s.Modifier == fyne.KeyModifierShortcutDefault && slices.Contains(deskKeys, s.KeyName)
}

func (d *Desk) addShortcuts() {
	c := d.win.Canvas()
	for _, key := range deskKeys {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, d.onShortcut)
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			d.escape()
		}
	})
}

// onShortcut runs Ctrl+F (search), Ctrl+N (new arrival), Ctrl+S (save),
// Ctrl+L (lock).
func (d *Desk) onShortcut(s fyne.Shortcut) {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || d.staff == nil {
		return
	}
	switch cs.KeyName {
	case fyne.KeyF:
		if d.Home == nil {
			d.showHome()
		}
		d.win.Canvas().Focus(d.Home.Search)
	case fyne.KeyN:
		if d.staff.Role.CanEditPersons() {
			d.newArrival()
		}
	case fyne.KeyS:
		if d.Form != nil {
			d.Form.Save()
		}
	case fyne.KeyL:
		d.LockNow()
	}
}

// escape cancels the screen on display: back to the lists.
func (d *Desk) escape() {
	switch {
	case d.Locked():
	case d.Form != nil:
		d.Form.Cancel()
	case d.Import != nil, d.House != nil, d.Drafts != nil, d.StaffAdmin != nil, d.Audit != nil, d.sec.retention != nil,
		d.Agenda != nil, d.Stats != nil:
		d.showHome()
	case d.Conflicts != nil:
		d.conflictsBack()
	case d.Case != nil:
		d.openPerson(d.Case.file.Person.ID)
	}
}
