package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
	"accueil/store"
)

// ConflictStore is what the conflict screen needs from the local store:
// a desk that never syncs has no conflicts and may leave it out.
type ConflictStore interface {
	DeskID() string
	Conflicts(ctx context.Context, by intake.Staff) ([]store.FieldConflict, error)
	ResolveConflict(ctx context.Context, by intake.Staff, c store.FieldConflict, value string) error
}

var _ ConflictStore = (*store.Store)(nil)

// ConflictScreen lists the fields changed at two desks without either
// seeing the other's change, and for one of them shows both values side
// by side so that staff keep one or enter another.
type ConflictScreen struct {
	List  *widget.List
	Back  *widget.Button
	Intro *widget.Label
	// Detail is the conflict on display, nil while the list shows.
	Detail *ConflictDetail

	conflicts []store.FieldConflict
	body      *fyne.Container
}

// ConflictDetail is one conflict: a column per competing value, each with
// who entered it, when and where, and a button to keep it.
type ConflictDetail struct {
	Conflict store.FieldConflict
	// Explain says why the field was not merged automatically.
	Explain *widget.Label
	Keep    []*widget.Button // one per version, in Conflict.Versions order
	Enter   *widget.Button
	Value   *keyEntry // the other value, shown after Enter
	Use     *widget.Button
	// Confirm is the open confirmation, nil when none is.
	Confirm *dialog.ConfirmDialog
}

// Conflicts returns the conflicts the list shows.
func (s *ConflictScreen) Conflicts() []store.FieldConflict { return s.conflicts }

func (d *Desk) showConflicts() {
	if d.staff != nil && d.staff.Role.CanEditPersons() && d.conflictStore() != nil {
		d.show(d.buildConflicts)
	}
}

func (d *Desk) buildConflicts() fyne.CanvasObject {
	s := &ConflictScreen{}
	d.Conflicts = s
	if err := d.loadConflicts(s); err != nil {
		d.fail(err)
	}
	s.Intro = &widget.Label{Text: d.loc.S("conflicts.intro"), Wrapping: fyne.TextWrapWord}
	if len(s.conflicts) == 0 {
		s.Intro.SetText(d.loc.S("conflicts.empty"))
	}
	s.List = widget.NewList(
		func() int { return len(s.conflicts) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(d.conflictTitle(s.conflicts[i]))
		},
	)
	s.List.OnSelected = func(i widget.ListItemID) {
		s.List.UnselectAll()
		if i < len(s.conflicts) {
			d.openConflict(s, s.conflicts[i])
		}
	}
	s.Back = &widget.Button{Text: d.loc.S("conflicts.back"), Icon: theme.NavigateBackIcon(), OnTapped: d.conflictsBack}
	s.body = container.NewStack()
	d.showConflictList(s)
	title := &widget.Label{Text: d.loc.S("conflicts.title"), TextStyle: fyne.TextStyle{Bold: true}}
	return container.NewBorder(container.NewBorder(nil, nil, nil, s.Back, title), nil, nil, nil, s.body)
}

func (d *Desk) loadConflicts(s *ConflictScreen) error {
	cs, err := d.conflictStore().Conflicts(d.ctx, *d.staff)
	if err != nil {
		return err
	}
	s.conflicts = cs
	d.conflictCount = len(cs)
	d.countGen++ // a count still running is older than this one
	return nil
}

func (d *Desk) showConflictList(s *ConflictScreen) {
	s.Detail = nil
	s.body.Objects = []fyne.CanvasObject{container.NewBorder(s.Intro, nil, nil, nil, s.List)}
	s.body.Refresh()
	d.focus = s.List
}

// conflictsBack leaves the detail for the list, or the list for home.
func (d *Desk) conflictsBack() {
	s := d.Conflicts
	if s != nil && s.Detail != nil {
		if s.Detail.Confirm != nil {
			s.Detail.Confirm.Hide() // leaving the conflict answers "no"
		}
		d.showConflictList(s)
		d.win.Canvas().Focus(s.List)
		return
	}
	d.showHome()
}

func (d *Desk) conflictTitle(c store.FieldConflict) string {
	return d.loc.T("conflicts.row", map[string]any{"Person": c.Person, "Field": d.loc.S("field." + string(c.Field))})
}

func (d *Desk) openConflict(s *ConflictScreen, c store.FieldConflict) {
	dt := &ConflictDetail{Conflict: c}
	s.Detail = dt
	dt.Explain = &widget.Label{Text: d.conflictReason(c.Field), Wrapping: fyne.TextWrapWord}
	if dt.Explain.Text == "" {
		dt.Explain.Hide()
	}
	columns := container.NewGridWithColumns(len(c.Versions))
	for _, v := range c.Versions {
		keep := &widget.Button{Text: d.loc.S("conflicts.keep"), Icon: theme.ConfirmIcon(),
			OnTapped: func() { d.askResolve(dt, v.Value) }}
		dt.Keep = append(dt.Keep, keep)
		columns.Add(d.versionCard(c.Field, v, keep))
	}
	dt.Value = newKeyEntry(d.conflictsBack)
	dt.Value.OnSubmitted = func(string) { d.askResolve(dt, dt.Value.Text) }
	dt.Use = &widget.Button{Text: d.loc.S("conflicts.use"), OnTapped: func() { d.askResolve(dt, dt.Value.Text) }}
	other := container.NewBorder(nil, nil, nil, dt.Use, dt.Value)
	other.Hide()
	dt.Enter = &widget.Button{Text: d.loc.S("conflicts.enter"), Icon: theme.DocumentCreateIcon()}
	title := &widget.Label{Text: d.conflictTitle(c), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	page := container.NewVBox(title, dt.Explain, columns, widget.NewSeparator(), container.NewHBox(dt.Enter), other)
	dt.Enter.OnTapped = func() {
		other.Show()
		page.Refresh() // lay the shown row out before it takes the focus
		d.win.Canvas().Focus(dt.Value)
	}
	s.body.Objects = []fyne.CanvasObject{container.NewVScroll(page)}
	s.body.Refresh()
	d.win.Canvas().Focus(dt.Keep[0])
}

// versionCard shows one competing value: the value, who entered it, when
// and at which desk, and its keep button.
func (d *Desk) versionCard(f intake.Field, v store.ConflictVersion, keep *widget.Button) fyne.CanvasObject {
	value := &widget.Label{Text: d.conflictValue(f, v.Value), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	staff := v.StaffName
	if staff == "" {
		staff = d.loc.S("conflicts.staff.unknown")
	}
	at := time.UnixMilli(v.Time.Wall).Local()
	desk := d.loc.S("conflicts.version.this_desk")
	if v.Desk != d.conflictStore().DeskID() {
		desk = d.loc.T("conflicts.version.other_desk", map[string]any{"Desk": shortDesk(v.Desk)})
	}
	lines := []string{
		d.loc.T("conflicts.version.by", map[string]any{"Staff": staff}),
		d.loc.T("conflicts.version.when", map[string]any{"Date": d.loc.Date(at), "Time": at.Format("15:04")}),
		desk,
	}
	about := &widget.Label{Text: strings.Join(lines, "\n"), Wrapping: fyne.TextWrapWord}
	return widget.NewCard("", "", container.NewVBox(value, about, keep))
}

// shortDesk is enough of a desk's ID to tell desks apart on screen.
func shortDesk(id string) string {
	if len(id) > 8 {
		return id[len(id)-8:]
	}
	return id
}

// conflictReason says why the field waits for a person.
func (d *Desk) conflictReason(f intake.Field) string {
	info, known := intake.PersonFieldInfo(f)
	switch {
	case !known:
		return ""
	case info.Sensitivity == intake.Health:
		return d.loc.S("conflicts.health")
	case info.NeverAutoMerge:
		return d.loc.S("conflicts.identity")
	}
	return ""
}

// conflictValue shows a stored value as the form would: dates in the
// staff language, codes by their names.
func (d *Desk) conflictValue(f intake.Field, v string) string {
	if v == "" {
		return d.loc.S("conflicts.value.empty")
	}
	if dateFields[f] {
		if date, err := intake.ParseDate(v); err == nil {
			return d.loc.Date(date.Time())
		}
	}
	for _, prefix := range [...]struct {
		f  intake.Field
		id string
	}{{intake.FieldSex, "sex."}, {intake.FieldPermit, "permit."}, {intake.FieldStatus, "status."}} {
		if f == prefix.f && d.catalog.Has(prefix.id+v) {
			return d.loc.S(prefix.id + v)
		}
	}
	return v
}

// dateFields are the person fields that hold a date.
var dateFields = map[intake.Field]bool{
	intake.FieldBirthDate: true, intake.FieldEntryDate: true, intake.FieldApplicationDate: true,
	intake.FieldAttributionDate: true, intake.FieldArrivalDate: true, intake.FieldAccommodationSince: true,
}

// askResolve asks staff to confirm the value, then records the decision.
func (d *Desk) askResolve(dt *ConflictDetail, value string) {
	c := dt.Conflict
	text := d.loc.T("conflicts.confirm.text", map[string]any{
		"Field": d.loc.S("field." + string(c.Field)), "Person": c.Person, "Value": d.conflictValue(c.Field, value),
	})
	dt.Confirm = dialog.NewConfirm(d.loc.S("conflicts.confirm.title"), text, func(ok bool) {
		dt.Confirm = nil
		if ok {
			d.resolve(c, value)
		}
	}, d.win)
	dt.Confirm.SetConfirmText(d.loc.S("conflicts.confirm.yes"))
	dt.Confirm.SetDismissText(d.loc.S("conflicts.confirm.no"))
	dt.Confirm.Show()
}

func (d *Desk) resolve(c store.FieldConflict, value string) {
	err := d.conflictStore().ResolveConflict(d.ctx, *d.staff, c, value)
	var ve *store.ValidationError
	switch {
	case errors.As(err, &ve):
		msgs := make([]string, len(ve.Problems))
		for i, p := range ve.Problems {
			msgs[i] = d.loc.T(p.ID, p.Args)
		}
		d.status.SetText(strings.Join(msgs, " "))
		return
	case err != nil:
		d.fail(err)
		return
	}
	if d.opts.OnSaved != nil {
		d.opts.OnSaved() // send the decision at once
	}
	d.showConflicts()
	d.say("conflicts.resolved", nil)
}
