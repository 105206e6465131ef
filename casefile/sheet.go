package casefile

import (
	"slices"
	"strings"

	"accueil/i18n"
	"accueil/intake"
	"accueil/intake/counselling"
)

// Section is one titled part of the sheet.
type Section struct {
	ID    string // stable name, for tests and screens: "household", "assistance"…
	Title string
	Lines []string
}

// travelFlags are the vulnerability flags that matter for a journey.
var travelFlags = []intake.Vulnerability{
	intake.VulnerableMedicalEscort, intake.VulnerablePregnancy,
	intake.VulnerableDisability, intake.VulnerableUnaccompaniedMinor,
}

// Names resolves staff IDs to names for the sheet; nil shows the IDs.
type Names func(staffID string) string

// Sections writes the sheet in the localizer's language.
func Sections(s counselling.Sheet, loc *i18n.Localizer, names Names) []Section {
	w := writer{loc: loc, names: names}
	return []Section{
		w.summary(s), w.household(s), w.procedure(s), w.travel(s), w.eligibility(s),
		w.assistance(s), w.documents(s), w.questions(s), w.consultations(s), w.appointments(s),
	}
}

// Title is the sheet's heading: the person's names in both scripts.
func Title(s counselling.Sheet, loc *i18n.Localizer) string {
	return loc.T("counselling.sheet.title", map[string]any{"Name": bothNames(s.Person)})
}

type writer struct {
	loc   *i18n.Localizer
	names Names
}

func (w writer) staff(id string) string {
	if w.names != nil {
		if n := w.names(id); n != "" {
			return n
		}
	}
	return id
}

func (w writer) date(d intake.Date) string {
	if d.IsZero() {
		return w.loc.S("counselling.sheet.unknown")
	}
	return w.loc.Date(d.Time())
}

// Amount formats whole francs in the staff language.
func Amount(loc *i18n.Localizer, chf int64) string {
	return loc.T("counselling.amount", map[string]any{"Amount": loc.Number(int(chf))})
}

func bothNames(p intake.Person) string {
	if o := p.OriginalName(); o != "" {
		return p.FullName() + " — " + o
	}
	return p.FullName()
}

func (w writer) summary(s counselling.Sheet) Section {
	l := w.loc
	lines := []string{
		l.T("counselling.sheet.step", map[string]any{"Step": l.S("counselling.step." + string(s.Case.Step))}),
	}
	if n := len(s.Case.History); n > 0 {
		first, last := s.Case.History[0], s.Case.History[n-1]
		lines = append(lines, l.T("counselling.sheet.opened", map[string]any{"Date": w.date(first.On), "By": w.staff(first.By)}),
			l.T("counselling.sheet.last_change", map[string]any{"Date": w.date(last.On), "By": w.staff(last.By)}))
		if last.Reason != "" {
			lines = append(lines, l.T("counselling.sheet.reason", map[string]any{"Reason": last.Reason}))
		}
	}
	if s.Details.Country != "" {
		lines = append(lines, l.T("counselling.sheet.country", map[string]any{"Country": s.Details.Country}))
	}
	lang := s.Details.InterpreterLanguage
	if lang == "" {
		lang = l.S("counselling.sheet.none")
	}
	lines = append(lines, l.T("counselling.sheet.interpreter", map[string]any{"Language": lang}))
	return Section{ID: "summary", Title: l.S("counselling.section.summary"), Lines: lines}
}

func (w writer) household(s counselling.Sheet) Section {
	var lines []string
	for _, m := range s.Members {
		lines = append(lines, w.member(m))
	}
	return Section{ID: "household", Title: w.loc.T("counselling.section.household", map[string]any{"Count": len(s.Members)}), Lines: lines}
}

func (w writer) member(m counselling.SheetMember) string {
	l, p := w.loc, m.Person
	parts := []string{bothNames(p)}
	if m.Age >= 0 {
		age := l.T("counselling.sheet.age", map[string]any{"Age": m.Age, "Born": w.date(p.BirthDate)})
		if p.BirthDateApprox {
			age += " " + l.S("counselling.sheet.approximate")
		}
		parts = append(parts, age)
	}
	if p.Relation != "" {
		parts = append(parts, l.S("relation."+string(p.Relation)))
	}
	if len(p.Languages) > 0 {
		parts = append(parts, l.T("counselling.sheet.languages", map[string]any{"Languages": strings.Join(p.Languages, ", ")}))
	}
	if p.InterpreterNeeded {
		parts = append(parts, l.S("counselling.sheet.interpreter_needed"))
	}
	return strings.Join(parts, " · ")
}

func (w writer) procedure(s counselling.Sheet) Section {
	l, p := w.loc, s.Person
	permit := l.S("permit.unknown")
	if p.Permit != "" {
		permit = l.S("permit." + string(p.Permit))
	}
	lines := []string{
		l.T("counselling.sheet.permit", map[string]any{"Permit": permit, "N": orDash(p.NNumber)}),
		l.T("counselling.sheet.dates", map[string]any{
			"Entry": w.date(p.EntryDate), "Application": w.date(p.ApplicationDate), "Attribution": w.date(p.AttributionDate),
		}),
	}
	acc := l.S("accommodation.unknown")
	if p.AccommodationKind != "" {
		acc = l.S("accommodation." + string(p.AccommodationKind))
	}
	lines = append(lines, l.T("counselling.sheet.accommodation", map[string]any{
		"Kind": acc, "Place": orDash(p.AccommodationPlace), "Since": w.date(p.AccommodationSince),
	}))
	return Section{ID: "procedure", Title: l.S("counselling.section.procedure"), Lines: lines}
}

// pair writes "label: value" with the language's punctuation.
func (w writer) pair(label, value string) string {
	return w.loc.T("counselling.sheet.pair", map[string]any{"Label": label, "Value": value})
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func (w writer) travel(s counselling.Sheet) Section {
	var lines []string
	for _, m := range s.Members {
		var flags []string
		for _, v := range travelFlags {
			if slices.Contains(m.Person.Vulnerabilities, v) {
				flags = append(flags, w.loc.S("vulnerability."+string(v)))
			}
		}
		if len(flags) > 0 {
			lines = append(lines, w.pair(m.Person.FullName(), strings.Join(flags, ", ")))
		}
	}
	if len(lines) == 0 {
		lines = []string{w.loc.S("counselling.sheet.no_travel_flags")}
	}
	return Section{ID: "travel", Title: w.loc.S("counselling.section.travel"), Lines: lines}
}

func (w writer) eligibility(s counselling.Sheet) Section {
	l := w.loc
	var lines []string
	for _, m := range s.Members {
		verdict := l.S("counselling.sheet.eligible")
		if !m.Eligible {
			verdict = l.S("counselling.sheet.excluded")
		}
		for _, r := range m.Reasons {
			verdict += " — " + l.T(r.ID, r.Args)
		}
		lines = append(lines, w.pair(m.Person.FullName(), verdict))
	}
	return Section{ID: "eligibility", Title: l.S("counselling.section.eligibility"), Lines: lines}
}

func (w writer) assistance(s counselling.Sheet) Section {
	l, b := w.loc, s.Assistance
	var lines []string
	if b.Provisional {
		lines = append(lines, l.S("counselling.sheet.provisional"))
	}
	for _, line := range b.Lines {
		lines = append(lines, w.assistanceLine(line))
	}
	lines = append(lines, l.T("counselling.sheet.total", map[string]any{"Amount": Amount(l, b.Total)}))
	if len(b.Approximate) > 0 {
		lines = append(lines, l.T("counselling.sheet.approximate_counted", map[string]any{"Count": len(b.Approximate)}))
	}
	if s.Details.Granted > 0 {
		lines = append(lines, l.T("counselling.sheet.granted", map[string]any{"Amount": Amount(l, s.Details.Granted)}))
	}
	return Section{ID: "assistance", Title: l.S("counselling.section.assistance"), Lines: lines}
}

func (w writer) assistanceLine(line counselling.Line) string {
	l := w.loc
	label := l.S(line.ID)
	switch line.Item {
	case counselling.ItemMedical:
		if line.Included {
			return w.pair(label, l.T("counselling.sheet.medical_yes", map[string]any{"Count": line.Count}))
		}
		return w.pair(label, l.S("counselling.sheet.none"))
	case counselling.ItemReintegration:
		return w.pair(label, Amount(l, line.Amount))
	}
	// N, not Count: a Count argument would make the message a plural one.
	return l.T("counselling.sheet.per_person", map[string]any{
		"Label": label, "N": line.Count, "Unit": Amount(l, line.Unit), "Amount": Amount(l, line.Amount),
	})
}

func (w writer) documents(s counselling.Sheet) Section {
	var lines []string
	for _, k := range counselling.DocumentKinds() {
		lines = append(lines, w.pair(w.loc.S("counselling.doc."+string(k)), w.loc.S("counselling.doc_status."+string(s.Details.Document(k)))))
	}
	return Section{ID: "documents", Title: w.loc.S("counselling.section.documents"), Lines: lines}
}

func (w writer) questions(s counselling.Sheet) Section {
	var lines []string
	for _, q := range s.Questions {
		// A bullet and words, not ballot boxes: the bundled fonts lack them.
		line := "• " + q.Text + " (" + w.date(q.Asked) + ")"
		if q.Resolved {
			line += " — " + w.loc.S("counselling.sheet.resolved")
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = []string{w.loc.S("counselling.sheet.none")}
	}
	return Section{ID: "questions", Title: w.loc.S("counselling.section.questions"), Lines: lines}
}

func (w writer) consultations(s counselling.Sheet) Section {
	var lines []string
	for i := len(s.Consultations) - 1; i >= 0; i-- { // newest first: the last one matters most
		c := s.Consultations[i]
		lines = append(lines, w.pair(w.date(c.On)+" ("+w.staff(c.By)+")", c.Summary))
	}
	if len(lines) == 0 {
		lines = []string{w.loc.S("counselling.sheet.none")}
	}
	return Section{ID: "consultations", Title: w.loc.S("counselling.section.consultations"), Lines: lines}
}

func (w writer) appointments(s counselling.Sheet) Section {
	var lines []string
	for _, a := range s.Appointments {
		if intake.DateOf(a.At).Before(s.Today) {
			continue
		}
		lines = append(lines, AppointmentLine(w.loc, a, w.staff(a.Counsellor)))
	}
	if len(lines) == 0 {
		lines = []string{w.loc.S("counselling.sheet.none")}
	}
	return Section{ID: "appointments", Title: w.loc.S("counselling.section.appointments"), Lines: lines}
}

// AppointmentLine describes an appointment: when, where, with whom and in
// which interpreter language.
func AppointmentLine(loc *i18n.Localizer, a counselling.Appointment, counsellor string) string {
	lang := a.InterpreterLanguage
	if lang == "" {
		lang = loc.S("counselling.sheet.none")
	}
	return loc.T("counselling.appointment.line", map[string]any{
		"Date": loc.Date(intake.DateOf(a.At).Time()), "Time": a.At.Format("15:04"),
		"Place": a.Place, "Counsellor": counsellor, "Language": lang,
	})
}
