package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/guide/print"
	"accueil/i18n/bidi"
	"accueil/intake"
	"accueil/store"
)

// pageSize bounds what a list shows at once; search narrows the rest.
const pageSize = 300

// HomeScreen shows today's arrivals, expected arrivals or everyone, and
// one search field that answers as the staff type.
type HomeScreen struct {
	Search  *keyEntry
	Tabs    *container.AppTabs
	Results *widget.List
	Count   *widget.Label
	New     *widget.Button
	Import  *widget.Button
	Logout  *widget.Button
	// Newcomer hands the screen to a newcomer: the staff member is logged
	// out, and only a staff login leaves the newcomer screen.
	Newcomer *widget.Button
	// Drafts lists the guide's translations not yet reviewed.
	Drafts *widget.Button
	// Staff manages accounts (administrators only).
	Staff *widget.Button
	// Conflicts opens the conflicts between desks, shown while there are some.
	Conflicts *widget.Button
	// Audit opens the menu of occasional screens: guide translations,
	// and for administrators staff accounts, audit trail, statistics and
	// retention. Drafts and Staff are its entries.
	Audit *widget.Button
	// Week and Stats open the week's consultations (counsellors) and the
	// counselling statistics (counsellors and admins).
	Week, Stats *widget.Button

	rows   []store.Summary
	filter store.ListFilter
}

// Rows returns the persons the list shows, in display order.
func (h *HomeScreen) Rows() []store.Summary { return slices.Clone(h.rows) }

func (d *Desk) showHome() {
	if d.staff != nil && d.staff.Role == intake.RoleStatistics {
		d.showStatistics() // no person data for this role
		return
	}
	d.show(d.buildHome)
}

func (d *Desk) buildHome() fyne.CanvasObject {
	h := &HomeScreen{filter: store.ListArrivedToday}
	if d.Home != nil {
		h.filter = d.Home.filter
	}
	d.Home = h
	h.Search = newKeyEntry(func() { h.Search.SetText("") })
	h.Search.SetPlaceHolder(d.loc.S("home.search.placeholder"))
	h.Search.OnChanged = func(string) { d.refreshHome() }
	h.Search.OnSubmitted = func(string) { d.openFirstResult() }
	h.Count = widget.NewLabel("")
	h.Results = widget.NewList(
		func() int { return len(h.rows) },
		func() fyne.CanvasObject { return newSummaryRow(d.scriptFonts()) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*summaryRow).set(d, h.rows[i]) },
	)
	h.Results.OnSelected = func(i widget.ListItemID) {
		h.Results.UnselectAll()
		if i < len(h.rows) {
			d.openPerson(h.rows[i].ID)
		}
	}
	h.Tabs = container.NewAppTabs(
		container.NewTabItem(d.loc.S("home.tab.today"), widget.NewLabel("")),
		container.NewTabItem(d.loc.S("home.tab.expected"), widget.NewLabel("")),
		container.NewTabItem(d.loc.S("home.tab.all"), widget.NewLabel("")),
	)
	h.Tabs.SelectIndex(tabOf(h.filter))
	h.Tabs.OnSelected = func(*container.TabItem) {
		h.filter = filterOf(h.Tabs.SelectedIndex())
		d.refreshHome()
	}
	// The search box has a row of its own: it is what the desk uses most,
	// and beside the toolbar it would get what the buttons leave.
	top := container.NewVBox(container.NewBorder(nil, nil, nil, d.homeToolbar(h)), h.Search)
	d.refreshHome()
	d.refreshConflictCount()
	d.focus = h.Search
	// The counselling entries sit on the tab row, where there is room.
	counsel := container.NewHBox(d.counsellingHomeButtons(h)...)
	header := container.NewVBox(top, container.NewBorder(nil, nil, nil, container.NewHBox(container.NewVBox(counsel), h.Count), h.Tabs))
	return container.NewBorder(header, nil, nil, nil, h.Results)
}

func (d *Desk) homeToolbar(h *HomeScreen) fyne.CanvasObject {
	h.New = &widget.Button{Text: d.loc.S("home.new"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance,
		OnTapped: d.newArrival}
	h.Import = &widget.Button{Text: d.loc.S("home.import"), Icon: theme.UploadIcon(), OnTapped: d.showImport}
	h.Logout = &widget.Button{Text: d.loc.S("home.logout"), Icon: theme.LogoutIcon(), OnTapped: d.Logout}
	h.Newcomer = &widget.Button{Text: d.loc.S("home.newcomer"), Icon: theme.ComputerIcon(), OnTapped: d.toNewcomer}
	if !d.staff.Role.CanEditPersons() {
		h.New.Disable()
	}
	if !d.staff.Role.CanImport() {
		h.Import.Disable()
	}
	if d.opts.OnNewcomer == nil {
		h.Newcomer.Hide()
	}
	h.Drafts = &widget.Button{Text: d.loc.S("home.drafts"), Icon: theme.DocumentIcon(), OnTapped: d.showDrafts}
	if d.opts.Guide == nil {
		h.Drafts.Hide()
	}
	h.Staff = &widget.Button{Text: d.loc.S("home.staff"), Icon: theme.AccountIcon(), OnTapped: d.showStaff}
	if !d.staff.Role.CanManageStaff() {
		h.Staff.Hide()
	}
	h.Conflicts = d.newConflictsButton()
	return container.NewHBox(h.Conflicts, h.New, h.Import, h.Newcomer, d.securityButtons(h), d.languageSelect(), h.Logout)
}

func (d *Desk) toNewcomer() {
	d.staff = nil
	d.status.SetText("")
	d.opts.OnNewcomer()
}

// refreshHome reloads the list for the search text or the selected tab.
func (d *Desk) refreshHome() {
	h := d.Home
	if h == nil {
		return
	}
	text := strings.TrimSpace(h.Search.Text)
	var (
		rows  []store.Summary
		total int
		err   error
	)
	if text != "" {
		rows, err = d.store.Search(d.ctx, *d.staff, text, pageSize)
		total = len(rows)
	} else {
		rows, total, err = d.store.List(d.ctx, *d.staff, h.filter, d.opts.Today(), pageSize, 0)
		d.sortByName(rows)
	}
	if err != nil {
		d.fail(err)
		return
	}
	h.rows = rows
	h.Count.SetText(d.loc.T("home.count", map[string]any{"Count": total, "Shown": len(rows), "Total": d.loc.Number(total)}))
	h.Results.Refresh()
}

// sortByName orders a page by surname then given names in the staff
// language's collation (search results keep the store's relevance order).
func (d *Desk) sortByName(rows []store.Summary) {
	slices.SortStableFunc(rows, func(a, b store.Summary) int {
		if c := d.loc.Compare(a.Surname, b.Surname); c != 0 {
			return c
		}
		return d.loc.Compare(a.GivenNames, b.GivenNames)
	})
}

func (d *Desk) openFirstResult() {
	if d.Home != nil && len(d.Home.rows) > 0 {
		d.openPerson(d.Home.rows[0].ID)
	}
}

func tabOf(f store.ListFilter) int {
	switch f {
	case store.ListExpected:
		return 1
	case store.ListAll:
		return 2
	}
	return 0
}

func filterOf(tab int) store.ListFilter {
	switch tab {
	case 1:
		return store.ListExpected
	case 2:
		return store.ListAll
	}
	return store.ListArrivedToday
}

// summaryRow is one line of the lists: names in both scripts, birth date,
// nationality, permit, N number and status. The original-script name is
// drawn with the bundled fonts: a Label depends on the fonts the computer
// happens to have, and shows Ethiopic or Tamil as empty boxes on many.
type summaryRow struct {
	widget.BaseWidget
	name, detail *widget.Label
	original     *ScriptText
}

func newSummaryRow(fonts *Fonts) *summaryRow {
	r := &summaryRow{name: widget.NewLabel(""), detail: widget.NewLabel("")}
	r.original = NewScriptText(fonts, "", print.FontFiles[0], bidi.LTR, theme.TextSize())
	r.name.TextStyle.Bold = true
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *summaryRow) set(d *Desk, s store.Summary) {
	r.name.SetText(strings.TrimSpace(s.Surname + " " + s.GivenNames))
	if o := strings.TrimSpace(s.SurnameOriginal + " " + s.GivenNamesOriginal); o != r.original.Text {
		r.original.Text = o
		r.original.Refresh()
	}
	r.detail.SetText(d.summaryDetail(s))
}

// CreateRenderer implements fyne.Widget.
func (r *summaryRow) CreateRenderer() fyne.WidgetRenderer {
	// The label's inner padding, so that both names sit on one line.
	pad := theme.InnerPadding()
	original := container.New(layout.NewCustomPaddedLayout(pad, pad, pad, pad), r.original)
	names := container.NewGridWithColumns(2, r.name, original)
	return widget.NewSimpleRenderer(container.NewGridWithColumns(2, names, r.detail))
}

func (d *Desk) summaryDetail(s store.Summary) string {
	parts := []string{}
	if !s.BirthDate.IsZero() {
		dob := d.loc.Date(s.BirthDate.Time())
		if s.BirthDateApprox {
			dob = d.loc.T("person.dob.approx_short", map[string]any{"Date": dob})
		}
		parts = append(parts, dob)
	}
	for _, p := range []string{s.Nationality, string(s.Permit), s.NNumber} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if s.Status != "" {
		parts = append(parts, d.loc.S("status."+string(s.Status)))
	}
	return strings.Join(parts, " · ")
}
