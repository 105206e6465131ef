package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
	"accueil/store"
)

// DuplicateDialog shows the files a new arrival may duplicate, with the
// reason, and lets the staff choose: open one of them (same person) or
// save a new file (a different person, not asked again).
type DuplicateDialog struct {
	Open      []*widget.Button // one per candidate: "same person, open this file"
	Merge     []*widget.Button // for a saved file: "same person, merge into this file"
	Different *widget.Button
	Back      *widget.Button
	dialog    *dialog.CustomDialog
}

func (f *PersonForm) askDuplicates(p intake.Person, cands []store.Candidate) {
	l := f.d.loc
	dd := &DuplicateDialog{}
	rows := container.NewVBox(widget.NewLabel(l.T("dup.intro", map[string]any{"Count": len(cands)})))
	for _, c := range cands {
		id := c.Summary.ID
		open := &widget.Button{Text: l.S("dup.same"), OnTapped: func() {
			dd.dialog.Hide()
			f.d.openPerson(id)
		}}
		dd.Open = append(dd.Open, open)
		actions := container.NewVBox(open)
		if p.ID != "" {
			merge := &widget.Button{Text: l.S("dup.merge"), OnTapped: func() { f.askMerge(dd, id) }}
			dd.Merge = append(dd.Merge, merge)
			actions.Add(merge)
		}
		rows.Add(widget.NewCard(candidateName(c.Summary), f.d.summaryDetail(c.Summary),
			container.NewBorder(nil, nil, nil, actions, widget.NewLabel(f.reasons(c.Reasons)))))
	}
	others := make([]string, len(cands))
	for i, c := range cands {
		others[i] = c.Summary.ID
	}
	dd.Different = &widget.Button{Text: l.S("dup.different"), Importance: widget.WarningImportance, OnTapped: func() {
		dd.dialog.Hide()
		f.Duplicates = nil
		f.commit(p, others)
	}}
	if p.ID != "" {
		dd.Different.Text = l.S("dup.different_saved")
	}
	dd.Back = &widget.Button{Text: l.S("dup.back"), OnTapped: func() {
		dd.dialog.Hide()
		f.Duplicates = nil
	}}
	content := container.NewBorder(nil, container.NewHBox(dd.Different, dd.Back), nil, nil, container.NewVScroll(rows))
	dd.dialog = dialog.NewCustomWithoutButtons(l.S("dup.title"), content, f.d.win)
	dd.dialog.Resize(fyne.NewSize(640, 480))
	f.Duplicates = dd
	dd.dialog.Show()
}

func candidateName(s store.Summary) string {
	name := strings.TrimSpace(s.Surname + " " + s.GivenNames)
	if orig := strings.TrimSpace(s.SurnameOriginal + " " + s.GivenNamesOriginal); orig != "" {
		name += " — " + orig
	}
	return name
}

func (f *PersonForm) reasons(rs []intake.Reason) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = f.d.loc.S("dup.reason." + string(r))
	}
	return strings.Join(out, "; ")
}

// CheckDuplicates looks for other files of the same person as the saved
// file on display, for staff who suspect one was created twice.
func (f *PersonForm) CheckDuplicates() {
	if f.person.ID == "" {
		f.Save()
		return
	}
	cands, err := f.d.store.Duplicates(f.d.ctx, *f.d.staff, f.person)
	if err != nil {
		f.d.fail(err)
		return
	}
	if len(cands) == 0 {
		f.d.say("dup.none", nil)
		return
	}
	f.askDuplicates(f.person, cands)
}

// askMerge confirms, then folds the other file into this one. Both
// histories are kept; the other file's empty fields fill nothing here,
// its values fill this file's empty fields.
func (f *PersonForm) askMerge(dd *DuplicateDialog, other string) {
	l := f.d.loc
	dialog.ShowConfirm(l.S("dup.merge.title"), l.S("dup.merge.body"), func(ok bool) {
		if ok {
			f.merge(dd, other)
		}
	}, f.d.win)
}

func (f *PersonForm) merge(dd *DuplicateDialog, other string) {
	dd.dialog.Hide()
	f.Duplicates = nil
	if err := f.d.store.Merge(f.d.ctx, *f.d.staff, f.person.ID, other); err != nil {
		f.d.fail(err)
		return
	}
	f.d.openPerson(f.person.ID)
	f.d.say("dup.merged", nil)
}
