package ui

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/casefile"
	"accueil/guide/print"
	"accueil/i18n/bidi"
	"accueil/intake"
	"accueil/intake/counselling"
	"accueil/store"
)

// CounsellingStore is what the counselling screens need of the store. The
// store refuses every call but statistics to roles other than counsellor;
// the screens hide what the role cannot use.
type CounsellingStore interface {
	CaseOf(ctx context.Context, by intake.Staff, personID string) (counselling.Case, bool, error)
	OpenCase(ctx context.Context, by intake.Staff, personID string) (counselling.Case, error)
	CaseFile(ctx context.Context, by intake.Staff, caseID string) (counselling.File, error)
	AdvanceCase(ctx context.Context, by intake.Staff, caseID string, to counselling.Step, reason string) (counselling.Case, error)
	SaveCaseDetails(ctx context.Context, by intake.Staff, caseID string, d counselling.Details) error
	AddNote(ctx context.Context, by intake.Staff, caseID, text string) (counselling.Note, error)
	Notes(ctx context.Context, by intake.Staff, caseID string) ([]counselling.Note, error)
	AddConsultation(ctx context.Context, by intake.Staff, caseID string, on intake.Date, summary string) error
	AddQuestion(ctx context.Context, by intake.Staff, caseID, text string) error
	ResolveQuestion(ctx context.Context, by intake.Staff, questionID string, resolved bool) error
	SaveAppointment(ctx context.Context, by intake.Staff, a counselling.Appointment) (string, error)
	Agenda(ctx context.Context, by intake.Staff, from, to time.Time) ([]store.AgendaEntry, error)
	CounsellingStatistics(ctx context.Context, by intake.Staff) (counselling.Statistics, error)
	RecordSheetExport(ctx context.Context, by intake.Staff, caseID string) error
	CounsellorNames(ctx context.Context, by intake.Staff) (map[string]string, error)
}

var _ CounsellingStore = (*store.Store)(nil)

// CounsellingOptions configure the counselling screens.
type CounsellingOptions struct {
	// Reference is the return-assistance reference data, or RefErr why it
	// could not be read: then the sheet says so instead of showing amounts.
	Reference counselling.Reference
	RefErr    error
	// SavePDF asks where to save the sheet and writes it; nil hides the
	// button. The desk's file dialog, or a test's recorder.
	SavePDF func(name string, write func(w io.Writer) error)
}

// counselDesk is the desk's counselling state.
type counselDesk struct {
	opts     CounsellingOptions
	set      bool
	fontOnce sync.Once
	fonts    *Fonts
	fontErr  error
}

// SetCounselling configures the counselling screens; without it they use
// the shipped reference data.
func (d *Desk) SetCounselling(o CounsellingOptions) { d.counsel.opts, d.counsel.set = o, true }

func (d *Desk) counselStore() (CounsellingStore, bool) {
	cs, ok := d.store.(CounsellingStore)
	return cs, ok
}

func (d *Desk) reference() (counselling.Reference, error) {
	if d.counsel.set {
		return d.counsel.opts.Reference, d.counsel.opts.RefErr
	}
	return casefile.LoadReference("")
}

// scriptFonts loads the bundled fonts once, for names in their scripts.
func (d *Desk) scriptFonts() *Fonts {
	d.counsel.fontOnce.Do(func() {
		set, err := print.BundledFonts()
		if err != nil {
			d.counsel.fontErr = err
			return
		}
		d.counsel.fonts = NewFonts(set)
	})
	return d.counsel.fonts
}

// isCounsellor tells whether the logged-in staff member sees counselling.
func (d *Desk) isCounsellor() bool {
	_, ok := d.counselStore()
	return ok && d.staff != nil && d.staff.Role == intake.RoleCounsellor
}

// counsellingButton is the person form's entry to the case: counsellors
// only, and only for a saved file.
func (d *Desk) counsellingButton(p intake.Person) *widget.Button {
	b := &widget.Button{Text: d.loc.S("person.counselling"), Icon: theme.FolderOpenIcon(),
		OnTapped: func() { d.openCase(p.ID) }}
	if p.ID == "" || !d.isCounsellor() {
		b.Hide()
	}
	return b
}

// openCase opens (or starts) the person's case and shows its sheet.
func (d *Desk) openCase(personID string) {
	cs, ok := d.counselStore()
	if !ok {
		return
	}
	c, err := cs.OpenCase(d.ctx, *d.staff, personID)
	if err != nil {
		d.fail(err)
		return
	}
	d.showCase(c.ID)
}

// CaseScreen is the consultation preparation sheet of a case, with the
// case's notes and actions.
type CaseScreen struct {
	Sections     []casefile.Section
	Advance      *escButton
	Note         *escButton
	Consultation *escButton
	Question     *escButton
	Appointment  *escButton
	Details      *escButton
	PDF          *escButton
	Back         *escButton
	Notes        *fyne.Container
	// Questions tick the open questions answered, in the order of the file.
	Questions []*widget.Check
	// Dialog is the open entry dialog, if any.
	Dialog *EntryDialog

	file  counselling.File
	sheet counselling.Sheet
	names map[string]string
}

// File returns the case file on display.
func (s *CaseScreen) File() counselling.File { return s.file }

func (d *Desk) showCase(caseID string) {
	cs, _ := d.counselStore()
	f, err := cs.CaseFile(d.ctx, *d.staff, caseID)
	if err != nil {
		d.fail(err)
		return
	}
	notes, err := cs.Notes(d.ctx, *d.staff, caseID)
	if err != nil {
		d.fail(err)
		return
	}
	d.show(func() fyne.CanvasObject { return d.buildCase(f, notes) })
}

func (d *Desk) staffNames() map[string]string {
	cs, _ := d.counselStore()
	names, err := cs.CounsellorNames(d.ctx, *d.staff)
	if err != nil {
		return map[string]string{} // names are a courtesy; IDs stand in
	}
	return names
}

func (d *Desk) buildCase(f counselling.File, notes []counselling.Note) fyne.CanvasObject {
	s := &CaseScreen{file: f, names: d.staffNames()}
	d.Case = s
	ref, refErr := d.reference()
	s.sheet = counselling.Prepare(f, ref, d.opts.Today())
	s.Sections = casefile.Sections(s.sheet, d.loc, func(id string) string { return s.names[id] })
	// Two columns: the person and the case on the left, money, open
	// points and notes on the right, each as tall as its own content.
	left, right := container.NewVBox(), container.NewVBox()
	if refErr != nil {
		left.Add(widget.NewLabelWithStyle(d.refProblem(refErr), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, sec := range s.Sections {
		if refErr != nil && (sec.ID == "assistance" || sec.ID == "eligibility") {
			continue // no amounts from figures that could not be read
		}
		col := left
		if rightSections[sec.ID] {
			col = right
		}
		if sec.ID == "questions" && len(f.Questions) > 0 {
			col.Add(d.questionsCard(s, sec.Title))
			continue
		}
		col.Add(d.sectionCard(sec))
	}
	s.Notes = container.NewVBox()
	d.fillNotes(s, notes)
	right.Add(titledCard(d.loc.S("counselling.notes.title"), s.Notes))
	title := casefile.Title(s.sheet, d.loc)
	top := container.NewVBox(d.scriptLine(title, 20, true), d.caseButtons(s))
	d.focus = s.Advance
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewGridWithColumns(2, left, right)))
}

// rightSections are the sheet's sections shown in the right column.
var rightSections = map[string]bool{
	"assistance": true, "documents": true, "questions": true, "consultations": true, "appointments": true,
}

func (d *Desk) refProblem(err error) string {
	var e *counselling.Error
	if !errors.As(err, &e) {
		e = &counselling.Error{ID: counselling.MsgRefRead}
	}
	return d.loc.T("counselling.error.reference", map[string]any{"Problem": d.loc.T(e.ID, e.Args), "Key": e.Key})
}

func (d *Desk) caseButtons(s *CaseScreen) fyne.CanvasObject {
	l := d.loc
	s.Advance = d.escButton(l.S("counselling.action.advance"), theme.MediaSkipNextIcon(), func() { d.stepDialog(s) })
	s.Advance.Importance = widget.HighImportance
	s.Note = d.escButton(l.S("counselling.action.note"), theme.DocumentCreateIcon(), func() { d.noteDialog(s) })
	s.Consultation = d.escButton(l.S("counselling.action.consultation"), nil, func() { d.consultationDialog(s) })
	s.Question = d.escButton(l.S("counselling.action.question"), nil, func() { d.questionDialog(s) })
	s.Appointment = d.escButton(l.S("counselling.action.appointment"), theme.HistoryIcon(), func() { d.appointmentDialog(s) })
	s.Details = d.escButton(l.S("counselling.action.details"), theme.SettingsIcon(), func() { d.detailsDialog(s) })
	s.PDF = d.escButton(l.S("counselling.action.pdf"), theme.DocumentSaveIcon(), func() { d.saveSheet(s) })
	s.Back = d.escButton(l.S("counselling.action.back"), theme.NavigateBackIcon(), func() { d.openPerson(s.file.Person.ID) })
	if s.file.Case.Closed {
		s.Advance.Disable()
	}
	if d.counsel.opts.SavePDF == nil {
		s.PDF.Hide()
	}
	// Two rows, so that the sheet fits a 1280-pixel screen in every language.
	return container.NewVBox(container.NewHBox(s.Back, s.Advance, s.Details, s.PDF),
		container.NewHBox(s.Note, s.Consultation, s.Question, s.Appointment))
}

func (d *Desk) sectionCard(sec casefile.Section) fyne.CanvasObject {
	box := container.NewVBox()
	for _, line := range sec.Lines {
		box.Add(d.scriptLine(line, theme.TextSize(), false))
	}
	return titledCard(sec.Title, box)
}

// titledCard is a card whose title wraps: a card's own title never does,
// and a long one in French or German would widen the whole sheet.
func titledCard(title string, content fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Wrapping = fyne.TextWrapWord
	t.SizeName = theme.SizeNameSubHeadingText
	return widget.NewCard("", "", container.NewVBox(t, content))
}

// scriptLine shows staff text that may hold names in any script: Latin
// text goes in a Label, anything else through ScriptText and the bundled
// fonts, which a Label would draw with boxes or clip.
func (d *Desk) scriptLine(text string, size float32, bold bool) fyne.CanvasObject {
	fonts := d.scriptFonts()
	if fonts == nil || latinOnly(text) {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		l.Wrapping = fyne.TextWrapWord
		if size > theme.TextSize() {
			l.SizeName = theme.SizeNameSubHeadingText
		}
		return l
	}
	st := NewScriptText(fonts, text, print.FontFiles[0], bidi.LTR, size)
	st.Bold = bold
	return container.NewPadded(st)
}

func latinOnly(s string) bool {
	for _, r := range s {
		if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin, unicode.Common, unicode.Inherited) {
			return false
		}
	}
	return true
}

func (d *Desk) fillNotes(s *CaseScreen, notes []counselling.Note) {
	s.Notes.RemoveAll()
	if len(notes) == 0 {
		s.Notes.Add(widget.NewLabel(d.loc.S("counselling.notes.empty")))
	}
	for i := len(notes) - 1; i >= 0; i-- {
		n := notes[i]
		head := widget.NewLabelWithStyle(d.loc.T("counselling.note.by", map[string]any{
			"Date": d.loc.Date(n.Time) + " " + n.Time.Local().Format("15:04"), "Author": orID(s.names, n.Author),
		}), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		s.Notes.Add(head)
		s.Notes.Add(d.scriptLine(n.Text, theme.TextSize(), false))
	}
}

func orID(names map[string]string, id string) string {
	if n := names[id]; n != "" {
		return n
	}
	return id
}

// counselMessage shows a refused entry in the staff language.
func (d *Desk) counselMessage(err error) string {
	var e *counselling.Error
	if errors.As(err, &e) {
		return d.loc.T(e.ID, e.Args)
	}
	return d.loc.S(errorKind(err))
}

// escButton is a button that hands Escape to the desk: a focused Button
// keeps every key, so without it Esc would not leave a screen once the
// staff tabbed onto a button.
type escButton struct {
	widget.Button
	onEscape func()
}

func (d *Desk) escButton(text string, icon fyne.Resource, tapped func()) *escButton {
	b := &escButton{onEscape: d.escape}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey implements fyne.Focusable.
func (b *escButton) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && b.onEscape != nil {
		b.onEscape()
		return
	}
	b.Button.TypedKey(k)
}

// questionsCard lists the open questions with a box each to tick one
// answered; the PDF prints the same questions with their state.
func (d *Desk) questionsCard(s *CaseScreen, title string) fyne.CanvasObject {
	cs, _ := d.counselStore()
	box := container.NewVBox()
	for _, q := range s.file.Questions {
		c := widget.NewCheck(q.Text+" ("+d.loc.Date(q.Asked.Time())+")", nil)
		c.SetChecked(q.Resolved)
		c.OnChanged = func(done bool) {
			if err := cs.ResolveQuestion(d.ctx, *d.staff, q.ID, done); err != nil {
				d.fail(err)
				return
			}
			d.say("counselling.question.saved", nil)
		}
		s.Questions = append(s.Questions, c)
		box.Add(c)
	}
	return titledCard(title, box)
}
