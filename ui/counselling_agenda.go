package ui

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/casefile"
	"accueil/intake/counselling"
	"accueil/store"
)

// AgendaScreen lists a week's consultations, earliest first.
type AgendaScreen struct {
	Entries  []store.AgendaEntry
	Rows     *fyne.Container
	Previous *escButton
	Next     *escButton
	Back     *escButton
	// Open buttons open the case of each entry, in the order of Entries.
	Open []*escButton

	from time.Time
}

// counsellingHomeButtons are the home screen's entries for counsellors
// (the week's consultations, statistics) and admins (statistics).
func (d *Desk) counsellingHomeButtons(h *HomeScreen) []fyne.CanvasObject {
	week := &widget.Button{Text: d.loc.S("home.counselling.week"), Icon: theme.HistoryIcon(), OnTapped: func() { d.showAgenda(d.todayLocal()) }}
	stats := &widget.Button{Text: d.loc.S("home.counselling.stats"), Icon: theme.InfoIcon(), OnTapped: d.showStats}
	_, ok := d.counselStore()
	if !d.isCounsellor() {
		week.Hide()
	}
	if !ok || d.staff == nil || (!d.isCounsellor() && !d.staff.Role.CanReadStatistics()) {
		stats.Hide()
	}
	h.Week, h.Stats = week, stats
	return []fyne.CanvasObject{week, stats}
}

// todayLocal is the desk's date at midnight, local time.
func (d *Desk) todayLocal() time.Time {
	t := d.opts.Today()
	return time.Date(t.Year, t.Month, t.Day, 0, 0, 0, 0, time.Local)
}

func (d *Desk) showAgenda(day time.Time) {
	cs, _ := d.counselStore()
	from, to := counselling.WeekOf(day)
	entries, err := cs.Agenda(d.ctx, *d.staff, from, to)
	if err != nil {
		d.fail(err)
		return
	}
	d.show(func() fyne.CanvasObject { return d.buildAgenda(from, entries) })
}

func (d *Desk) buildAgenda(from time.Time, entries []store.AgendaEntry) fyne.CanvasObject {
	a := &AgendaScreen{Entries: entries, from: from, Rows: container.NewVBox()}
	d.Agenda = a
	l := d.loc
	names := d.staffNames()
	for _, e := range entries {
		name := e.Name
		if e.OriginalName != "" {
			name += " — " + e.OriginalName
		}
		open := d.escButton(l.S("counselling.agenda.open"), nil, func() { d.showCase(e.CaseID) })
		a.Open = append(a.Open, open)
		line := casefile.AppointmentLine(l, e.Appointment, orID(names, e.Counsellor))
		a.Rows.Add(container.NewBorder(nil, nil, nil, container.NewVBox(open), container.NewVBox(d.scriptLine(name, theme.TextSize(), true), widget.NewLabel(line))))
	}
	if len(entries) == 0 {
		a.Rows.Add(widget.NewLabel(l.S("counselling.agenda.empty")))
	}
	a.Previous = d.escButton(l.S("counselling.agenda.previous"), theme.NavigateBackIcon(), func() { d.showAgenda(from.AddDate(0, 0, -7)) })
	a.Next = d.escButton(l.S("counselling.agenda.next"), theme.NavigateNextIcon(), func() { d.showAgenda(from.AddDate(0, 0, 7)) })
	a.Back = d.escButton(l.S("counselling.action.home"), theme.HomeIcon(), d.showHome)
	title := widget.NewLabelWithStyle(l.T("counselling.agenda.title", map[string]any{
		"From": l.Date(from), "To": l.Date(from.AddDate(0, 0, 6)),
	}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.focus = a.Next
	return container.NewBorder(container.NewVBox(container.NewHBox(a.Back, a.Previous, a.Next), title), nil, nil, nil,
		container.NewVScroll(a.Rows))
}

// StatsScreen shows the bureau's figures with bar charts.
type StatsScreen struct {
	Stats counselling.Statistics
	Back  *escButton
	// Bars are the charts' bars by chart ("step", "country", "month") and
	// label, for tests.
	Bars map[string]map[string]int
}

func (d *Desk) showStats() {
	cs, _ := d.counselStore()
	st, err := cs.CounsellingStatistics(d.ctx, *d.staff)
	if err != nil {
		d.fail(err)
		return
	}
	d.show(func() fyne.CanvasObject { return d.buildStats(st) })
}

func (d *Desk) buildStats(st counselling.Statistics) fyne.CanvasObject {
	l := d.loc
	s := &StatsScreen{Stats: st, Bars: map[string]map[string]int{}}
	d.Stats = s
	s.Back = d.escButton(l.S("counselling.action.home"), theme.HomeIcon(), d.showHome)
	var steps, countries, months []bar
	for _, step := range counselling.AllSteps() {
		steps = append(steps, bar{l.S("counselling.step." + string(step)), st.ByStep[step]})
	}
	for _, c := range st.Countries() {
		countries = append(countries, bar{c, st.ByCountry[c]})
	}
	for _, m := range st.Months() {
		months = append(months, bar{m, st.Departures[m]})
	}
	for name, bars := range map[string][]bar{"step": steps, "country": countries, "month": months} {
		s.Bars[name] = map[string]int{}
		for _, b := range bars {
			s.Bars[name][b.label] = b.value
		}
	}
	summary := widget.NewLabelWithStyle(l.T("counselling.stats.summary", map[string]any{
		"Count": st.Cases, "Amount": casefile.Amount(l, st.Granted),
	}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	charts := container.NewGridWithColumns(2,
		titledCard(l.S("counselling.stats.by_step"), d.barChart(steps)),
		titledCard(l.S("counselling.stats.by_country"), d.barChart(countries)),
		titledCard(l.S("counselling.stats.departures"), d.barChart(months)),
	)
	d.focus = s.Back
	return container.NewBorder(container.NewVBox(container.NewHBox(s.Back), summary), nil, nil, nil, container.NewVScroll(charts))
}

// bar is one bar of a chart.
type bar struct {
	label string
	value int
}

// barChart draws horizontal bars with canvas primitives: a label, a
// rectangle as long as the value relative to the largest, the value.
func (d *Desk) barChart(bars []bar) fyne.CanvasObject {
	if len(bars) == 0 {
		return widget.NewLabel(d.loc.S("counselling.sheet.none"))
	}
	maxV := 1
	for _, b := range bars {
		maxV = max(maxV, b.value)
	}
	rows := container.NewVBox()
	for _, b := range bars {
		rect := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		track := canvas.NewRectangle(color.Transparent)
		value := canvas.NewText(strconv.Itoa(b.value), theme.Color(theme.ColorNameForeground))
		barArea := container.New(&barLayout{fraction: float32(b.value) / float32(maxV)}, track, rect)
		label := canvas.NewText(b.label, theme.Color(theme.ColorNameForeground))
		rows.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(labelWidth, 24), label), value, barArea))
	}
	return rows
}

// labelWidth holds the longest step name in the four staff languages.
const labelWidth = 290

// barLayout sizes the second object to a fraction of the width.
type barLayout struct{ fraction float32 }

func (b *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(size)
	objs[1].Move(fyne.NewPos(0, 4))
	objs[1].Resize(fyne.NewSize(size.Width*b.fraction, size.Height-8))
}

func (b *barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(120, 24) }
