package tabular

import (
	"strings"

	"accueil/intake"
)

// setter stores one trimmed cell in a person, or returns the problem that
// kept it from being stored.
type setter func(p *intake.Person, v string) *intake.Problem

// setters holds how each importable field is read from a cell.
var setters = map[intake.Field]setter{
	FieldID:                        func(p *intake.Person, v string) *intake.Problem { p.ID = v; return nil },
	intake.FieldSurname:            func(p *intake.Person, v string) *intake.Problem { p.Surname = v; return nil },
	intake.FieldGivenNames:         func(p *intake.Person, v string) *intake.Problem { p.GivenNames = v; return nil },
	intake.FieldSurnameOriginal:    func(p *intake.Person, v string) *intake.Problem { p.SurnameOriginal = v; return nil },
	intake.FieldGivenNamesOriginal: func(p *intake.Person, v string) *intake.Problem { p.GivenNamesOriginal = v; return nil },
	intake.FieldNNumber:            func(p *intake.Person, v string) *intake.Problem { p.NNumber = v; return nil },
	intake.FieldZEMISNumber:        func(p *intake.Person, v string) *intake.Problem { p.ZEMISNumber = v; return nil },
	intake.FieldFederalCentre:      func(p *intake.Person, v string) *intake.Problem { p.FederalCentre = v; return nil },
	intake.FieldHouseholdID:        func(p *intake.Person, v string) *intake.Problem { p.HouseholdID = v; return nil },
	intake.FieldAccommodationPlace: func(p *intake.Person, v string) *intake.Problem { p.AccommodationPlace = v; return nil },
	intake.FieldDietaryNeeds:       func(p *intake.Person, v string) *intake.Problem { p.DietaryNeeds = v; return nil },
	intake.FieldSex:                setSex,
	intake.FieldBirthDate:          setBirthDate,
	intake.FieldBirthDateApprox:    setBirthDateApprox,
	intake.FieldNationality:        setNationality,
	intake.FieldPreferredLanguage:  setPreferredLanguage,
	intake.FieldLanguages:          setLanguages,
	intake.FieldInterpreterNeeded:  setInterpreterNeeded,
	intake.FieldPermit:             setPermit,
	intake.FieldStatus:             setStatus,
	intake.FieldRelation:           setRelation,
	intake.FieldAccommodationKind:  setAccommodationKind,
	intake.FieldEntryDate:          dateSetter(intake.FieldEntryDate, func(p *intake.Person) *intake.Date { return &p.EntryDate }),
	intake.FieldApplicationDate:    dateSetter(intake.FieldApplicationDate, func(p *intake.Person) *intake.Date { return &p.ApplicationDate }),
	intake.FieldAttributionDate:    dateSetter(intake.FieldAttributionDate, func(p *intake.Person) *intake.Date { return &p.AttributionDate }),
	intake.FieldArrivalDate:        dateSetter(intake.FieldArrivalDate, func(p *intake.Person) *intake.Date { return &p.ArrivalDate }),
	intake.FieldAccommodationSince: dateSetter(intake.FieldAccommodationSince, func(p *intake.Person) *intake.Date { return &p.AccommodationSince }),
}

// invalid is the problem of a cell that could not be read; the raw value
// goes with it so that the preview can say what was wrong.
func invalid(f intake.Field, id, v string) *intake.Problem {
	return &intake.Problem{Field: f, ID: id, Args: map[string]any{"Value": v}}
}

func setSex(p *intake.Person, v string) *intake.Problem {
	sex, ok := ParseSex(v)
	if !ok {
		return invalid(intake.FieldSex, intake.MsgSexInvalid, v)
	}
	p.Sex = sex
	return nil
}

func setBirthDate(p *intake.Person, v string) *intake.Problem {
	d, approx, err := ParseBirthDate(v)
	if err != nil {
		return invalid(intake.FieldBirthDate, intake.MsgDateInvalid, v)
	}
	p.BirthDate = d
	// Or-ed with the approximate column, whichever comes first.
	p.BirthDateApprox = p.BirthDateApprox || approx
	return nil
}

func setBirthDateApprox(p *intake.Person, v string) *intake.Problem {
	b, ok := ParseBool(v)
	if !ok {
		return invalid(intake.FieldBirthDateApprox, MsgYesNo, v)
	}
	p.BirthDateApprox = p.BirthDateApprox || b
	return nil
}

func setNationality(p *intake.Person, v string) *intake.Problem {
	code, ok := ParseCountry(v)
	if !ok {
		return invalid(intake.FieldNationality, intake.MsgNationality, v)
	}
	p.Nationality = code
	return nil
}

func setPreferredLanguage(p *intake.Person, v string) *intake.Problem {
	tag, ok := ParseLanguage(v)
	if !ok {
		return invalid(intake.FieldPreferredLanguage, intake.MsgLanguageInvalid, v)
	}
	p.PreferredLanguage = tag
	return nil
}

func setLanguages(p *intake.Person, v string) *intake.Problem {
	tags, unknown := ParseLanguages(v)
	p.Languages = tags
	if len(unknown) > 0 {
		// One problem for the cell: the preview shows the parts it
		// could not read.
		return invalid(intake.FieldLanguages, intake.MsgLanguageInvalid, strings.Join(unknown, ", "))
	}
	return nil
}

func setInterpreterNeeded(p *intake.Person, v string) *intake.Problem {
	b, ok := ParseBool(v)
	if !ok {
		return invalid(intake.FieldInterpreterNeeded, MsgYesNo, v)
	}
	p.InterpreterNeeded = b
	return nil
}

func setPermit(p *intake.Person, v string) *intake.Problem {
	permit, ok := ParsePermit(v)
	if !ok {
		return invalid(intake.FieldPermit, intake.MsgPermitInvalid, v)
	}
	p.Permit = permit
	return nil
}

// setStatus reads the status column of an export read back. A federal list
// has none: its persons stay expected.
func setStatus(p *intake.Person, v string) *intake.Problem {
	if v == "" {
		return nil
	}
	s := intake.Status(strings.ToLower(v))
	if !s.Valid() {
		return invalid(intake.FieldStatus, intake.MsgStatusInvalid, v)
	}
	p.Status = s
	return nil
}

func dateSetter(f intake.Field, at func(*intake.Person) *intake.Date) setter {
	return func(p *intake.Person, v string) *intake.Problem {
		d, err := ParseDate(v)
		if err != nil {
			return invalid(f, intake.MsgDateInvalid, v)
		}
		*at(p) = d
		return nil
	}
}

// relationWords maps the keys of the words lists use for relations, in
// English, French and German, to the recorded values (whose own names are
// among the keys, so that an export reads back).
var relationWords = map[string]intake.Relation{
	"head": intake.RelationHead, "chefdefamille": intake.RelationHead, "chefdemenage": intake.RelationHead,
	"haushaltsvorstand": intake.RelationHead, "referenzperson": intake.RelationHead, "personnedereference": intake.RelationHead,
	"spouse": intake.RelationSpouse, "wife": intake.RelationSpouse, "husband": intake.RelationSpouse, "partner": intake.RelationSpouse,
	"conjoint": intake.RelationSpouse, "conjointe": intake.RelationSpouse, "epoux": intake.RelationSpouse, "epouse": intake.RelationSpouse,
	"ehepartner": intake.RelationSpouse, "ehepartnerin": intake.RelationSpouse, "ehefrau": intake.RelationSpouse, "ehemann": intake.RelationSpouse,
	"child": intake.RelationChild, "son": intake.RelationChild, "daughter": intake.RelationChild,
	"enfant": intake.RelationChild, "fils": intake.RelationChild, "fille": intake.RelationChild,
	"kind": intake.RelationChild, "sohn": intake.RelationChild, "tochter": intake.RelationChild,
	"parent": intake.RelationParent, "mother": intake.RelationParent, "father": intake.RelationParent,
	"mere": intake.RelationParent, "pere": intake.RelationParent, "elternteil": intake.RelationParent,
	"mutter": intake.RelationParent, "vater": intake.RelationParent,
	"sibling": intake.RelationSibling, "brother": intake.RelationSibling, "sister": intake.RelationSibling,
	"frere": intake.RelationSibling, "soeur": intake.RelationSibling, "bruder": intake.RelationSibling, "schwester": intake.RelationSibling,
	"geschwister": intake.RelationSibling,
	"other":       intake.RelationOther, "autre": intake.RelationOther, "andere": intake.RelationOther,
	"unaccompaniedminor": intake.RelationUnaccompaniedMinor, "uam": intake.RelationUnaccompaniedMinor,
	"mna": intake.RelationUnaccompaniedMinor, "rmna": intake.RelationUnaccompaniedMinor,
	"mineurnonaccompagne": intake.RelationUnaccompaniedMinor, "requerantmineurnonaccompagne": intake.RelationUnaccompaniedMinor,
	"uma": intake.RelationUnaccompaniedMinor, "unbegleiteterminderjahriger": intake.RelationUnaccompaniedMinor,
	"unbegleiteteminderjahrige": intake.RelationUnaccompaniedMinor,
}

func setRelation(p *intake.Person, v string) *intake.Problem {
	if v == "" {
		return nil
	}
	r, ok := relationWords[key(v)]
	if !ok {
		return invalid(intake.FieldRelation, intake.MsgRelationInvalid, v)
	}
	p.Relation = r
	return nil
}

// accommodationWords maps the keys of accommodation kinds as lists write
// them to the recorded values.
var accommodationWords = map[string]intake.AccommodationKind{
	"premieraccueil": intake.AccommodationPremierAccueil, "firstreception": intake.AccommodationPremierAccueil,
	"erstaufnahme": intake.AccommodationPremierAccueil,
	"collective":   intake.AccommodationCollective, "collectif": intake.AccommodationCollective, "foyer": intake.AccommodationCollective,
	"kollektivunterkunft": intake.AccommodationCollective, "kollektiv": intake.AccommodationCollective,
	"individual": intake.AccommodationIndividual, "individuel": intake.AccommodationIndividual, "appartement": intake.AccommodationIndividual,
	"individualunterkunft": intake.AccommodationIndividual, "wohnung": intake.AccommodationIndividual,
	"other": intake.AccommodationOther, "autre": intake.AccommodationOther, "andere": intake.AccommodationOther,
}

func setAccommodationKind(p *intake.Person, v string) *intake.Problem {
	if v == "" {
		return nil
	}
	k, ok := accommodationWords[key(v)]
	if !ok {
		return invalid(intake.FieldAccommodationKind, intake.MsgAccommodation, v)
	}
	p.AccommodationKind = k
	return nil
}

// maxLen is the limit a too long cell is reported against.
func maxLen(f intake.Field) int {
	switch f {
	case intake.FieldDietaryNeeds:
		return intake.MaxTextLen
	case intake.FieldFederalCentre, intake.FieldAccommodationPlace:
		return intake.MaxPlaceLen
	}
	return intake.MaxNameLen
}

// NewFile returns the person of a row as a new file: an "id" column (an
// export read back in) is dropped, because an imported row always becomes
// a new file; a row describing someone already on file is caught by the
// duplicate check (same N or ZEMIS number, or name and birth date) instead.
func (r Row) NewFile() intake.Person {
	p := r.Person
	p.ID = ""
	return p
}
