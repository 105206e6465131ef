package ui

import (
	"slices"
	"strings"

	"accueil/intake"
)

// load fills the widgets from p.
func (f *PersonForm) load(p intake.Person) {
	f.Surname.SetText(p.Surname)
	f.GivenNames.SetText(p.GivenNames)
	f.SurnameOriginal.SetText(p.SurnameOriginal)
	f.GivenNamesOriginal.SetText(p.GivenNamesOriginal)
	f.Sex.SetValue(string(p.Sex))
	f.BirthApprox.SetChecked(p.BirthDateApprox)
	f.Nationality.SetText(p.Nationality)
	f.Languages.SetText(strings.Join(p.Languages, ", "))
	f.Preferred.SetText(p.PreferredLanguage)
	f.Interpreter.SetChecked(p.InterpreterNeeded)
	f.NNumber.SetText(p.NNumber)
	f.ZEMIS.SetText(p.ZEMISNumber)
	f.Permit.SetValue(string(p.Permit))
	f.Status.SetValue(string(p.Status))
	f.FederalCentre.SetText(p.FederalCentre)
	f.Relation.SetValue(string(p.Relation))
	f.AccommodationKind.SetValue(string(p.AccommodationKind))
	f.AccommodationPlace.SetText(p.AccommodationPlace)
	f.Dietary.SetText(p.DietaryNeeds)
	if f.Health != nil {
		f.Health.SetText(p.HealthNotes)
	}
	for field, d := range datesOf(p) {
		f.dates[field].SetText(d.Time().Format(formDateLayout))
	}
	var checked []string
	for i, v := range intake.Vulnerabilities {
		if slices.Contains(p.Vulnerabilities, v) {
			checked = append(checked, f.Vulnerabilities.Options[i])
		}
	}
	f.Vulnerabilities.SetSelected(checked)
}

func datesOf(p intake.Person) map[intake.Field]intake.Date {
	out := map[intake.Field]intake.Date{}
	for field, d := range map[intake.Field]intake.Date{
		intake.FieldBirthDate: p.BirthDate, intake.FieldEntryDate: p.EntryDate,
		intake.FieldApplicationDate: p.ApplicationDate, intake.FieldAttributionDate: p.AttributionDate,
		intake.FieldArrivalDate: p.ArrivalDate, intake.FieldAccommodationSince: p.AccommodationSince,
	} {
		if !d.IsZero() {
			out[field] = d
		}
	}
	return out
}

// read builds the person the form describes, starting from the loaded file
// so that fields the form does not show (or the role may not read) are kept.
func (f *PersonForm) read() (intake.Person, []intake.Problem) {
	p := f.person
	p.Surname = strings.TrimSpace(f.Surname.Text)
	p.GivenNames = strings.TrimSpace(f.GivenNames.Text)
	p.SurnameOriginal = strings.TrimSpace(f.SurnameOriginal.Text)
	p.GivenNamesOriginal = strings.TrimSpace(f.GivenNamesOriginal.Text)
	p.Sex = intake.Sex(f.Sex.Value())
	p.BirthDateApprox = f.BirthApprox.Checked
	p.Nationality = strings.ToUpper(strings.TrimSpace(f.Nationality.Text))
	p.Languages = splitTags(f.Languages.Text)
	p.PreferredLanguage = strings.TrimSpace(f.Preferred.Text)
	p.InterpreterNeeded = f.Interpreter.Checked
	p.NNumber = strings.TrimSpace(f.NNumber.Text)
	p.ZEMISNumber = strings.TrimSpace(f.ZEMIS.Text)
	p.Permit = intake.Permit(f.Permit.Value())
	p.Status = intake.Status(f.Status.Value())
	p.FederalCentre = strings.TrimSpace(f.FederalCentre.Text)
	p.Relation = intake.Relation(f.Relation.Value())
	p.AccommodationKind = intake.AccommodationKind(f.AccommodationKind.Value())
	p.AccommodationPlace = strings.TrimSpace(f.AccommodationPlace.Text)
	p.DietaryNeeds = strings.TrimSpace(f.Dietary.Text)
	if f.Health != nil {
		p.HealthNotes = strings.TrimSpace(f.Health.Text)
	}
	p.Vulnerabilities = nil
	for i, label := range f.Vulnerabilities.Options {
		if slices.Contains(f.Vulnerabilities.Selected, label) {
			p.Vulnerabilities = append(p.Vulnerabilities, intake.Vulnerabilities[i])
		}
	}
	problems := f.readDates(&p)
	return p, problems
}

func (f *PersonForm) readDates(p *intake.Person) []intake.Problem {
	var problems []intake.Problem
	targets := map[intake.Field]*intake.Date{
		intake.FieldBirthDate: &p.BirthDate, intake.FieldEntryDate: &p.EntryDate,
		intake.FieldApplicationDate: &p.ApplicationDate, intake.FieldAttributionDate: &p.AttributionDate,
		intake.FieldArrivalDate: &p.ArrivalDate, intake.FieldAccommodationSince: &p.AccommodationSince,
	}
	for _, field := range sortedFields(targets) {
		text := f.dates[field].Text
		d, err := intake.ParseDate(text)
		if err != nil {
			problems = append(problems, intake.Problem{Field: field, ID: intake.MsgDateInvalid, Args: map[string]any{"Value": text}})
			continue
		}
		*targets[field] = d
	}
	return problems
}

func sortedFields[V any](m map[intake.Field]V) []intake.Field {
	out := make([]intake.Field, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// splitTags reads "ar, fa-AF ti" as a list of language tags.
func splitTags(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' })
	return slices.Compact(fields)
}

// loadHistory lists earlier accommodation of the person, newest first,
// from the file's events: the log is the history, nothing is overwritten.
func (f *PersonForm) loadHistory() {
	if f.person.ID == "" {
		return
	}
	events, err := f.d.store.History(f.d.ctx, *f.d.staff, f.person.ID)
	if err != nil {
		f.d.fail(err)
		return
	}
	var lines []string
	for _, e := range slices.Backward(events) {
		if line := f.accommodationLine(e); line != "" {
			lines = append(lines, line)
		}
	}
	if len(lines) > 0 {
		f.History.SetText(f.d.loc.S("person.accommodation.history") + "\n" + strings.Join(lines, "\n"))
	}
}

func (f *PersonForm) accommodationLine(e intake.Event) string {
	var kind, place, since string
	for _, c := range e.Changes {
		switch c.Field {
		case intake.FieldAccommodationKind:
			kind = f.d.loc.S("accommodation." + orUnknown(c.Value))
		case intake.FieldAccommodationPlace:
			place = c.Value
		case intake.FieldAccommodationSince:
			if d, err := intake.ParseDate(c.Value); err == nil && !d.IsZero() {
				since = f.d.loc.Date(d.Time())
			}
		}
	}
	if kind == "" && place == "" {
		return ""
	}
	return "• " + strings.TrimSpace(strings.Join([]string{since, kind, place}, " "))
}

// formDateLayout is how date fields show a date for editing: the Swiss
// DD.MM.YYYY in every staff language, which intake.ParseDate reads back.
const formDateLayout = "02.01.2006"
