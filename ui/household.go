package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
	"accueil/store"
)

// HouseholdScreen shows a household with its members and adds members.
type HouseholdScreen struct {
	Name      *keyEntry
	Members   *widget.List
	AddMember *widget.Button
	Back      *widget.Button

	household intake.Household
	members   []store.Summary
}

// MemberRows returns the members shown.
func (h *HouseholdScreen) MemberRows() []store.Summary { return h.members }

// openHousehold opens the person's household, making one (with the person
// as its reference) when there is none yet.
func (f *PersonForm) openHousehold() {
	if f.person.ID == "" {
		f.Problems.SetText(f.d.loc.S("person.household.save_first"))
		return
	}
	if f.person.HouseholdID != "" {
		f.d.showHousehold(f.person.HouseholdID)
		return
	}
	h, err := f.d.store.SaveHousehold(f.d.ctx, *f.d.staff, intake.Household{Name: f.person.Surname})
	if err != nil {
		f.d.fail(err)
		return
	}
	p := f.person
	p.HouseholdID = h.ID
	if p.Relation == intake.RelationNone {
		p.Relation = intake.RelationHead
	}
	if _, _, err := f.d.store.SavePerson(f.d.ctx, *f.d.staff, p, f.seen); err != nil {
		f.d.fail(err)
		return
	}
	f.d.showHousehold(h.ID)
}

func (d *Desk) showHousehold(id string) {
	h, members, err := d.store.Household(d.ctx, *d.staff, id)
	if err != nil {
		d.fail(err)
		return
	}
	d.show(func() fyne.CanvasObject { return d.buildHousehold(h, members) })
}

func (d *Desk) buildHousehold(h intake.Household, members []store.Summary) fyne.CanvasObject {
	s := &HouseholdScreen{household: h, members: members}
	d.House = s
	s.Name = newKeyEntry(d.showHome)
	s.Name.SetText(h.Name)
	s.Name.OnSubmitted = func(string) { d.renameHousehold(s) }
	s.Members = widget.NewList(
		func() int { return len(s.members) },
		func() fyne.CanvasObject { return newSummaryRow(d.scriptFonts()) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*summaryRow).set(d, s.members[i]) },
	)
	s.Members.OnSelected = func(i widget.ListItemID) { d.openPerson(s.members[i].ID) }
	s.AddMember = &widget.Button{Text: d.loc.S("household.add"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance,
		OnTapped: func() { d.addMember(s) }}
	s.Back = &widget.Button{Text: d.loc.S("form.back"), Icon: theme.NavigateBackIcon(), OnTapped: d.showHome}
	if !d.staff.Role.CanEditPersons() {
		s.AddMember.Disable()
	}
	form := widget.NewForm(widget.NewFormItem(d.loc.S("household.name"), s.Name))
	title := widget.NewLabelWithStyle(d.loc.T("household.title", map[string]any{"Count": len(members)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(container.NewHBox(s.Back, title), form, s.AddMember)
	return container.NewBorder(top, nil, nil, nil, s.Members)
}

func (d *Desk) renameHousehold(s *HouseholdScreen) {
	s.household.Name = s.Name.Text
	if _, err := d.store.SaveHousehold(d.ctx, *d.staff, s.household); err != nil {
		d.fail(err)
		return
	}
	d.say("household.saved", nil)
}

// addMember opens a new arrival that shares the household's procedure
// facts, which members usually share, so the desk types them once.
func (d *Desk) addMember(s *HouseholdScreen) {
	p := intake.Person{HouseholdID: s.household.ID, Status: intake.StatusArrived, ArrivalDate: d.opts.Today()}
	if len(s.members) > 0 {
		ref := s.members[0]
		p.Surname, p.SurnameOriginal = ref.Surname, ref.SurnameOriginal
		p.Nationality, p.Permit = ref.Nationality, ref.Permit
		if !ref.ArrivalDate.IsZero() {
			p.ArrivalDate = ref.ArrivalDate
		}
	}
	d.showPerson(p, nil)
}
