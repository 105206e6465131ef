package ui

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
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

// auditStore is what the audit screen needs beyond Store.
type auditStore interface {
	AuditQuery(ctx context.Context, by intake.Staff, q store.AuditQuery) ([]store.AuditEntry, error)
	VerifyAudit(ctx context.Context, by intake.Staff) (store.AuditCheck, error)
	Record(ctx context.Context, by intake.Staff, a store.Action, entity string) error
}

var _ auditStore = (*store.Store)(nil)

// auditShown bounds the rows the screen lists; the export has them all.
const auditShown = 1000

// AuditScreen lets an administrator read the audit trail by person, staff
// member and period, export what the filter selects and check that the
// trail was not tampered with.
type AuditScreen struct {
	PersonSearch *keyEntry
	Person       *widget.Select // the files matching PersonSearch
	Staff        *choice
	From, To     *keyEntry // dates as the staff write them
	Apply        *widget.Button
	Export       *widget.Button
	Verify       *widget.Button
	Back         *widget.Button
	Result       *widget.Label // the integrity check, in words
	Error        *widget.Label
	List         *widget.List

	store   auditStore
	persons []store.Summary
	names   map[string]string // staff ID → name
	query   store.AuditQuery
	rows    []store.AuditEntry
}

// Rows returns the audit rows listed, newest first.
func (a *AuditScreen) Rows() []store.AuditEntry { return a.rows }

func (d *Desk) showAudit() { d.show(d.buildAudit) }

func (d *Desk) buildAudit() fyne.CanvasObject {
	as, ok := d.store.(auditStore)
	if !ok || d.staff == nil || d.staff.Role != intake.RoleAdmin {
		return widget.NewLabel(d.loc.S("error.forbidden"))
	}
	l := d.loc
	a := &AuditScreen{store: as, names: map[string]string{}}
	d.Audit = a
	a.PersonSearch = newKeyEntry(d.showHome)
	a.PersonSearch.SetPlaceHolder(l.S("audit.person.placeholder"))
	a.PersonSearch.OnChanged = func(string) { d.auditFindPersons(a) }
	a.Person = widget.NewSelect(nil, nil)
	a.Person.PlaceHolder = l.S("audit.person.any")
	a.Staff = d.auditStaffChoice(a)
	a.From, a.To = newKeyEntry(d.showHome), newKeyEntry(d.showHome)
	a.From.SetPlaceHolder(l.S("audit.date.placeholder"))
	a.To.SetPlaceHolder(l.S("audit.date.placeholder"))
	a.Error = widget.NewLabel("")
	a.Error.Importance = widget.DangerImportance
	a.Result = widget.NewLabel("")
	a.Result.Wrapping = fyne.TextWrapWord
	a.Apply = &widget.Button{Text: l.S("audit.apply"), Icon: theme.SearchIcon(), Importance: widget.HighImportance, OnTapped: func() { d.auditApply(a) }}
	a.Export = &widget.Button{Text: l.S("audit.export"), Icon: theme.DocumentSaveIcon(), OnTapped: func() { d.auditAskExport(a) }}
	a.Verify = &widget.Button{Text: l.S("audit.verify"), Icon: theme.ConfirmIcon(), OnTapped: func() { d.auditVerify(a) }}
	a.Back = &widget.Button{Text: l.S("form.back"), Icon: theme.NavigateBackIcon(), OnTapped: d.showHome}
	a.List = widget.NewList(func() int { return len(a.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(d.auditLine(a, a.rows[i])) })
	form := widget.NewForm(
		widget.NewFormItem(l.S("audit.person"), container.NewGridWithColumns(2, a.PersonSearch, a.Person)),
		widget.NewFormItem(l.S("audit.staff"), a.Staff.Select),
		widget.NewFormItem(l.S("audit.period"), container.NewGridWithColumns(2, a.From, a.To)),
	)
	title := widget.NewLabelWithStyle(l.S("audit.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(container.NewHBox(a.Back, title), form,
		container.NewHBox(a.Apply, a.Export, a.Verify), a.Error, a.Result)
	d.auditApply(a)
	d.focus = a.PersonSearch
	return container.NewBorder(top, nil, nil, nil, a.List)
}

// auditStaffChoice offers every account, and "anyone" first.
func (d *Desk) auditStaffChoice(a *AuditScreen) *choice {
	list, err := d.store.ListStaff(d.ctx, *d.staff)
	if err != nil {
		d.fail(err)
	}
	ids := make([]string, len(list))
	for i, st := range list {
		ids[i], a.names[st.ID] = st.ID, st.Name
	}
	c := newChoice(ids, func(id string) string {
		if id == "" {
			return d.loc.S("audit.staff.any")
		}
		return a.names[id]
	}, true)
	c.SetValue("")
	return c
}

// auditFindPersons offers the files whose names match the search text.
func (d *Desk) auditFindPersons(a *AuditScreen) {
	text := strings.TrimSpace(a.PersonSearch.Text)
	a.persons = nil
	if text != "" {
		found, err := d.store.Search(d.ctx, *d.staff, text, 20)
		if err != nil {
			d.fail(err)
			return
		}
		a.persons = found
	}
	opts := []string{d.loc.S("audit.person.any")}
	for _, p := range a.persons {
		opts = append(opts, d.personLabel(p))
	}
	a.Person.SetOptions(opts)
	if len(a.persons) > 0 {
		a.Person.SetSelectedIndex(1)
	} else {
		a.Person.SetSelectedIndex(0)
	}
}

func (d *Desk) personLabel(p store.Summary) string {
	s := strings.TrimSpace(p.Surname + " " + p.GivenNames)
	if !p.BirthDate.IsZero() {
		s += " · " + d.loc.Date(p.BirthDate.Time())
	}
	return s
}

// auditFilter reads the filter fields; it returns a translated problem
// when a date cannot be read.
func (d *Desk) auditFilter(a *AuditScreen) (store.AuditQuery, string) {
	q := store.AuditQuery{StaffID: a.Staff.Value(), Limit: auditShown}
	if i := a.Person.SelectedIndex(); i > 0 && i <= len(a.persons) {
		q.PersonID = a.persons[i-1].ID
	}
	var bad string
	q.From, bad = d.auditDate(a.From.Text, 0)
	if bad != "" {
		return q, bad
	}
	q.To, bad = d.auditDate(a.To.Text, 1) // the "to" day is included
	if bad == "" && !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		bad = d.loc.S("audit.error.period")
	}
	return q, bad
}

// auditDate reads a date typed as the staff write dates, as the start of
// that day (plus days) on the desk's clock.
func (d *Desk) auditDate(text string, days int) (time.Time, string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return time.Time{}, ""
	}
	day, err := intake.ParseDate(text)
	if err != nil {
		return time.Time{}, d.loc.T("audit.error.date", map[string]any{"Value": text})
	}
	t := day.Time()
	return time.Date(t.Year(), t.Month(), t.Day()+days, 0, 0, 0, 0, time.Local), ""
}

func (d *Desk) auditApply(a *AuditScreen) {
	q, bad := d.auditFilter(a)
	a.Error.SetText(bad)
	if bad != "" {
		return
	}
	rows, err := a.store.AuditQuery(d.ctx, *d.staff, q)
	if err != nil {
		d.fail(err)
		return
	}
	a.query, a.rows = q, rows
	a.List.Refresh()
	if len(rows) >= auditShown {
		d.say("audit.count.capped", map[string]any{"Count": len(rows)})
		return
	}
	d.say("audit.count", map[string]any{"Count": len(rows)})
}

// auditLine is one row as the list shows it: time, staff, desk, action,
// file.
func (d *Desk) auditLine(a *AuditScreen, e store.AuditEntry) string {
	return strings.Join(d.auditFields(a, e), " · ")
}

func (d *Desk) auditFields(a *AuditScreen, e store.AuditEntry) []string {
	t := e.Time.Local()
	who := a.names[e.Staff]
	if who == "" {
		who = d.loc.S("audit.staff.unknown")
	}
	return []string{d.loc.Date(t) + " " + t.Format("15:04:05"), who, shortID(e.Desk),
		d.loc.S("audit.action." + string(e.Action)), d.auditEntity(a, e)}
}

// auditEntity names the row's file: the person the filter chose by name,
// any other file by its short ID (naming it would read the file).
func (d *Desk) auditEntity(a *AuditScreen, e store.AuditEntry) string {
	if e.EntityID == "" {
		return ""
	}
	if i := a.Person.SelectedIndex(); i > 0 && i <= len(a.persons) && e.EntityType == intake.EntityPerson {
		return d.personLabel(a.persons[i-1])
	}
	return d.loc.S("audit.entity."+string(e.EntityType)) + " " + shortID(e.EntityID)
}

func shortID(id string) string {
	if len(id) > 8 {
		return id[len(id)-8:]
	}
	return id
}

func (d *Desk) auditVerify(a *AuditScreen) {
	c, err := a.store.VerifyAudit(d.ctx, *d.staff)
	if err != nil {
		d.fail(err)
		return
	}
	args := map[string]any{"Count": c.Rows, "Rows": d.loc.Number(c.Rows), "At": c.At, "Head": shortID(c.Head)}
	switch c.Problem {
	case store.AuditIntact:
		a.Result.Importance = widget.SuccessImportance
		a.Result.SetText(d.loc.T("audit.verify.ok", args))
	case store.AuditAltered:
		a.Result.Importance = widget.DangerImportance
		a.Result.SetText(d.loc.T("audit.verify.altered", args))
	default:
		a.Result.Importance = widget.DangerImportance
		a.Result.SetText(d.loc.T("audit.verify.gap", args))
	}
}

func (d *Desk) auditAskExport(a *AuditScreen) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		defer w.Close()
		if err := a.ExportCSV(d, w); err != nil {
			d.fail(err)
		}
	}, d.win)
	save.SetFileName("audit.csv")
	save.Show()
}

// ExportCSV writes every row the current filter selects (not only those
// listed) as CSV, and audits the export.
func (a *AuditScreen) ExportCSV(d *Desk, w io.Writer) error {
	q := a.query
	q.Limit = 0
	rows, err := a.store.AuditQuery(d.ctx, *d.staff, q)
	if err != nil {
		return fmt.Errorf("audit export: %w", err)
	}
	cw := csv.NewWriter(w)
	head := []string{"time", "staff", "staff_id", "desk", "action", "entity_type", "entity_id", "event"}
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("audit export: %w", err)
	}
	for _, e := range rows {
		rec := []string{e.Time.UTC().Format(time.RFC3339), a.names[e.Staff], e.Staff, e.Desk,
			string(e.Action), string(e.EntityType), e.EntityID, e.Event}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("audit export: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("audit export: %w", err)
	}
	if err := a.store.Record(d.ctx, *d.staff, store.ActionAuditExport, ""); err != nil {
		return fmt.Errorf("audit export: %w", err)
	}
	d.say("audit.exported", map[string]any{"Count": len(rows)})
	return nil
}

// auditButton opens the audit screen; administrators only.
func (d *Desk) auditButton() *widget.Button {
	b := &widget.Button{Text: d.loc.S("home.audit"), Icon: theme.HistoryIcon(), OnTapped: d.showAudit}
	if _, ok := d.store.(auditStore); !ok || d.staff.Role != intake.RoleAdmin {
		b.Hide()
	}
	return b
}
