package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"accueil/i18n"
)

// DraftsScreen lists, per guide language, the pages not yet reviewed by a
// qualified translator, so staff know what newcomers read as a draft.
type DraftsScreen struct {
	Rows *widget.Table
	Back *widget.Button
	rows [][3]string
}

// Row returns a row of the table: language, drafts count, draft topics.
func (s *DraftsScreen) Row(i int) [3]string { return s.rows[i] }

func (d *Desk) showDrafts() { d.show(d.buildDrafts) }

func (d *Desk) buildDrafts() fyne.CanvasObject {
	s := &DraftsScreen{}
	d.Drafts = s
	g := d.opts.Guide
	for _, lang := range g.Languages() {
		drafts := g.Drafts(lang)
		s.rows = append(s.rows, [3]string{
			d.languageName(lang),
			d.loc.T("drafts.count", map[string]any{"Count": len(drafts), "Topics": len(g.Topics)}),
			strings.Join(drafts, ", "),
		})
	}
	s.Rows = widget.NewTable(
		func() (int, int) { return len(s.rows), 3 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.rows[id.Row][id.Col]) },
	)
	s.Rows.SetColumnWidth(0, 260)
	s.Rows.SetColumnWidth(1, 200)
	s.Rows.SetColumnWidth(2, 700)
	s.Back = &widget.Button{Text: d.loc.S("form.back"), Icon: theme.NavigateBackIcon(), OnTapped: d.showHome}
	title := widget.NewLabelWithStyle(d.loc.S("drafts.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(d.loc.S("drafts.intro"))
	intro.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(container.NewHBox(s.Back, title), intro), nil, nil, nil, s.Rows)
}

// languageName names a guide language in the staff language, with its tag
// (Latin script only: the staff view's theme font does not carry every
// script, the newcomer screen does).
func (d *Desk) languageName(tag string) string {
	t := language.Make(tag)
	name := display.Tags(d.loc.Tag()).Name(t)
	if name == "" {
		if l, ok := i18n.Lookup(t); ok {
			name = l.English
		}
	}
	return fmt.Sprintf("%s (%s)", name, tag)
}
