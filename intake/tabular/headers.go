package tabular

import (
	"slices"
	"sync"

	"accueil/intake"
)

// FieldID names the export's identifier column. On reading, a column of
// that name fills [intake.Person.ID], so that an export reads back whole;
// an importer gives new files their own IDs.
const FieldID intake.Field = "id"

// headerNames lists, for each field an import can set, the header texts it
// is known by besides its own field name. Matching goes through key, so
// case, accents, spaces and punctuation do not matter: "Prénom(s)" covers
// "prenoms", "PRENOM(S)" and "Prénoms".
var headerNames = map[intake.Field][]string{
	FieldID: {"ID"},
	intake.FieldSurname: {
		"last name", "family name", "name", "nom", "noms", "nom de famille",
		"Nachname", "Familienname", "cognome",
	},
	intake.FieldGivenNames: {
		"given name", "first name", "first names", "forename", "forenames",
		"prénom", "prénoms", "Vorname", "Vornamen", "nome",
	},
	intake.FieldSurnameOriginal: {
		"surname original script", "name original script",
		"nom original", "nom écriture originale", "nom en écriture originale",
		"Name Originalschrift", "Nachname Originalschrift",
	},
	intake.FieldGivenNamesOriginal: {
		"given names original script", "first name original script",
		"prénom original", "prénoms écriture originale", "prénom en écriture originale",
		"Vorname Originalschrift", "Vornamen Originalschrift",
	},
	intake.FieldSex: {"gender", "M/F", "sexe", "H/F", "sexe (M/F)", "genre", "Geschlecht", "sesso"},
	intake.FieldBirthDate: {
		"DOB", "birth date", "birthdate", "date de naissance", "date naiss.", "DDN", "né le", "née le", "naissance",
		"Geburtsdatum", "Geb.-Datum", "geboren", "Geb.", "data di nascita",
	},
	intake.FieldBirthDateApprox: {
		"date of birth approximate", "DOB approximate",
		"date de naissance approximative", "Geburtsdatum ungefähr", "Geburtsdatum approximativ",
	},
	intake.FieldNationality: {
		"citizenship", "country of origin", "nationalité", "nat.", "pays d'origine",
		"Staatsangehörigkeit", "Staatsangehoerigkeit", "Nationalität", "Nationalitaet",
		"Staatszugehörigkeit", "Heimatstaat", "Herkunftsland", "nazionalità",
	},
	intake.FieldNNumber: {
		"N number", "N no", "N-No.", "N°", "N° N", "Nº N", "No N", "numéro N", "numéro de dossier", "N° dossier", "N° de dossier SEM",
		"N-Nummer", "N-Nr.", "Nr. N", "SEM number", "numéro SEM", "SEM-Nummer", "Dossiernummer",
	},
	intake.FieldZEMISNumber: {
		"ZEMIS", "ZEMIS number", "ZEMIS no", "no ZEMIS", "N° ZEMIS", "Nº ZEMIS", "numéro ZEMIS",
		"ZEMIS-Nummer", "ZEMIS-Nr.", "ZEMIS personal number", "numéro personnel ZEMIS", "Personennummer ZEMIS",
	},
	intake.FieldPreferredLanguage: {
		"preferred language", "mother tongue", "langue", "langue préférée", "langue maternelle",
		"Sprache", "bevorzugte Sprache", "Muttersprache", "lingua",
	},
	intake.FieldLanguages: {
		"spoken languages", "langues", "langues parlées", "Sprachen", "gesprochene Sprachen", "lingue",
	},
	intake.FieldInterpreterNeeded: {
		"interpreter", "interprète", "interprète nécessaire", "besoin d'interprète",
		"Dolmetscher", "Dolmetscher nötig", "Dolmetscher benötigt", "interprete",
	},
	intake.FieldPermit: {
		"permit type", "residence permit", "permis", "type de permis", "livret",
		"Ausweis", "Ausweisart", "Bewilligung", "Aufenthaltsstatus", "permesso",
	},
	intake.FieldEntryDate: {
		"date of entry", "entry into Switzerland", "date d'entrée", "entrée en Suisse",
		"Einreisedatum", "Einreise", "Einreise in die Schweiz",
	},
	intake.FieldApplicationDate: {
		"asylum application", "date of application", "date de la demande", "date de demande d'asile",
		"demande d'asile", "Gesuchsdatum", "Asylgesuch", "Datum Asylgesuch", "Gesuchseinreichung",
	},
	intake.FieldAttributionDate: {
		"date of attribution", "attribution", "date d'attribution", "attribué le",
		"Zuweisungsdatum", "Zuweisung", "Datum Zuweisung", "Zuteilung", "Zuteilungsdatum",
	},
	intake.FieldArrivalDate: {
		"date of arrival", "arrival", "date d'arrivée", "arrivée", "Ankunftsdatum", "Ankunft", "Eintrittsdatum",
	},
	intake.FieldFederalCentre: {
		"federal center", "federal asylum centre", "federal asylum center", "centre fédéral",
		"centre fédéral d'asile", "CFA", "Bundesasylzentrum", "BAZ",
	},
	intake.FieldHouseholdID:        {"household", "family id", "ménage", "id ménage", "Haushalt", "Haushalt-ID"},
	intake.FieldRelation:           {"relationship", "lien", "lien de parenté", "Beziehung", "Verwandtschaft"},
	intake.FieldStatus:             nil,
	intake.FieldAccommodationKind:  {"accommodation type", "type d'hébergement", "Unterkunftsart"},
	intake.FieldAccommodationPlace: {"accommodation", "hébergement", "lieu d'hébergement", "logement", "Unterkunft", "Unterbringung"},
	intake.FieldAccommodationSince: {"accommodated since", "hébergé depuis", "Unterkunft seit"},
	intake.FieldDietaryNeeds:       {"diet", "régime alimentaire", "Ernährung"},
}

// headerIndex maps the key of every recognised header to its field. Built
// once, read-only afterwards.
var headerIndex = sync.OnceValue(func() map[string]intake.Field {
	idx := map[string]intake.Field{}
	for f, names := range headerNames {
		idx[key(string(f))] = f
		for _, n := range names {
			idx[key(n)] = f
		}
	}
	return idx
})

// ImportableFields returns the fields an import can set, sorted: the ones
// the preview offers when staff map a column. Health fields are left out on
// purpose (a list from reception must not write what reception may not
// read), and so are the fields the store manages (merge, tombstone, batch)
// and the export's id column, which is recognised but not offered.
func ImportableFields() []intake.Field {
	out := make([]intake.Field, 0, len(headerNames))
	for f := range headerNames {
		if f != FieldID {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

func importable(f intake.Field) bool {
	_, ok := headerNames[f]
	return ok
}

// columnMap is the outcome of matching a header line.
type columnMap struct {
	byIndex  map[int]intake.Field
	unmapped []string
	missing  []intake.Field
}

// mapColumns matches headers to fields. Staff's mapping wins over the
// built-in names (it is how a wrong guess is corrected); a mapping to the
// empty field means "ignore this column". When two columns claim the same
// field, the first one keeps it and the second is listed as unmapped, so
// that the preview shows the clash.
func mapColumns(headers []string, mapping map[string]intake.Field) (columnMap, error) {
	staff := make(map[string]intake.Field, len(mapping))
	for h, f := range mapping {
		if f != "" && !importable(f) {
			return columnMap{}, newError("read", ErrField, "column %q mapped to %q, which an import cannot set", h, f)
		}
		staff[key(h)] = f
	}
	cm := columnMap{byIndex: map[int]intake.Field{}}
	taken := map[intake.Field]bool{}
	for i, h := range headers {
		f, ok := lookupHeader(h, mapping, staff)
		switch {
		case h == "", ok && f == "":
		case ok && !taken[f]:
			cm.byIndex[i] = f
			taken[f] = true
		default:
			cm.unmapped = append(cm.unmapped, h)
		}
	}
	if !taken[intake.FieldSurname] && !taken[intake.FieldSurnameOriginal] {
		cm.missing = append(cm.missing, intake.FieldSurname)
	}
	return cm, nil
}

func lookupHeader(h string, exact, staff map[string]intake.Field) (intake.Field, bool) {
	if f, ok := exact[h]; ok {
		return f, true
	}
	k := key(h)
	if f, ok := staff[k]; ok {
		return f, true
	}
	f, ok := headerIndex()[k]
	return f, ok
}
