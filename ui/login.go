package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
)

// LoginScreen asks a staff member for name and password.
type LoginScreen struct {
	Name     *keyEntry
	Password *keyEntry
	Submit   *widget.Button
	Error    *widget.Label
	// Busy moves while the login is checked and the files are opened.
	Busy *widget.ProgressBarInfinite
}

func (d *Desk) buildLogin() fyne.CanvasObject {
	s := &LoginScreen{
		Name:     newKeyEntry(nil),
		Password: newPasswordEntry(nil),
		Error:    widget.NewLabel(""),
		Busy:     newAuthBar(),
	}
	s.Error.Importance = widget.DangerImportance
	s.Error.Wrapping = fyne.TextWrapWord
	s.Submit = &widget.Button{Text: d.loc.S("login.submit"), Importance: widget.HighImportance, OnTapped: func() { d.login(s) }}
	s.Name.OnSubmitted = func(string) { d.win.Canvas().Focus(s.Password) }
	s.Password.OnSubmitted = func(string) { d.login(s) }
	d.Login = s
	form := widget.NewForm(
		widget.NewFormItem(d.loc.S("login.name"), s.Name),
		widget.NewFormItem(d.loc.S("login.password"), s.Password),
	)
	title := widget.NewLabelWithStyle(d.loc.S("login.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	box := container.NewVBox(title, form, s.Submit, s.Busy, s.Error, d.languageSelect())
	d.focus = s.Name
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 320), box))
}

func (d *Desk) login(s *LoginScreen) {
	name, password := s.Name.Text, s.Password.Text
	s.Password.SetText("")
	s.Error.SetText("")
	d.authenticate(s.Submit, s.Busy, name, password, func(staff intake.Staff, err error) {
		if err != nil {
			s.Error.SetText(d.loginError(err))
			return
		}
		d.staff = &staff
		d.say("login.welcome", map[string]any{"Name": staff.Name})
		d.showHome()
	})
}

// ResumeAs shows the lists to a staff member who logged in elsewhere (the
// newcomer screen's staff exit).
func (d *Desk) ResumeAs(staff intake.Staff) {
	d.staff = &staff
	d.say("login.welcome", map[string]any{"Name": staff.Name})
	d.showHome()
}

// Logout forgets the staff member, locks the store and shows the login.
func (d *Desk) Logout() {
	d.staff = nil
	d.store.Lock()
	d.status.SetText("")
	d.show(d.buildLogin)
}

// FirstRunScreen creates the first administrator of an empty database.
type FirstRunScreen struct {
	Name     *keyEntry
	Password *keyEntry
	Confirm  *keyEntry
	Submit   *widget.Button
	Error    *widget.Label
}

func (d *Desk) buildFirstRun() fyne.CanvasObject {
	s := &FirstRunScreen{
		Name:     newKeyEntry(nil),
		Password: newPasswordEntry(nil),
		Confirm:  newPasswordEntry(nil),
		Error:    widget.NewLabel(""),
	}
	s.Error.Importance = widget.DangerImportance
	s.Error.Wrapping = fyne.TextWrapWord
	s.Submit = &widget.Button{Text: d.loc.S("firstrun.submit"), Importance: widget.HighImportance, OnTapped: func() { d.createFirstAdmin(s) }}
	s.Confirm.OnSubmitted = func(string) { d.createFirstAdmin(s) }
	d.FirstRun = s
	intro := widget.NewLabel(d.loc.S("firstrun.intro"))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(d.loc.S("login.name"), s.Name),
		widget.NewFormItem(d.loc.S("login.password"), s.Password),
		widget.NewFormItem(d.loc.S("firstrun.confirm"), s.Confirm),
	)
	title := widget.NewLabelWithStyle(d.loc.S("firstrun.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	box := container.NewVBox(title, intro, form, s.Submit, s.Error, d.languageSelect())
	d.focus = s.Name
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(480, 420), box))
}

func (d *Desk) createFirstAdmin(s *FirstRunScreen) {
	if msg := d.checkNewAccount(s.Name.Text, s.Password.Text, s.Confirm.Text); msg != "" {
		s.Error.SetText(msg)
		return
	}
	staff, err := d.store.CreateStaff(d.ctx, nil, s.Name.Text, s.Password.Text, intake.RoleAdmin)
	if err != nil {
		s.Error.SetText(d.loc.S(errorKind(err)))
		return
	}
	d.staff = &staff
	d.say("firstrun.done", map[string]any{"Name": staff.Name})
	d.showHome()
}

// checkNewAccount returns the translated reason a new account is refused,
// or "".
func (d *Desk) checkNewAccount(name, password, confirm string) string {
	switch {
	case name == "":
		return d.loc.S("firstrun.error.name")
	case intake.CheckPassword(name, password) != "":
		return d.loc.T(intake.CheckPassword(name, password), map[string]any{"Min": intake.MinPasswordLen})
	case password != confirm:
		return d.loc.S("firstrun.error.mismatch")
	}
	return ""
}
