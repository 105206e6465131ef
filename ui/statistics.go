package ui

import (
	"context"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
	"accueil/store"
)

// statisticsStore is what the statistics screen needs.
type statisticsStore interface {
	IntakeStatistics(ctx context.Context, by intake.Staff) (store.IntakeStatistics, error)
}

var _ statisticsStore = (*store.Store)(nil)

// StatisticsScreen shows aggregate counts: the statistics role's only
// screen, and an admin's from the lists.
type StatisticsScreen struct {
	Total *widget.Label
	// Tables hold the counts by status, permit, nationality and month.
	Tables map[string]*widget.Label
	Back   *widget.Button
	Logout *widget.Button
	// Counselling opens the return-counselling statistics.
	Counselling *widget.Button
}

func (d *Desk) showStatistics() { d.show(d.buildStatistics) }

func (d *Desk) buildStatistics() fyne.CanvasObject {
	ss, ok := d.store.(statisticsStore)
	if !ok || d.staff == nil {
		return widget.NewLabel(d.loc.S("error.forbidden"))
	}
	st, err := ss.IntakeStatistics(d.ctx, *d.staff)
	if err != nil {
		d.fail(err)
		return widget.NewLabel(d.loc.S(errorKind(err)))
	}
	l := d.loc
	s := &StatisticsScreen{Total: widget.NewLabel(l.T("stats.total", map[string]any{"Count": st.Total})), Tables: map[string]*widget.Label{}}
	d.sec.stats = s
	s.Back = &widget.Button{Text: l.S("form.back"), Icon: theme.NavigateBackIcon(), OnTapped: d.showHome}
	s.Logout = &widget.Button{Text: l.S("home.logout"), Icon: theme.LogoutIcon(), OnTapped: d.Logout}
	if d.staff.Role == intake.RoleStatistics {
		s.Back.Hide()
	}
	status := func(k string) string { return l.S("status." + k) }
	plain := func(k string) string { return k }
	grid := container.NewGridWithColumns(4,
		d.statsTable(s, "stats.by_status", stringKeys(st.ByStatus), status),
		d.statsTable(s, "stats.by_permit", stringKeys(st.ByPermit), plain),
		d.statsTable(s, "stats.by_nationality", st.ByNationality, plain),
		d.statsTable(s, "stats.by_month", st.ArrivalsByMonth, monthLabel),
	)
	title := widget.NewLabelWithStyle(l.S("stats.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The return-counselling figures name nobody either: one tap away.
	s.Counselling = &widget.Button{Text: l.S("home.counselling.stats"), Icon: theme.InfoIcon(), OnTapped: d.showStats}
	if _, ok := d.counselStore(); !ok {
		s.Counselling.Hide()
	}
	top := container.NewBorder(nil, nil, container.NewHBox(s.Back, title), container.NewHBox(s.Counselling, d.languageSelect(), s.Logout))
	return container.NewBorder(container.NewVBox(top, s.Total), nil, nil, nil, container.NewVScroll(grid))
}

// statsTable is one titled column of "value: count" lines, by value.
func (d *Desk) statsTable(s *StatisticsScreen, titleID string, counts map[string]int, label func(string) string) fyne.CanvasObject {
	text := ""
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		name := d.loc.S("stats.unknown")
		if k != "" {
			name = label(k)
		}
		text += d.loc.T("stats.line", map[string]any{"Label": name, "Number": d.loc.Number(counts[k])}) + "\n"
	}
	body := widget.NewLabel(text)
	s.Tables[titleID] = body
	return container.NewVBox(widget.NewLabelWithStyle(d.loc.S(titleID), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), body)
}

// monthLabel writes a month key (2024-12) as Swiss readers do: 12.2024.
func monthLabel(k string) string {
	if y, m, ok := strings.Cut(k, "-"); ok && len(y) == 4 && len(m) == 2 {
		return m + "." + y
	}
	return k
}

func stringKeys[K ~string](m map[K]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[string(k)] = v
	}
	return out
}

// statisticsButton opens the statistics from the admin's lists.
func (d *Desk) statisticsButton() *widget.Button {
	b := &widget.Button{Text: d.loc.S("home.statistics"), Icon: theme.GridIcon(), OnTapped: d.showStatistics}
	if _, ok := d.store.(statisticsStore); !ok || !d.staff.Role.CanReadStatistics() {
		b.Hide()
	}
	return b
}

// securityButtons is the menu of the screens used now and then: guide
// translations, staff accounts and the admin's security screens (audit
// trail, statistics, retention). One button keeps the lists' toolbar
// within a desk screen's width in every staff language.
func (d *Desk) securityButtons(h *HomeScreen) fyne.CanvasObject {
	var items []*fyne.MenuItem
	for _, b := range []*widget.Button{h.Drafts, h.Staff, d.auditButton(), d.statisticsButton(), d.retentionButton()} {
		if b.Visible() {
			items = append(items, fyne.NewMenuItem(b.Text, b.OnTapped))
		}
	}
	d.sec.menu = fyne.NewMenu("", items...)
	b := &widget.Button{Text: d.loc.S("home.more"), Icon: theme.MenuDropDownIcon(), IconPlacement: widget.ButtonIconTrailingText}
	b.OnTapped = func() {
		c := d.win.Canvas()
		widget.ShowPopUpMenuAtPosition(d.sec.menu, c, fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height))
	}
	if len(items) == 0 {
		b.Hide()
	}
	h.Audit = b
	return b
}

// SecurityMenu returns the admin's security menu of the lists, or nil.
func (d *Desk) SecurityMenu() *fyne.Menu { return d.sec.menu }

// Statistics returns the statistics screen on display, or nil.
func (d *Desk) Statistics() *StatisticsScreen { return d.sec.stats }
