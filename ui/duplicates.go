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
		rows.Add(widget.NewCard(candidateName(c.Summary), f.d.summaryDetail(c.Summary),
			container.NewBorder(nil, nil, nil, open, widget.NewLabel(f.reasons(c.Reasons)))))
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
