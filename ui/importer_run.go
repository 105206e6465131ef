package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
)

// progressInterval caps how often progress reaches the screen: refreshing
// on every row would keep the UI thread busy with drawing.
const progressInterval = 50 * time.Millisecond

var previewHeaders = []string{"import.col.row", "field.surname", "field.given_names", "field.date_of_birth", "field.nationality", "field.n_number", "import.col.remarks"}

func (d *Desk) previewSize(s *ImportScreen) (int, int) {
	if s.plan == nil {
		return 0, len(previewHeaders)
	}
	return len(s.plan.result.Rows) + 1, len(previewHeaders)
}

func (d *Desk) previewCell(s *ImportScreen, id widget.TableCellID) string {
	if id.Row == 0 {
		return d.loc.S(previewHeaders[id.Col])
	}
	r := s.plan.result.Rows[id.Row-1]
	p := r.Person
	switch id.Col {
	case 0:
		return fmt.Sprint(r.Line)
	case 1:
		return strings.TrimSpace(p.Surname + " " + p.SurnameOriginal)
	case 2:
		return strings.TrimSpace(p.GivenNames + " " + p.GivenNamesOriginal)
	case 3:
		return p.BirthDate.String()
	case 4:
		return p.Nationality
	case 5:
		return p.NNumber
	}
	return d.rowRemarks(s.plan, r.Line, r.Problems)
}

// rowRemarks explains, in the staff language, what is wrong with a row or
// whom it may duplicate.
func (d *Desk) rowRemarks(plan *importPlan, line int, problems []intake.Problem) string {
	var out []string
	for _, p := range problems {
		out = append(out, d.loc.S("field."+string(p.Field))+": "+d.loc.T(p.ID, p.Args))
	}
	for _, m := range plan.within[line] {
		out = append(out, d.loc.T("import.dup.row", map[string]any{"Row": m.Row}))
	}
	if n := len(plan.stored[line]); n > 0 {
		out = append(out, d.loc.T("import.dup.stored", map[string]any{"Count": n}))
	}
	return strings.Join(out, "; ")
}

// rowsToImport are the rows without errors, and without suspected
// duplicates unless the staff asked to import those too.
func (s *ImportScreen) rowsToImport() []intake.Person {
	var out []intake.Person
	for _, r := range s.plan.result.Rows {
		if len(r.Problems) > 0 || (!s.WithDuplicate.Checked && s.plan.flagged(r.Line)) {
			continue
		}
		out = append(out, r.NewFile())
	}
	return out
}

func (d *Desk) summarizeImport(s *ImportScreen) {
	if s.plan == nil {
		return
	}
	errs, dups := 0, 0
	for _, r := range s.plan.result.Rows {
		if len(r.Problems) > 0 {
			errs++
		} else if s.plan.flagged(r.Line) {
			dups++
		}
	}
	n := len(s.rowsToImport())
	s.Summary.SetText(d.loc.T("import.summary", map[string]any{
		"Count": len(s.plan.result.Rows), "Errors": errs, "Duplicates": dups, "Import": n,
	}))
	if missing := s.plan.result.Missing; len(missing) > 0 {
		// A list without a surname column imports nothing until staff map
		// one of its headers to the surname.
		s.Summary.SetText(d.loc.T("import.error.missing_column", map[string]any{"Field": d.loc.S("field." + string(missing[0]))}))
		n = 0
	}
	if n > 0 {
		s.Confirm.Enable()
	} else {
		s.Confirm.Disable()
	}
}

// showMapping offers a field for every header the importer did not know.
func (d *Desk) showMapping(s *ImportScreen, mapping map[string]intake.Field) {
	s.Mapping.RemoveAll()
	fields := stringsOf(intake.PersonFields())
	for _, h := range s.plan.result.Unmapped {
		header := h
		sel := newChoice(fields, func(v string) string {
			if v == "" {
				return d.loc.S("import.map.ignore")
			}
			return d.loc.S("field." + v)
		}, true)
		sel.SetValue(string(mapping[header]))
		sel.OnChanged = func(string) {
			next := map[string]intake.Field{}
			for k, v := range mapping {
				next[k] = v
			}
			next[header] = intake.Field(sel.Value())
			d.planImport(s, next)
		}
		s.Mapping.Add(container.NewBorder(nil, nil, widget.NewLabel(d.loc.T("import.map.header", map[string]any{"Header": header})), nil, sel.Select))
	}
}

// confirmImport writes the rows in the background with a progress bar;
// the store commits them in short batches so the desk stays responsive.
func (d *Desk) confirmImport(s *ImportScreen) {
	persons := s.rowsToImport()
	if len(persons) == 0 || s.busy.Load() {
		return
	}
	s.busy.Store(true)
	s.Confirm.Disable()
	s.Choose.Disable()
	s.Progress.SetValue(0)
	s.Progress.Show()
	staff, label := *d.staff, s.name
	go func() {
		last := time.Time{}
		_, err := d.store.Import(d.ctx, staff, label, persons, func(done, total int) {
			if now := time.Now(); now.Sub(last) >= progressInterval || done == total {
				last = now
				v := float64(done) / float64(total)
				fyne.Do(func() { s.Progress.SetValue(v) })
			}
		})
		fyne.Do(func() { d.importDone(s, len(persons), err) })
	}()
}

func (d *Desk) importDone(s *ImportScreen, n int, err error) {
	defer s.busy.Store(false)
	s.Choose.Enable()
	if err != nil {
		d.fail(err)
		return
	}
	s.plan = nil
	s.Preview.Refresh()
	s.result = d.loc.T("import.done", map[string]any{"Count": n})
	s.Summary.SetText(s.result)
	d.say("import.done", map[string]any{"Count": n})
	d.loadPastImports(s)
}

// loadPastImports lists earlier imports, newest first, each with Undo.
func (d *Desk) loadPastImports(s *ImportScreen) {
	s.Past.RemoveAll()
	infos, err := d.store.Imports(d.ctx, *d.staff)
	if err != nil {
		d.fail(err)
		return
	}
	slices.Reverse(infos)
	for i, info := range infos {
		if i == 5 {
			break
		}
		batch := info
		text := d.loc.T("import.past", map[string]any{"Label": batch.Label, "Count": batch.Count, "Date": d.loc.Date(batch.Time)})
		undo := widget.NewButton(d.loc.S("import.undo"), func() { d.askUndoImport(s, batch.ID, batch.Count) })
		if batch.Undone {
			undo.Disable()
		}
		s.Past.Add(container.NewBorder(nil, nil, nil, undo, widget.NewLabel(text)))
	}
}

// askUndoImport confirms before removing what an import created.
func (d *Desk) askUndoImport(s *ImportScreen, batch string, count int) {
	l := d.loc
	dialog.ShowConfirm(l.S("import.undo.title"), l.T("import.undo.body", map[string]any{"Count": count}), func(ok bool) {
		if ok {
			d.UndoImport(s, batch)
		}
	}, d.win)
}

// UndoImport removes the persons an import created and nobody edited since.
func (d *Desk) UndoImport(s *ImportScreen, batch string) {
	undone, kept, err := d.store.UndoImport(d.ctx, *d.staff, batch)
	if err != nil {
		d.fail(err)
		return
	}
	s.Summary.SetText(d.loc.T("import.undone", map[string]any{"Count": undone, "Kept": kept}))
	d.loadPastImports(s)
}
