package ui

import (
	"bytes"
	"fmt"
	"io"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
	"accueil/intake/tabular"
)

// ImportScreen previews an attribution list, flags errors and duplicates,
// and writes nothing until the staff confirm. Past imports can be undone.
type ImportScreen struct {
	Choose        *widget.Button
	Confirm       *widget.Button
	Back          *widget.Button
	WithDuplicate *widget.Check
	Summary       *widget.Label
	Progress      *widget.ProgressBar
	Preview       *widget.Table
	Mapping       *fyne.Container
	Past          *fyne.Container

	plan   *importPlan
	data   []byte
	name   string
	busy   atomic.Bool // an import is being written
	result string
}

// importPlan is a parsed list with its problems and duplicates.
type importPlan struct {
	result *tabular.Result
	within map[int][]tabular.Match
	stored map[int][]string // row line -> stored person IDs it may duplicate
}

func (p *importPlan) flagged(line int) bool {
	return len(p.within[line]) > 0 || len(p.stored[line]) > 0
}

func (d *Desk) showImport() { d.show(d.buildImport) }

func (d *Desk) buildImport() fyne.CanvasObject {
	s := &ImportScreen{}
	d.Import = s
	l := d.loc
	s.Choose = &widget.Button{Text: l.S("import.choose"), Icon: theme.FolderOpenIcon(), OnTapped: func() { d.chooseImportFile(s) }}
	s.Confirm = &widget.Button{Text: l.S("import.confirm"), Importance: widget.HighImportance, OnTapped: func() { d.confirmImport(s) }}
	s.Confirm.Disable()
	s.Back = &widget.Button{Text: l.S("form.back"), Icon: theme.NavigateBackIcon(), OnTapped: d.showHome}
	s.WithDuplicate = widget.NewCheck(l.S("import.with_duplicates"), func(bool) {
		if !s.busy.Load() {
			d.summarizeImport(s)
		}
	})
	s.Summary = widget.NewLabel(l.S("import.intro"))
	s.Summary.Wrapping = fyne.TextWrapWord
	s.Progress = widget.NewProgressBar()
	s.Progress.Hide()
	s.Mapping = container.NewVBox()
	s.Past = container.NewVBox()
	s.Preview = widget.NewTable(func() (int, int) { return d.previewSize(s) }, func() fyne.CanvasObject {
		lbl := widget.NewLabel("")
		lbl.Truncation = fyne.TextTruncateEllipsis
		return lbl
	}, func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(d.previewCell(s, id)) })
	for col, w := range []float32{60, 160, 160, 110, 80, 130, 420} {
		s.Preview.SetColumnWidth(col, w)
	}
	d.loadPastImports(s)
	top := container.NewVBox(container.NewHBox(s.Back, s.Choose, s.Confirm, s.WithDuplicate), s.Summary, s.Progress, s.Mapping)
	return container.NewBorder(top, s.Past, nil, nil, s.Preview)
}

func (d *Desk) chooseImportFile(s *ImportScreen) {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		if err := d.LoadImport(s, r, r.URI().Name()); err != nil {
			d.fail(err)
		}
	}, d.win)
}

// LoadImport reads a list into the preview; nothing is written.
func (d *Desk) LoadImport(s *ImportScreen, r io.Reader, name string) error {
	data, err := io.ReadAll(io.LimitReader(r, maxImportBytes+1))
	if err != nil {
		return fmt.Errorf("ui: read import: %w", err)
	}
	if len(data) > maxImportBytes {
		s.Summary.SetText(d.loc.S("import.error.too_big"))
		return nil
	}
	s.data, s.name = data, name
	d.planImport(s, nil)
	return nil
}

// maxImportBytes bounds an attribution list held in memory for preview.
const maxImportBytes = 256 << 20

// planImport parses the list (with the staff's header mapping) and checks
// every row against the file itself and the stored persons. The check runs
// in the background with a progress bar: a long list takes minutes, and
// the window must stay responsive meanwhile.
func (d *Desk) planImport(s *ImportScreen, mapping map[string]intake.Field) {
	if !s.busy.CompareAndSwap(false, true) {
		return
	}
	s.Confirm.Disable()
	s.Choose.Disable()
	s.Progress.SetValue(0)
	s.Progress.Show()
	s.Summary.SetText(d.loc.S("import.checking"))
	staff, data, today := *d.staff, s.data, d.opts.Today()
	go func() {
		plan, err := d.buildPlan(staff, data, today, mapping, func(done, total int) {
			v := float64(done) / float64(max(total, 1))
			fyne.Do(func() { s.Progress.SetValue(v) })
		})
		fyne.Do(func() { d.planned(s, plan, mapping, err) })
	}()
}

// buildPlan does the reading and checking; it touches no widget.
func (d *Desk) buildPlan(staff intake.Staff, data []byte, today intake.Date, mapping map[string]intake.Field, progress func(done, total int)) (*importPlan, error) {
	res, err := tabular.Read(bytes.NewReader(data), tabular.Options{Mapping: mapping, Today: today})
	if err != nil {
		return nil, err
	}
	plan := &importPlan{result: res, within: tabular.DuplicatesWithin(res.Rows), stored: map[int][]string{}}
	persons := make([]intake.Person, len(res.Rows))
	for i, r := range res.Rows {
		persons[i] = r.NewFile()
	}
	found, err := d.store.ImportDuplicates(d.ctx, staff, persons, progress)
	if err != nil {
		return nil, err
	}
	for i, cands := range found {
		for _, c := range cands {
			plan.stored[res.Rows[i].Line] = append(plan.stored[res.Rows[i].Line], c.Summary.ID)
		}
	}
	return plan, nil
}

// planned shows a finished check, or why the list cannot be imported.
func (d *Desk) planned(s *ImportScreen, plan *importPlan, mapping map[string]intake.Field, err error) {
	defer s.busy.Store(false)
	s.Progress.Hide()
	s.Choose.Enable()
	s.plan = plan
	switch {
	case err != nil && tabular.KindOf(err) != tabular.ErrOther:
		s.Summary.SetText(d.loc.S(importErrorID(err)))
	case err != nil:
		d.fail(err)
		s.Summary.SetText(d.loc.S("import.error.unreadable"))
	default:
		d.showMapping(s, mapping)
		d.summarizeImport(s)
	}
	s.Preview.Refresh()
}

func importErrorID(err error) string {
	return tabular.KindOf(err).MessageID()
}
