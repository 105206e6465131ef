package ui

import (
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
}

// Submit tries the login typed in the dialog.
func (s *StaffLogin) Submit() { s.submit() }

// askStaffLogin asks for a staff login; only a valid one leaves the
// newcomer mode. Failed attempts are audited by the store.
func (k *Kiosk) askStaffLogin() {
	l := k.opts.Staff
	s := &StaffLogin{Name: newKeyEntry(nil), Password: newPasswordEntry(nil), Error: widget.NewLabel("")}
	s.Error.Importance = widget.DangerImportance
	s.submit = func() {
		staff, err := k.auth.Authenticate(k.ctx(), s.Name.Text, s.Password.Text)
		s.Password.SetText("")
		if err != nil {
			s.Error.SetText(l.S("login.error.bad"))
			return
		}
		s.dialog.Hide()
		k.lang = ""
		if k.opts.OnExit != nil {
			k.opts.OnExit(staff)
		}
	}
	s.Password.OnSubmitted = func(string) { s.submit() }
	form := widget.NewForm(
		widget.NewFormItem(l.S("login.name"), s.Name),
		widget.NewFormItem(l.S("login.password"), s.Password),
	)
	cancel := widget.NewButton(l.S("form.cancel"), func() { s.dialog.Hide() })
	login := &widget.Button{Text: l.S("login.submit"), Importance: widget.HighImportance, OnTapped: s.submit}
	content := container.NewVBox(form, s.Error, container.NewHBox(cancel, login))
	s.dialog = dialog.NewCustomWithoutButtons(l.S("login.title"), content, k.win)
	k.StaffDialog = s
	s.dialog.Show()
	k.win.Canvas().Focus(s.Name)
}
