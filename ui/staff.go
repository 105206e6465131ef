package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
)

// StaffScreen lets an administrator add accounts with a role and disable
// them (accounts are never deleted: the audit names them).
type StaffScreen struct {
	Name, Password, Confirm *keyEntry
	Role                    *choice
	Add                     *widget.Button
	Back                    *widget.Button
	Error                   *widget.Label
	List                    *widget.List
	Security                *StaffSecurity
	staff                   []intake.Staff
}

// Accounts returns the accounts listed.
func (s *StaffScreen) Accounts() []intake.Staff { return s.staff }

func (d *Desk) showStaff() { d.show(d.buildStaff) }

func (d *Desk) buildStaff() fyne.CanvasObject {
	s := &StaffScreen{Name: newKeyEntry(d.showHome), Password: newPasswordEntry(d.showHome), Confirm: newPasswordEntry(d.showHome)}
	d.StaffAdmin = s
	l := d.loc
	s.Role = newChoice(stringsOf(intake.AllRoles), func(v string) string { return l.S("role." + v) }, false)
	s.Role.SetValue(string(intake.RoleReception))
	s.Error = widget.NewLabel("")
	s.Error.Importance = widget.DangerImportance
	s.Add = &widget.Button{Text: l.S("staff.add"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: func() { d.addStaff(s) }}
	s.Confirm.OnSubmitted = func(string) { d.addStaff(s) }
	s.Back = &widget.Button{Text: l.S("form.back"), Icon: theme.NavigateBackIcon(), OnTapped: d.showHome}
	s.List = widget.NewList(func() int { return len(s.staff) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewButton("", nil), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { d.staffRow(s, i, o.(*fyne.Container)) })
	d.loadStaff(s)
	form := widget.NewForm(
		widget.NewFormItem(l.S("login.name"), s.Name),
		widget.NewFormItem(l.S("staff.role"), s.Role.Select),
		widget.NewFormItem(l.S("login.password"), s.Password),
		widget.NewFormItem(l.S("firstrun.confirm"), s.Confirm),
	)
	d.focus = s.Name
	title := widget.NewLabelWithStyle(l.S("staff.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(container.NewHBox(s.Back, title), form, s.Add, s.Error, d.staffSecurity(s))
	return container.NewBorder(top, nil, nil, nil, s.List)
}

func (d *Desk) loadStaff(s *StaffScreen) {
	list, err := d.store.ListStaff(d.ctx, *d.staff)
	if err != nil {
		d.fail(err)
		return
	}
	s.staff = list
	s.List.Refresh()
}

func (d *Desk) staffRow(s *StaffScreen, i int, row *fyne.Container) {
	st := s.staff[i]
	label := row.Objects[0].(*widget.Label)
	button := row.Objects[1].(*widget.Button)
	text := st.Name + " — " + d.loc.S("role."+string(st.Role))
	button.SetText(d.loc.S("staff.disable"))
	if st.Disabled {
		text += " (" + d.loc.S("staff.disabled") + ")"
		button.SetText(d.loc.S("staff.enable"))
	}
	label.SetText(text)
	button.OnTapped = func() { d.askToggleStaff(s, st) }
	if st.ID == d.staff.ID {
		button.Disable()
	} else {
		button.Enable()
	}
}

// askToggleStaff confirms before disabling an account: its holder can no
// longer log in at this desk.
func (d *Desk) askToggleStaff(s *StaffScreen, st intake.Staff) {
	if st.Disabled {
		d.toggleStaff(s, st)
		return
	}
	dialog.ShowConfirm(d.loc.S("staff.disable"), d.loc.T("staff.disable.body", map[string]any{"Name": st.Name}), func(ok bool) {
		if ok {
			d.toggleStaff(s, st)
		}
	}, d.win)
}

func (d *Desk) toggleStaff(s *StaffScreen, st intake.Staff) {
	if err := d.store.SetStaffDisabled(d.ctx, *d.staff, st.ID, !st.Disabled); err != nil {
		d.fail(err)
		return
	}
	d.loadStaff(s)
}

func (d *Desk) addStaff(s *StaffScreen) {
	if msg := d.checkNewAccount(s.Name.Text, s.Password.Text, s.Confirm.Text); msg != "" {
		s.Error.SetText(msg)
		return
	}
	if _, err := d.store.CreateStaff(d.ctx, d.staff, s.Name.Text, s.Password.Text, intake.Role(s.Role.Value())); err != nil {
		s.Error.SetText(d.loc.S(errorKind(err)))
		return
	}
	d.say("staff.added", map[string]any{"Name": s.Name.Text})
	s.Name.SetText("")
	s.Password.SetText("")
	s.Confirm.SetText("")
	s.Error.SetText("")
	d.loadStaff(s)
}
