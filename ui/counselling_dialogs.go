package ui

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"accueil/casefile"
	"accueil/intake"
	"accueil/intake/counselling"
)

// EntryDialog is a small form in a dialog: Enter in a field saves, Esc
// cancels, a refusal shows under the fields and keeps the dialog open.
type EntryDialog struct {
	Items   []*widget.FormItem
	Problem *widget.Label
	Save    *widget.Button
	Cancel  *widget.Button

	dlg    dialog.Dialog
	submit func() error
}

// Submit saves as the Save button does.
func (e *EntryDialog) Submit() {
	if err := e.submit(); err != nil {
		return
	}
	e.dlg.Hide()
}

func (d *Desk) entryDialog(s *CaseScreen, titleID string, items []*widget.FormItem, save func() error) *EntryDialog {
	e := &EntryDialog{Items: items, Problem: widget.NewLabel("")}
	e.Problem.Wrapping = fyne.TextWrapWord
	e.submit = func() error {
		err := save()
		if err != nil {
			e.Problem.SetText(d.counselMessage(err))
			return err
		}
		d.showCase(s.file.Case.ID)
		return nil
	}
	e.Save = &widget.Button{Text: d.loc.S("counselling.dialog.save"), Importance: widget.HighImportance, OnTapped: e.Submit}
	e.Cancel = &widget.Button{Text: d.loc.S("counselling.dialog.cancel"), OnTapped: func() { e.dlg.Hide() }}
	content := container.NewVBox(widget.NewForm(items...), e.Problem, container.NewHBox(e.Save, e.Cancel))
	e.dlg = dialog.NewCustomWithoutButtons(d.loc.S(titleID), content, d.win)
	e.dlg.Resize(fyne.NewSize(640, 0))
	s.Dialog = e
	e.dlg.Show()
	return e
}

// dialogEntry is a field that saves on Enter and cancels on Esc.
func (d *Desk) dialogEntry(e **EntryDialog, multi bool, max int) *keyEntry {
	k := newKeyEntry(func() { (*e).dlg.Hide() })
	k.limit(max, func(m int) { (*e).Problem.SetText(d.loc.T("form.error.too_long", map[string]any{"Max": m})) })
	if multi {
		k.MultiLine, k.Wrapping = true, fyne.TextWrapWord
		k.SetMinRowsVisible(4)
	} else {
		k.OnSubmitted = func(string) { (*e).Submit() }
	}
	return k
}

// stepDialog changes the case's step; the reason field says when the
// step machine needs one (skips, returns, closing, withdrawing).
func (d *Desk) stepDialog(s *CaseScreen) {
	cs, _ := d.counselStore()
	var e *EntryDialog
	steps := stringsOf(counselling.AllSteps())
	target := newChoice(steps, func(v string) string { return d.loc.S("counselling.step." + v) }, false)
	target.SetValue(string(nextStep(s.file.Case.Step)))
	reason := d.dialogEntry(&e, false, counselling.MaxReasonLen)
	reason.SetPlaceHolder(d.loc.S("counselling.dialog.reason_hint"))
	items := []*widget.FormItem{
		widget.NewFormItem(d.loc.S("counselling.dialog.step"), target),
		widget.NewFormItem(d.loc.S("counselling.dialog.reason"), reason),
	}
	e = d.entryDialog(s, "counselling.action.advance", items, func() error {
		_, err := cs.AdvanceCase(d.ctx, *d.staff, s.file.Case.ID, counselling.Step(target.Value()), reason.Text)
		return err
	})
	d.win.Canvas().Focus(reason)
}

func nextStep(cur counselling.Step) counselling.Step {
	steps := counselling.Steps()
	for i, st := range steps {
		if st == cur && i+1 < len(steps) {
			return steps[i+1]
		}
	}
	return counselling.StepClosed
}

func (d *Desk) textDialog(s *CaseScreen, titleID, labelID string, save func(text string) error) {
	var e *EntryDialog
	text := d.dialogEntry(&e, true, counselling.MaxNoteLen)
	e = d.entryDialog(s, titleID, []*widget.FormItem{widget.NewFormItem(d.loc.S(labelID), text)},
		func() error { return save(text.Text) })
	d.win.Canvas().Focus(text)
}

func (d *Desk) noteDialog(s *CaseScreen) {
	cs, _ := d.counselStore()
	d.textDialog(s, "counselling.action.note", "counselling.dialog.text", func(text string) error {
		_, err := cs.AddNote(d.ctx, *d.staff, s.file.Case.ID, text)
		return err
	})
}

func (d *Desk) consultationDialog(s *CaseScreen) {
	cs, _ := d.counselStore()
	d.textDialog(s, "counselling.action.consultation", "counselling.dialog.summary", func(text string) error {
		return cs.AddConsultation(d.ctx, *d.staff, s.file.Case.ID, d.opts.Today(), text)
	})
}

func (d *Desk) questionDialog(s *CaseScreen) {
	cs, _ := d.counselStore()
	d.textDialog(s, "counselling.action.question", "counselling.dialog.text", func(text string) error {
		return cs.AddQuestion(d.ctx, *d.staff, s.file.Case.ID, text)
	})
}

// appointmentLayout is how staff type an appointment: Swiss date and time.
const appointmentLayout = "02.01.2006 15:04"

func (d *Desk) appointmentDialog(s *CaseScreen) {
	cs, _ := d.counselStore()
	var e *EntryDialog
	when := d.dialogEntry(&e, false, 20)
	when.SetPlaceHolder(appointmentLayout)
	place := d.dialogEntry(&e, false, intake.MaxTextLen)
	lang := d.dialogEntry(&e, false, 20)
	lang.SetText(s.file.Details.InterpreterLanguage)
	items := []*widget.FormItem{
		widget.NewFormItem(d.loc.S("counselling.dialog.when"), when),
		widget.NewFormItem(d.loc.S("counselling.dialog.place"), place),
		widget.NewFormItem(d.loc.S("counselling.dialog.interpreter"), lang),
	}
	e = d.entryDialog(s, "counselling.action.appointment", items, func() error {
		at, err := time.ParseInLocation(appointmentLayout, strings.TrimSpace(when.Text), time.Local)
		if err != nil {
			return &counselling.Error{ID: "counselling.error.datetime", Op: "appointment"}
		}
		_, err = cs.SaveAppointment(d.ctx, *d.staff, counselling.Appointment{
			CaseID: s.file.Case.ID, At: at, Place: place.Text, InterpreterLanguage: strings.TrimSpace(lang.Text),
		})
		return err
	})
	d.win.Canvas().Focus(when)
}

// detailsDialog edits what the counsellor established: country, language,
// special needs, amount granted, documents and the exclusion facts.
func (d *Desk) detailsDialog(s *CaseScreen) {
	cs, _ := d.counselStore()
	det := s.file.Details
	var e *EntryDialog
	country := d.dialogEntry(&e, false, 2)
	country.SetText(det.Country)
	lang := d.dialogEntry(&e, false, 20)
	lang.SetText(det.InterpreterLanguage)
	granted := d.dialogEntry(&e, false, 9)
	if det.Granted > 0 {
		granted.SetText(strconv.FormatInt(det.Granted, 10))
	}
	special := widget.NewCheck(d.loc.S("counselling.dialog.special_needs"), nil)
	special.SetChecked(det.SpecialNeeds)
	items := []*widget.FormItem{
		widget.NewFormItem(d.loc.S("counselling.dialog.country"), country),
		widget.NewFormItem(d.loc.S("counselling.dialog.interpreter"), lang),
		widget.NewFormItem("", special),
		widget.NewFormItem(d.loc.S("counselling.dialog.granted"), granted),
	}
	docs := map[counselling.DocumentKind]*choice{}
	for _, k := range counselling.DocumentKinds() {
		c := newChoice(stringsOf(counselling.DocumentStatuses()), func(v string) string { return d.loc.S("counselling.doc_status." + v) }, false)
		c.SetValue(string(det.Document(k)))
		docs[k] = c
		items = append(items, widget.NewFormItem(d.loc.S("counselling.doc."+string(k)), c))
	}
	facts := d.factChecks(s, det, &items)
	e = d.entryDialog(s, "counselling.action.details", items, func() error {
		out := counselling.Details{Country: strings.ToUpper(strings.TrimSpace(country.Text)),
			InterpreterLanguage: strings.TrimSpace(lang.Text), SpecialNeeds: special.Checked,
			Documents: map[counselling.DocumentKind]counselling.DocumentStatus{}, Facts: facts()}
		if t := strings.TrimSpace(granted.Text); t != "" {
			n, err := strconv.ParseInt(t, 10, 64)
			if err != nil {
				return &counselling.Error{ID: counselling.MsgBadAmount, Op: "details", Args: map[string]any{"Max": 100 * counselling.MaxAmount}}
			}
			out.Granted = n
		}
		for k, c := range docs {
			out.Documents[k] = counselling.DocumentStatus(c.Value())
		}
		return cs.SaveCaseDetails(d.ctx, *d.staff, s.file.Case.ID, out)
	})
	d.win.Canvas().Focus(country)
}

// factChecks adds a row of exclusion facts per member and returns what
// reads them back.
func (d *Desk) factChecks(s *CaseScreen, det counselling.Details, items *[]*widget.FormItem) func() map[string]counselling.Facts {
	type row struct{ conviction, abuse *widget.Check }
	rows := map[string]row{}
	for _, m := range s.sheet.Members {
		f := det.Facts[m.Person.ID]
		r := row{widget.NewCheck(d.loc.S("counselling.dialog.conviction"), nil), widget.NewCheck(d.loc.S("counselling.dialog.abuse"), nil)}
		r.conviction.SetChecked(f.CriminalConviction)
		r.abuse.SetChecked(f.ClearAbuse)
		rows[m.Person.ID] = r
		*items = append(*items, widget.NewFormItem(m.Person.FullName(), container.NewHBox(r.conviction, r.abuse)))
	}
	return func() map[string]counselling.Facts {
		out := map[string]counselling.Facts{}
		for id, r := range rows {
			if r.conviction.Checked || r.abuse.Checked {
				out[id] = counselling.Facts{CriminalConviction: r.conviction.Checked, ClearAbuse: r.abuse.Checked}
			}
		}
		return out
	}
}

// saveSheet writes the preparation sheet as PDF where the staff choose;
// the export is audited before anything is written.
func (d *Desk) saveSheet(s *CaseScreen) {
	cs, _ := d.counselStore()
	fonts := d.scriptFonts()
	if fonts == nil || d.counsel.opts.SavePDF == nil {
		d.fail(fmt.Errorf("ui: save sheet: %w", d.counsel.fontErr))
		return
	}
	name := "counselling-" + d.opts.Today().String() + ".pdf"
	// write runs in the dialog's callback, on the UI goroutine, and reports
	// its own outcome on the status line.
	d.counsel.opts.SavePDF(name, func(w io.Writer) error {
		err := cs.RecordSheetExport(d.ctx, *d.staff, s.file.Case.ID)
		if err == nil {
			footer := d.loc.T("counselling.sheet.footer", map[string]any{"Date": d.loc.Date(d.opts.Today().Time())})
			err = casefile.WritePDF(w, casefile.Title(s.sheet, d.loc), s.Sections, footer, fonts.Set)
		}
		if err != nil {
			d.fail(err)
			return err
		}
		d.say("counselling.sheet.saved", nil)
		return nil
	})
}
