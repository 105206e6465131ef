package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
	"accueil/store"
)

// PersonForm records a new arrival or edits a person's file.
type PersonForm struct {
	Surname, GivenNames, SurnameOriginal, GivenNamesOriginal *keyEntry
	Sex                                                      *choice
	BirthDate                                                *keyEntry
	BirthApprox                                              *widget.Check
	Nationality, Languages, Preferred                        *keyEntry
	Interpreter                                              *widget.Check
	NNumber, ZEMIS                                           *keyEntry

	Permit, Status                                           *choice
	EntryDate, ApplicationDate, AttributionDate, ArrivalDate *keyEntry
	FederalCentre                                            *keyEntry

	Relation                     *choice
	AccommodationKind            *choice
	AccommodationPlace, AccSince *keyEntry
	Vulnerabilities              *widget.CheckGroup
	Dietary                      *keyEntry
	Health                       *keyEntry // nil when the role may not read health notes

	SaveButton, CancelButton, HouseholdButton *widget.Button
	// DuplicatesButton looks for other files of the same person.
	DuplicatesButton *widget.Button
	// CheckInButton turns an expected arrival into an arrival of today.
	CheckInButton *widget.Button
	// CounsellingButton opens the return-counselling case (counsellors).
	CounsellingButton *widget.Button
	Problems          *widget.Label
	History           *widget.Label
	// Duplicates is the open duplicate check, if any.
	Duplicates *DuplicateDialog

	d      *Desk
	person intake.Person
	seen   store.Versions
	dates  map[intake.Field]*keyEntry
}

// Person returns the file as last loaded or saved.
func (f *PersonForm) Person() intake.Person { return f.person }

func (d *Desk) newArrival() {
	d.showPerson(intake.Person{Status: intake.StatusArrived, ArrivalDate: d.opts.Today()}, nil)
}

func (d *Desk) openPerson(id string) {
	p, seen, err := d.store.Person(d.ctx, *d.staff, id)
	if err != nil {
		d.fail(err)
		return
	}
	if p.MergedInto != "" {
		d.openPerson(p.MergedInto)
		return
	}
	d.showPerson(p, seen)
}

func (d *Desk) showPerson(p intake.Person, seen store.Versions) {
	d.show(func() fyne.CanvasObject { return d.buildPersonForm(p, seen) })
}

func (d *Desk) buildPersonForm(p intake.Person, seen store.Versions) fyne.CanvasObject {
	f := &PersonForm{d: d, person: p, seen: seen}
	d.Form = f
	f.makeWidgets()
	f.CounsellingButton = d.counsellingButton(p)
	f.load(p)
	f.loadHistory()
	title := d.loc.S("person.title.new")
	if p.ID != "" {
		title = d.loc.T("person.title.edit", map[string]any{"Name": p.FullName()})
	}
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	buttons := container.NewHBox(f.SaveButton, f.CancelButton, f.HouseholdButton, f.CounsellingButton)
	if p.ID != "" && f.d.staff.Role.CanEditPersons() {
		buttons.Add(f.DuplicatesButton)
		if p.Status == intake.StatusExpected {
			buttons.Objects = append([]fyne.CanvasObject{f.CheckInButton}, buttons.Objects...)
		}
	}
	columns := container.NewGridWithColumns(2,
		container.NewVBox(f.section("person.section.identity", f.identityItems()...)),
		container.NewVBox(
			f.section("person.section.procedure", f.procedureItems()...),
			f.section("person.section.accommodation", f.accommodationItems()...),
			f.History,
		),
	)
	body := container.NewVBox(columns, f.section("person.section.needs", f.needsItems()...))
	d.focus = f.Surname
	// Problems sit above the form, where they are seen whatever the scroll.
	return container.NewBorder(container.NewVBox(heading, buttons, f.Problems), nil, nil, nil, container.NewVScroll(body))
}

func (f *PersonForm) section(titleID string, items ...*widget.FormItem) fyne.CanvasObject {
	return widget.NewCard(f.d.loc.S(titleID), "", widget.NewForm(items...))
}

func (f *PersonForm) entry() *keyEntry {
	e := newKeyEntry(f.Cancel).limit(intake.MaxPlaceLen, f.tooLong)
	e.OnSubmitted = func(string) { f.Save() }
	return e
}

// tooLong explains a refused paste or keystroke; what was there is kept.
func (f *PersonForm) tooLong(max int) {
	f.Problems.SetText(f.d.loc.T("form.error.too_long", map[string]any{"Max": max}))
}

func (f *PersonForm) dateEntry(field intake.Field) *keyEntry {
	e := f.entry()
	e.SetPlaceHolder(f.d.loc.S("form.date.placeholder"))
	f.dates[field] = e
	return e
}

func (f *PersonForm) makeWidgets() {
	l := f.d.loc
	f.dates = map[intake.Field]*keyEntry{}
	f.Surname, f.GivenNames = f.entry(), f.entry()
	f.SurnameOriginal, f.GivenNamesOriginal = f.entry(), f.entry()
	f.Sex = newChoice(stringsOf(intake.Sexes), func(v string) string { return l.S("sex." + orUnknown(v)) }, true)
	f.BirthDate = f.dateEntry(intake.FieldBirthDate)
	f.BirthApprox = widget.NewCheck(l.S("person.dob.approximate"), nil)
	f.Nationality, f.Languages, f.Preferred = f.entry(), f.entry(), f.entry()
	f.Nationality.SetPlaceHolder(l.S("person.nationality.placeholder"))
	f.Languages.SetPlaceHolder(l.S("person.languages.placeholder"))
	f.Interpreter = widget.NewCheck(l.S("person.interpreter"), nil)
	f.NNumber, f.ZEMIS = f.entry(), f.entry()
	f.Permit = newChoice(stringsOf(intake.Permits), func(v string) string { return l.S("permit." + orUnknown(v)) }, true)
	f.Status = newChoice(stringsOf([]intake.Status{intake.StatusExpected, intake.StatusArrived, intake.StatusLeft}),
		func(v string) string { return l.S("status." + v) }, false)
	f.EntryDate = f.dateEntry(intake.FieldEntryDate)
	f.ApplicationDate = f.dateEntry(intake.FieldApplicationDate)
	f.AttributionDate = f.dateEntry(intake.FieldAttributionDate)
	f.ArrivalDate = f.dateEntry(intake.FieldArrivalDate)
	f.FederalCentre = f.entry()
	f.Relation = newChoice(stringsOf(intake.Relations), func(v string) string { return l.S("relation." + orUnknown(v)) }, true)
	f.AccommodationKind = newChoice(stringsOf(intake.AccommodationKinds), func(v string) string { return l.S("accommodation." + orUnknown(v)) }, true)
	f.AccommodationPlace = f.entry()
	f.AccSince = f.dateEntry(intake.FieldAccommodationSince)
	f.Vulnerabilities = widget.NewCheckGroup(f.vulnerabilityLabels(), nil)
	f.Dietary = f.entry()
	f.Dietary.limit(intake.MaxTextLen, f.tooLong)
	if f.d.staff.Role.CanReadField(intake.FieldHealthNotes) {
		f.Health = newKeyEntry(f.Cancel).limit(intake.MaxTextLen, f.tooLong)
		f.Health.MultiLine = true
		f.Health.Wrapping = fyne.TextWrapWord
		f.Health.SetMinRowsVisible(3)
	}
	f.Problems = widget.NewLabel("")
	f.Problems.Importance = widget.DangerImportance
	f.Problems.Wrapping = fyne.TextWrapWord
	f.History = widget.NewLabel("")
	f.History.Wrapping = fyne.TextWrapWord
	f.SaveButton = &widget.Button{Text: l.S("form.save"), Importance: widget.HighImportance, OnTapped: f.Save}
	f.CancelButton = &widget.Button{Text: l.S("form.cancel"), OnTapped: f.Cancel}
	f.HouseholdButton = &widget.Button{Text: l.S("person.household.open"), OnTapped: f.openHousehold}
	f.DuplicatesButton = &widget.Button{Text: l.S("person.duplicates"), OnTapped: f.CheckDuplicates}
	f.CheckInButton = &widget.Button{Text: l.S("person.checkin"), Icon: theme.ConfirmIcon(), Importance: widget.SuccessImportance, OnTapped: f.CheckIn}
	if !f.d.staff.Role.CanEditPersons() {
		f.SaveButton.Disable()
	}
}

func (f *PersonForm) identityItems() []*widget.FormItem {
	l := f.d.loc
	return []*widget.FormItem{
		widget.NewFormItem(l.S("field.surname"), f.Surname),
		widget.NewFormItem(l.S("field.given_names"), f.GivenNames),
		widget.NewFormItem(l.S("field.surname_original"), f.SurnameOriginal),
		widget.NewFormItem(l.S("field.given_names_original"), f.GivenNamesOriginal),
		widget.NewFormItem(l.S("field.sex"), f.Sex.Select),
		widget.NewFormItem(l.S("field.date_of_birth"), container.NewBorder(nil, nil, nil, f.BirthApprox, f.BirthDate)),
		widget.NewFormItem(l.S("field.nationality"), f.Nationality),
		widget.NewFormItem(l.S("field.languages"), f.Languages),
		widget.NewFormItem(l.S("field.language"), container.NewBorder(nil, nil, nil, f.Interpreter, f.Preferred)),
		widget.NewFormItem(l.S("field.n_number"), f.NNumber),
		widget.NewFormItem(l.S("field.zemis_number"), f.ZEMIS),
	}
}

func (f *PersonForm) procedureItems() []*widget.FormItem {
	l := f.d.loc
	return []*widget.FormItem{
		widget.NewFormItem(l.S("field.permit"), f.Permit.Select),
		widget.NewFormItem(l.S("field.status"), f.Status.Select),
		widget.NewFormItem(l.S("field.entry_date"), f.EntryDate),
		widget.NewFormItem(l.S("field.application_date"), f.ApplicationDate),
		widget.NewFormItem(l.S("field.attribution_date"), f.AttributionDate),
		widget.NewFormItem(l.S("field.arrival_date"), f.ArrivalDate),
		widget.NewFormItem(l.S("field.federal_centre"), f.FederalCentre),
		widget.NewFormItem(l.S("field.relation"), f.Relation.Select),
	}
}

func (f *PersonForm) accommodationItems() []*widget.FormItem {
	l := f.d.loc
	return []*widget.FormItem{
		widget.NewFormItem(l.S("field.accommodation_kind"), f.AccommodationKind.Select),
		widget.NewFormItem(l.S("field.accommodation_place"), f.AccommodationPlace),
		widget.NewFormItem(l.S("field.accommodation_since"), f.AccSince),
	}
}

func (f *PersonForm) needsItems() []*widget.FormItem {
	l := f.d.loc
	items := []*widget.FormItem{
		widget.NewFormItem(l.S("field.vulnerabilities"), f.Vulnerabilities),
		widget.NewFormItem(l.S("field.dietary_needs"), f.Dietary),
	}
	if f.Health != nil {
		items = append(items, widget.NewFormItem(l.S("field.health_notes"), f.Health))
	}
	return items
}

func (f *PersonForm) vulnerabilityLabels() []string {
	out := make([]string, len(intake.Vulnerabilities))
	for i, v := range intake.Vulnerabilities {
		out[i] = f.d.loc.S("vulnerability." + string(v))
	}
	return out
}

func orUnknown(v string) string {
	if v == "" {
		return "unknown"
	}
	return v
}

// Save validates the form, checks a new file for duplicates, then saves.
// "Saved" is said only after the store has committed.
func (f *PersonForm) Save() {
	p, problems := f.read()
	if len(problems) == 0 {
		problems = p.Validate(f.d.opts.Today())
	}
	if len(problems) > 0 {
		f.showProblems(problems)
		return
	}
	if p.ID == "" {
		cands, err := f.d.store.Duplicates(f.d.ctx, *f.d.staff, p)
		if err != nil {
			f.d.fail(err)
			return
		}
		if len(cands) > 0 {
			f.askDuplicates(p, cands)
			return
		}
	}
	f.commit(p, nil)
}

// commit writes p; distinct lists candidates the staff said are other
// persons, recorded once the new file exists.
func (f *PersonForm) commit(p intake.Person, distinct []string) {
	saved, seen, err := f.d.store.SavePerson(f.d.ctx, *f.d.staff, p, f.seen)
	var verr *store.ValidationError
	var cerr *store.ConflictError
	switch {
	case errors.As(err, &verr):
		f.showProblems(verr.Problems)
		return
	case errors.As(err, &cerr):
		f.Problems.SetText(f.d.loc.T("person.error.conflict", map[string]any{"Fields": f.fieldNames(cerr.Fields)}))
		return
	case err != nil:
		f.d.fail(err)
		return
	}
	for _, other := range distinct {
		if err := f.d.store.MarkDistinct(f.d.ctx, *f.d.staff, saved.ID, other); err != nil {
			f.d.fail(err)
			return
		}
	}
	if f.d.opts.OnSaved != nil {
		f.d.opts.OnSaved()
	}
	f.d.showPerson(saved, seen)
	f.d.say("person.saved", map[string]any{"Name": saved.FullName()})
}

// CheckIn records that an expected person arrived at the desk today, with
// whatever the form holds, in one save.
func (f *PersonForm) CheckIn() {
	f.Status.SetValue(string(intake.StatusArrived))
	f.ArrivalDate.SetText(f.d.opts.Today().Time().Format(formDateLayout))
	f.Save()
}

// Cancel leaves the form, asking first when something typed would be lost.
func (f *PersonForm) Cancel() {
	if !f.dirty() {
		f.d.showHome()
		return
	}
	l := f.d.loc
	dialog.ShowConfirm(l.S("form.discard.title"), l.S("form.discard.body"), func(ok bool) {
		if ok {
			f.d.showHome()
		}
	}, f.d.win)
}

func (f *PersonForm) dirty() bool {
	p, problems := f.read()
	if len(problems) > 0 {
		return true
	}
	return len(intake.Changes(f.person.Values(), p.Values())) > 0
}

func (f *PersonForm) showProblems(ps []intake.Problem) {
	lines := make([]string, 0, len(ps))
	for _, p := range ps {
		lines = append(lines, f.d.loc.S("field."+string(p.Field))+": "+f.d.loc.T(p.ID, p.Args))
	}
	f.Problems.SetText(strings.Join(lines, "\n"))
	if e := f.entryFor(ps[0].Field); e != nil {
		f.d.win.Canvas().Focus(e)
	}
	f.d.say("person.not_saved", nil)
}

func (f *PersonForm) fieldNames(fields []intake.Field) string {
	names := make([]string, len(fields))
	for i, fl := range fields {
		names[i] = f.d.loc.S("field." + string(fl))
	}
	return strings.Join(names, ", ")
}

func (f *PersonForm) entryFor(field intake.Field) *keyEntry {
	switch field {
	case intake.FieldSurname:
		return f.Surname
	case intake.FieldGivenNames:
		return f.GivenNames
	case intake.FieldNationality:
		return f.Nationality
	case intake.FieldNNumber:
		return f.NNumber
	case intake.FieldZEMISNumber:
		return f.ZEMIS
	}
	return f.dates[field]
}
