package intake

import (
	"slices"
	"strings"
)

// Field names a recorded value of an entity. Field names are stable: they
// travel in change events between desks and the central, and the CSV import
// and export use the same names as column headers.
type Field string

// Person fields.
const (
	FieldSurname            Field = "surname"
	FieldGivenNames         Field = "given_names"
	FieldSurnameOriginal    Field = "surname_original"
	FieldGivenNamesOriginal Field = "given_names_original"
	FieldSex                Field = "sex"
	FieldBirthDate          Field = "date_of_birth"
	FieldBirthDateApprox    Field = "date_of_birth_approximate"
	FieldNationality        Field = "nationality"
	FieldLanguages          Field = "languages"
	FieldPreferredLanguage  Field = "language"
	FieldInterpreterNeeded  Field = "interpreter_needed"
	FieldNNumber            Field = "n_number"
	FieldZEMISNumber        Field = "zemis_number"
	FieldHouseholdID        Field = "household_id"
	FieldRelation           Field = "relation"
	FieldPermit             Field = "permit"
	FieldEntryDate          Field = "entry_date"
	FieldApplicationDate    Field = "application_date"
	FieldAttributionDate    Field = "attribution_date"
	FieldArrivalDate        Field = "arrival_date"
	FieldFederalCentre      Field = "federal_centre"
	FieldStatus             Field = "status"
	FieldAccommodationKind  Field = "accommodation_kind"
	FieldAccommodationPlace Field = "accommodation_place"
	FieldAccommodationSince Field = "accommodation_since"
	FieldVulnerabilities    Field = "vulnerabilities"
	FieldDietaryNeeds       Field = "dietary_needs"
	FieldHealthNotes        Field = "health_notes"
	FieldMergedInto         Field = "merged_into"
	// FieldImportBatch names the import that created the file, so that an
	// import can be undone.
	FieldImportBatch Field = "import_batch"
	// FieldDeleted is the tombstone: a deleted file keeps its history.
	FieldDeleted Field = "deleted"
)

// Household fields.
const (
	FieldHouseholdName Field = "name"
)

// Sensitivity says who may read a field.
type Sensitivity int

// Values of Sensitivity.
const (
	// Ordinary fields are readable by every staff role.
	Ordinary Sensitivity = iota
	// Health fields are readable only by roles with health access.
	Health
)

// FieldInfo describes how a field is protected and merged.
type FieldInfo struct {
	Sensitivity Sensitivity
	// Identity fields and health fields are never merged automatically when
	// two desks edit them concurrently: a person decides.
	NeverAutoMerge bool
}

var personFields = map[Field]FieldInfo{
	FieldSurname:            {NeverAutoMerge: true},
	FieldGivenNames:         {NeverAutoMerge: true},
	FieldSurnameOriginal:    {NeverAutoMerge: true},
	FieldGivenNamesOriginal: {NeverAutoMerge: true},
	FieldSex:                {NeverAutoMerge: true},
	FieldBirthDate:          {NeverAutoMerge: true},
	FieldBirthDateApprox:    {NeverAutoMerge: true},
	FieldNationality:        {NeverAutoMerge: true},
	FieldLanguages:          {},
	FieldPreferredLanguage:  {},
	FieldInterpreterNeeded:  {},
	FieldNNumber:            {NeverAutoMerge: true},
	FieldZEMISNumber:        {NeverAutoMerge: true},
	FieldHouseholdID:        {},
	FieldRelation:           {},
	FieldPermit:             {NeverAutoMerge: true},
	FieldEntryDate:          {},
	FieldApplicationDate:    {},
	FieldAttributionDate:    {},
	FieldArrivalDate:        {},
	FieldFederalCentre:      {},
	FieldStatus:             {},
	FieldAccommodationKind:  {},
	FieldAccommodationPlace: {},
	FieldAccommodationSince: {},
	FieldVulnerabilities:    {NeverAutoMerge: true},
	FieldDietaryNeeds:       {},
	FieldHealthNotes:        {Sensitivity: Health, NeverAutoMerge: true},
	FieldMergedInto:         {NeverAutoMerge: true},
	FieldImportBatch:        {},
	FieldDeleted:            {NeverAutoMerge: true},
}

// PersonFieldInfo returns how a person field is protected and merged, and
// whether the field is known.
func PersonFieldInfo(f Field) (FieldInfo, bool) {
	i, ok := personFields[f]
	return i, ok
}

// PersonFields returns every person field name, sorted.
func PersonFields() []Field {
	out := make([]Field, 0, len(personFields))
	for f := range personFields {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// Values flattens the person into field values, the form in which changes
// are recorded. Empty values are included so that clearing a field is a
// change like any other.
func (p Person) Values() map[Field]string {
	return map[Field]string{
		FieldSurname:            p.Surname,
		FieldGivenNames:         p.GivenNames,
		FieldSurnameOriginal:    p.SurnameOriginal,
		FieldGivenNamesOriginal: p.GivenNamesOriginal,
		FieldSex:                string(p.Sex),
		FieldBirthDate:          p.BirthDate.String(),
		FieldBirthDateApprox:    formatBool(p.BirthDateApprox),
		FieldNationality:        p.Nationality,
		FieldLanguages:          strings.Join(p.Languages, ","),
		FieldPreferredLanguage:  p.PreferredLanguage,
		FieldInterpreterNeeded:  formatBool(p.InterpreterNeeded),
		FieldNNumber:            p.NNumber,
		FieldZEMISNumber:        p.ZEMISNumber,
		FieldHouseholdID:        p.HouseholdID,
		FieldRelation:           string(p.Relation),
		FieldPermit:             string(p.Permit),
		FieldEntryDate:          p.EntryDate.String(),
		FieldApplicationDate:    p.ApplicationDate.String(),
		FieldAttributionDate:    p.AttributionDate.String(),
		FieldArrivalDate:        p.ArrivalDate.String(),
		FieldFederalCentre:      p.FederalCentre,
		FieldStatus:             string(p.Status),
		FieldAccommodationKind:  string(p.AccommodationKind),
		FieldAccommodationPlace: p.AccommodationPlace,
		FieldAccommodationSince: p.AccommodationSince.String(),
		FieldVulnerabilities:    joinVulnerabilities(p.Vulnerabilities),
		FieldDietaryNeeds:       p.DietaryNeeds,
		FieldHealthNotes:        p.HealthNotes,
		FieldMergedInto:         p.MergedInto,
		FieldImportBatch:        p.ImportBatch,
		FieldDeleted:            formatBool(p.Deleted),
	}
}

// PersonFromValues rebuilds a person from recorded field values. Values that
// do not parse (which validation prevents) are left empty rather than
// failing, so that one damaged value never hides a whole file.
func PersonFromValues(id string, v map[Field]string) Person {
	return Person{
		ID:                 id,
		Surname:            v[FieldSurname],
		GivenNames:         v[FieldGivenNames],
		SurnameOriginal:    v[FieldSurnameOriginal],
		GivenNamesOriginal: v[FieldGivenNamesOriginal],
		Sex:                Sex(v[FieldSex]),
		BirthDate:          lenientDate(v[FieldBirthDate]),
		BirthDateApprox:    v[FieldBirthDateApprox] == "true",
		Nationality:        v[FieldNationality],
		Languages:          splitList(v[FieldLanguages]),
		PreferredLanguage:  v[FieldPreferredLanguage],
		InterpreterNeeded:  v[FieldInterpreterNeeded] == "true",
		NNumber:            v[FieldNNumber],
		ZEMISNumber:        v[FieldZEMISNumber],
		HouseholdID:        v[FieldHouseholdID],
		Relation:           Relation(v[FieldRelation]),
		Permit:             Permit(v[FieldPermit]),
		EntryDate:          lenientDate(v[FieldEntryDate]),
		ApplicationDate:    lenientDate(v[FieldApplicationDate]),
		AttributionDate:    lenientDate(v[FieldAttributionDate]),
		ArrivalDate:        lenientDate(v[FieldArrivalDate]),
		FederalCentre:      v[FieldFederalCentre],
		Status:             Status(v[FieldStatus]),
		AccommodationKind:  AccommodationKind(v[FieldAccommodationKind]),
		AccommodationPlace: v[FieldAccommodationPlace],
		AccommodationSince: lenientDate(v[FieldAccommodationSince]),
		Vulnerabilities:    splitVulnerabilities(v[FieldVulnerabilities]),
		DietaryNeeds:       v[FieldDietaryNeeds],
		HealthNotes:        v[FieldHealthNotes],
		MergedInto:         v[FieldMergedInto],
		ImportBatch:        v[FieldImportBatch],
		Deleted:            v[FieldDeleted] == "true",
	}
}

// Changes returns the fields whose values differ between before and after.
func Changes(before, after map[Field]string) []Field {
	var out []Field
	for f, v := range after {
		if before[f] != v {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

func formatBool(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func lenientDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		return Date{}
	}
	return d
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func joinVulnerabilities(vs []Vulnerability) string {
	ss := make([]string, len(vs))
	for i, v := range vs {
		ss[i] = string(v)
	}
	slices.Sort(ss)
	return strings.Join(slices.Compact(ss), ",")
}

func splitVulnerabilities(s string) []Vulnerability {
	var out []Vulnerability
	for _, v := range splitList(s) {
		out = append(out, Vulnerability(v))
	}
	return out
}
