package intake

// Person is one file at the office: identity, procedure, accommodation and
// needs. Names are kept in Latin transcription and, where known, in the
// original script.
type Person struct {
	ID string // UUID made on the desk that created the file

	Surname            string // Latin transcription, as in federal files
	GivenNames         string
	SurnameOriginal    string // original script, where known
	GivenNamesOriginal string
	Sex                Sex
	BirthDate          Date
	BirthDateApprox    bool   // the day or month is not known for sure
	Nationality        string // ISO 3166-1 alpha-2 code, upper case
	Languages          []string
	PreferredLanguage  string // BCP 47 tag of the language for information
	InterpreterNeeded  bool

	NNumber     string // SEM file number, as entered
	ZEMISNumber string // ZEMIS personal number, as entered

	HouseholdID string
	Relation    Relation

	Permit          Permit
	EntryDate       Date // entry into Switzerland
	ApplicationDate Date // asylum application
	AttributionDate Date // attribution to Valais
	ArrivalDate     Date // arrival at Premier Accueil
	FederalCentre   string
	Status          Status

	AccommodationKind  AccommodationKind
	AccommodationPlace string
	AccommodationSince Date

	Vulnerabilities []Vulnerability
	DietaryNeeds    string
	HealthNotes     string // restricted: roles with health access only

	MergedInto  string // set when this file was merged into another one
	ImportBatch string // the import that created the file, if any
	Deleted     bool   // tombstone: hidden from lists, history kept
}

// FullName returns the Latin transcription, surname first.
func (p Person) FullName() string { return joinNonEmpty(p.Surname, p.GivenNames) }

// OriginalName returns the name in the original script, surname first.
func (p Person) OriginalName() string {
	return joinNonEmpty(p.SurnameOriginal, p.GivenNamesOriginal)
}

// Household groups persons who arrived and live together.
type Household struct {
	ID   string
	Name string // a reference, usually the family name
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}
