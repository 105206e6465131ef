package intake

// Permit is the residence status of a person in the asylum domain.
type Permit string

// The statuses the office records.
const (
	PermitNone Permit = ""    // not yet known
	PermitN    Permit = "N"   // asylum seeker, procedure pending
	PermitF    Permit = "F"   // provisionally admitted
	PermitB    Permit = "B"   // recognised refugee
	PermitS    Permit = "S"   // person in need of protection
	PermitRAD  Permit = "RAD" // rejected, departure deadline set
)

// Permits lists the statuses in the order forms show them.
var Permits = []Permit{PermitN, PermitF, PermitB, PermitS, PermitRAD}

// Valid reports whether p is one of the known statuses or unknown.
func (p Permit) Valid() bool {
	if p == PermitNone {
		return true
	}
	for _, k := range Permits {
		if p == k {
			return true
		}
	}
	return false
}

// Sex as recorded in federal files.
type Sex string

// Recorded values of Sex.
const (
	SexUnknown Sex = ""
	SexFemale  Sex = "F"
	SexMale    Sex = "M"
	SexOther   Sex = "X"
)

// Sexes lists the values forms offer.
var Sexes = []Sex{SexFemale, SexMale, SexOther}

// Valid reports whether s is a known value.
func (s Sex) Valid() bool {
	return s == SexUnknown || s == SexFemale || s == SexMale || s == SexOther
}

// Status is where a person stands at the desk.
type Status string

// Values of Status.
const (
	// StatusExpected: attributed to the canton (often from the federal
	// attribution list) but not yet checked in at the desk.
	StatusExpected Status = "expected"
	// StatusArrived: checked in at the desk.
	StatusArrived Status = "arrived"
	// StatusLeft: no longer under the canton's responsibility.
	StatusLeft Status = "left"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	return s == StatusExpected || s == StatusArrived || s == StatusLeft
}

// Relation of a person to the household's reference person.
type Relation string

// Values of Relation.
const (
	RelationNone               Relation = ""
	RelationHead               Relation = "head"
	RelationSpouse             Relation = "spouse"
	RelationChild              Relation = "child"
	RelationParent             Relation = "parent"
	RelationSibling            Relation = "sibling"
	RelationOther              Relation = "other"
	RelationUnaccompaniedMinor Relation = "unaccompanied_minor"
)

// Relations lists the values forms offer.
var Relations = []Relation{RelationHead, RelationSpouse, RelationChild, RelationParent, RelationSibling, RelationOther, RelationUnaccompaniedMinor}

// Valid reports whether r is known.
func (r Relation) Valid() bool {
	if r == RelationNone {
		return true
	}
	for _, k := range Relations {
		if r == k {
			return true
		}
	}
	return false
}

// Vulnerability flags that change how the office cares for a person.
type Vulnerability string

// Values of Vulnerability.
const (
	VulnerablePregnancy          Vulnerability = "pregnancy"
	VulnerableDisability         Vulnerability = "disability"
	VulnerableUnaccompaniedMinor Vulnerability = "unaccompanied_minor"
	VulnerableTrauma             Vulnerability = "trauma"
	VulnerableMedicalEscort      Vulnerability = "medical_escort"
)

// Vulnerabilities lists the flags forms offer.
var Vulnerabilities = []Vulnerability{VulnerablePregnancy, VulnerableDisability, VulnerableUnaccompaniedMinor, VulnerableTrauma, VulnerableMedicalEscort}

// AccommodationKind is the kind of place a person lives in.
type AccommodationKind string

// Values of AccommodationKind, in the order of the usual path.
const (
	AccommodationNone           AccommodationKind = ""
	AccommodationPremierAccueil AccommodationKind = "premier_accueil"
	AccommodationCollective     AccommodationKind = "collective"
	AccommodationIndividual     AccommodationKind = "individual"
	AccommodationOther          AccommodationKind = "other"
)

// AccommodationKinds lists the values forms offer.
var AccommodationKinds = []AccommodationKind{AccommodationPremierAccueil, AccommodationCollective, AccommodationIndividual, AccommodationOther}
