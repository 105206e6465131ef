package ui

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// StaffLogin is the dialog that leaves newcomer mode.
type StaffLogin struct {
	Name, Password *keyEntry
	Error          *widget.Label
	dialog         dialog.Dialog
	submit         func()
	login          *widget.Button
	busy           atomic.Bool
}

// Submit tries the login typed in the dialog, in the background (opening
// the desk's keys and index takes a second or two).
func (s *StaffLogin) Submit() { s.submit() }

// Checking reports whether a login is being checked.
func (s *StaffLogin) Checking() bool { return s.busy.Load() }

// askStaffLogin asks for a staff login; only a valid one leaves the
// newcomer mode. Failed attempts are audited by the store.
func (k *Kiosk) askStaffLogin() {
	l := k.opts.Staff
	s := &StaffLogin{Name: newKeyEntry(nil), Password: newPasswordEntry(nil), Error: widget.NewLabel("")}
	s.Error.Importance = widget.DangerImportance
	s.submit = func() {
		if !s.busy.CompareAndSwap(false, true) {
			return
		}
		name, password := s.Name.Text, s.Password.Text
		s.Password.SetText("")
		s.login.Disable()
		go func() {
			staff, err := k.auth.Authenticate(k.ctx(), name, password)
			fyne.Do(func() {
				defer s.busy.Store(false)
				s.login.Enable()
				if err != nil {
					s.Error.SetText(l.S("login.error.bad"))
					return
				}
				s.dialog.Hide()
				k.lang = ""
				if k.opts.OnExit != nil {
					k.opts.OnExit(staff)
				}
			})
		}()
	}
	s.Password.OnSubmitted = func(string) { s.submit() }
	form := widget.NewForm(
		widget.NewFormItem(l.S("login.name"), s.Name),
		widget.NewFormItem(l.S("login.password"), s.Password),
	)
	cancel := widget.NewButton(l.S("form.cancel"), func() { s.dialog.Hide() })
	s.login = &widget.Button{Text: l.S("login.submit"), Importance: widget.HighImportance, OnTapped: s.submit}
	content := container.NewVBox(form, s.Error, container.NewHBox(cancel, s.login))
	s.dialog = dialog.NewCustomWithoutButtons(l.S("login.title"), content, k.win)
	k.StaffDialog = s
	s.dialog.Show()
	k.win.Canvas().Focus(s.Name)
}
