package ui

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
	"accueil/store"
)

// lockSettings is what the idle lock reads from the store.
type lockSettings interface {
	IdleLock(ctx context.Context) (time.Duration, error)
}

// security is the desk's session state: the idle watch, the lock and the
// work parked by staff members who handed the desk to someone else.
type security struct {
	now       func() time.Time // tests pin it
	idle      time.Duration
	last      time.Time // last sign of use
	sign      uint64    // fingerprint of what the staff touch, see activity
	locked    *intake.Staff
	work      screens // what the locked staff member had on screen
	parked    map[string]screens
	ticker    *time.Ticker
	Lock      *LockScreen
	onLocked  func() // tests
	stats     *StatisticsScreen
	retention *RetentionScreen
	menu      *fyne.Menu
}

// screens is what the desk shows, kept while it is locked.
type screens struct {
	content fyne.CanvasObject
	rebuild func() fyne.CanvasObject
	login   *LoginScreen
	home    *HomeScreen
	form    *PersonForm
	imp     *ImportScreen
	house   *HouseholdScreen
	drafts  *DraftsScreen
	staff   *StaffScreen
	audit   *AuditScreen
	// overlays are the dialogs that were open: hidden while locked, as
	// they may show personal data.
	overlays []fyne.CanvasObject
	valid    bool
}

// LockScreen asks the staff member who locked the desk for their password,
// or lets another person log in (the first one's work is kept).
type LockScreen struct {
	Password *keyEntry
	Unlock   *widget.Button
	Switch   *widget.Button
	Error    *widget.Label
	// Name is the other person's login name, shown after Switch.
	Name     *keyEntry
	nameForm *widget.Form
	other    bool
}

// LockScreen returns the lock screen on display, or nil.
func (d *Desk) LockScreen() *LockScreen { return d.sec.Lock }

// Locked reports whether the desk is locked.
func (d *Desk) Locked() bool { return d.sec.locked != nil }

// StartIdleLock reads the idle time from the store and checks for it every
// second until the window closes.
func (d *Desk) StartIdleLock() {
	d.initLock()
	d.sec.ticker = time.NewTicker(time.Second)
	go func(t *time.Ticker) {
		for range t.C {
			fyne.Do(d.CheckIdle)
		}
	}(d.sec.ticker)
}

// StopIdleLock stops the idle watch.
func (d *Desk) StopIdleLock() {
	if d.sec.ticker != nil {
		d.sec.ticker.Stop()
	}
}

func (d *Desk) initLock() {
	if d.sec.now == nil {
		d.sec.now = time.Now
	}
	d.sec.idle = store.DefaultIdleLock
	if ls, ok := d.store.(lockSettings); ok {
		if idle, err := ls.IdleLock(d.ctx); err == nil {
			d.sec.idle = idle
		}
	}
	d.sec.last = d.sec.now()
}

// lockButton locks the desk at once; on every screen of a logged-in staff
// member.
func (d *Desk) lockButton() fyne.CanvasObject {
	b := &widget.Button{Text: d.loc.S("lock.button"), Icon: theme.VisibilityOffIcon(), OnTapped: d.LockNow}
	if d.staff == nil {
		b.Hide()
	}
	return b
}

// CheckIdle locks the desk when nobody used it for the idle time. Use is
// any change of screen, focus or typed text since the last check.
func (d *Desk) CheckIdle() {
	if d.sec.now == nil {
		d.initLock()
	}
	now := d.sec.now()
	if sign := d.activity(); sign != d.sec.sign {
		d.sec.sign, d.sec.last = sign, now
		return
	}
	if d.staff != nil && now.Sub(d.sec.last) >= d.sec.idle {
		d.LockNow()
	}
}

// activity fingerprints what the staff member touches: the content on
// display, the focused widget and its text. A change means use.
func (d *Desk) activity() uint64 {
	h := fnv.New64a()
	c := d.win.Canvas()
	write := func(p any) { h.Write([]byte(fmtPointer(p))) }
	write(c.Content())
	if f := c.Focused(); f != nil {
		write(f)
		if e, ok := f.(*keyEntry); ok {
			h.Write([]byte(e.Text))
		}
	}
	return h.Sum64()
}

// LockNow locks the desk: the screen is hidden behind the lock screen, the
// store forgets its keys where it holds any, and shortcuts stop working.
func (d *Desk) LockNow() {
	if d.staff == nil || d.sec.locked != nil {
		return
	}
	if d.sec.now == nil {
		d.initLock()
	}
	st := *d.staff
	d.sec.locked, d.sec.work = &st, d.saveScreens()
	d.staff = nil
	if l, ok := d.store.(interface{ Lock() }); ok {
		l.Lock()
	}
	d.showLock()
	if d.sec.onLocked != nil {
		d.sec.onLocked()
	}
}

func (d *Desk) showLock() {
	l := d.loc
	s := &LockScreen{Password: newPasswordEntry(nil), Name: newKeyEntry(nil), Error: widget.NewLabel("")}
	d.sec.Lock = s
	s.Error.Importance = widget.DangerImportance
	s.Error.Wrapping = fyne.TextWrapWord
	s.Unlock = &widget.Button{Text: l.S("lock.unlock"), Icon: theme.LoginIcon(), Importance: widget.HighImportance, OnTapped: func() { d.unlock(s) }}
	s.Switch = &widget.Button{Text: l.S("lock.switch"), Icon: theme.AccountIcon(), OnTapped: func() { d.lockSwitch(s) }}
	s.Password.OnSubmitted = func(string) { d.unlock(s) }
	s.Name.OnSubmitted = func(string) { d.win.Canvas().Focus(s.Password) }
	title := widget.NewLabelWithStyle(l.S("lock.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(l.T("lock.body", map[string]any{"Name": d.sec.locked.Name}))
	body.Wrapping = fyne.TextWrapWord
	// The name's form shows only once another person logs in.
	s.nameForm = widget.NewForm(widget.NewFormItem(l.S("login.name"), s.Name))
	s.nameForm.Hide()
	form := widget.NewForm(widget.NewFormItem(l.S("login.password"), s.Password))
	box := container.NewVBox(title, body, s.nameForm, form, container.NewHBox(s.Unlock, s.Switch), s.Error)
	d.win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(480, 320), box)))
	d.win.Canvas().Focus(s.Password)
}

// lockSwitch turns the lock screen into a login for another person.
func (d *Desk) lockSwitch(s *LockScreen) {
	s.other = true
	s.nameForm.Show()
	s.Switch.Hide()
	d.win.Canvas().Focus(s.Name)
}

func (d *Desk) unlock(s *LockScreen) {
	name := d.sec.locked.Name
	if s.other {
		name = s.Name.Text
	}
	password := s.Password.Text
	s.Password.SetText("")
	s.Error.SetText("")
	d.authenticate(s.Unlock, nil, name, password, func(st intake.Staff, err error) {
		if err != nil {
			s.Error.SetText(d.loginError(err))
			return
		}
		d.unlocked(st)
	})
}

// unlocked gives the desk back: the same person finds their screen, another
// finds theirs if they had one parked here, else the lists.
func (d *Desk) unlocked(st intake.Staff) {
	prev := *d.sec.locked
	d.sec.locked, d.sec.Lock = nil, nil
	d.staff = &st
	d.sec.last = d.sec.now()
	if st.ID == prev.ID {
		d.restoreScreens(d.sec.work)
		return
	}
	d.park(prev)
	if w, ok := d.sec.parked[st.ID]; ok {
		delete(d.sec.parked, st.ID)
		d.restoreScreens(w)
		return
	}
	d.showHome()
	if d.sec.work.form != nil {
		d.say("lock.switched", map[string]any{"Name": prev.Name})
	}
}

// park keeps the locked staff member's screen, unsaved form included, in
// memory until they log in at this desk again. Nothing is written to disk.
func (d *Desk) park(prev intake.Staff) {
	if d.sec.parked == nil {
		d.sec.parked = map[string]screens{}
	}
	d.sec.parked[prev.ID] = d.sec.work
}

// loginError is the translated reason a login was refused.
func (d *Desk) loginError(err error) string {
	var delay *store.LoginDelayError
	if errors.As(err, &delay) {
		if delay.Locked {
			return d.loc.T("login.error.locked", map[string]any{"Count": int(math.Ceil(delay.Wait.Minutes()))})
		}
		return d.loc.T("login.error.wait", map[string]any{"Count": int(math.Ceil(delay.Wait.Seconds()))})
	}
	return d.loc.S(errorKind(err))
}

func (d *Desk) saveScreens() screens {
	ov := d.win.Canvas().Overlays()
	open := slices.Clone(ov.List()) // Remove clears the list's backing array
	for i := len(open) - 1; i >= 0; i-- {
		ov.Remove(open[i])
	}
	return screens{content: d.win.Content(), rebuild: d.rebuild, login: d.Login, home: d.Home, form: d.Form,
		imp: d.Import, house: d.House, drafts: d.Drafts, staff: d.StaffAdmin, audit: d.Audit,
		overlays: open, valid: true}
}

func (d *Desk) restoreScreens(s screens) {
	if !s.valid {
		d.showHome()
		return
	}
	d.Login, d.Home, d.Form, d.Import, d.House, d.Drafts, d.StaffAdmin, d.Audit =
		s.login, s.home, s.form, s.imp, s.house, s.drafts, s.staff, s.audit
	d.rebuild = s.rebuild
	d.win.SetContent(s.content)
	for _, o := range s.overlays {
		d.win.Canvas().Overlays().Add(o)
	}
}

// fmtPointer identifies an object for the activity fingerprint.
func fmtPointer(p any) string { return fmt.Sprintf("%p", p) }
