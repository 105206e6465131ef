package counselling

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"accueil/intake"
)

// DocumentKind is a document the return needs.
type DocumentKind string

// Documents of the checklist, in the order the sheet lists them.
const (
	DocTravelDocument DocumentKind = "travel_document"
	DocCivilStatus    DocumentKind = "civil_status"
	DocMedicalReports DocumentKind = "medical_reports"
)

// DocumentKinds lists the checklist's documents.
func DocumentKinds() []DocumentKind {
	return []DocumentKind{DocTravelDocument, DocCivilStatus, DocMedicalReports}
}

// DocumentStatus is how far a document of the checklist is.
type DocumentStatus string

// Statuses of a checklist document. The empty status reads as missing.
const (
	DocMissing   DocumentStatus = "missing"
	DocRequested DocumentStatus = "requested"
	DocReceived  DocumentStatus = "received"
	DocNotNeeded DocumentStatus = "not_needed"
)

// DocumentStatuses lists the statuses forms offer.
func DocumentStatuses() []DocumentStatus {
	return []DocumentStatus{DocMissing, DocRequested, DocReceived, DocNotNeeded}
}

// Valid reports whether s is a known status.
func (s DocumentStatus) Valid() bool { return slices.Contains(DocumentStatuses(), s) }

// Details are what the counsellor establishes for a case, beside its step.
type Details struct {
	Country             string // ISO 3166-1 alpha-2 of the return country
	InterpreterLanguage string // BCP 47 tag
	SpecialNeeds        bool   // raises the reintegration maximum
	// Facts holds the exclusion facts per person ID; absent means none.
	Facts     map[string]Facts
	Documents map[DocumentKind]DocumentStatus
	Granted   int64 // CHF actually paid out, entered at departure
}

// Document returns the status of a checklist document, missing by default.
func (d Details) Document(k DocumentKind) DocumentStatus {
	if s, ok := d.Documents[k]; ok && s.Valid() {
		return s
	}
	return DocMissing
}

// Message IDs of problems with entered counselling data.
const (
	MsgTextRequired  = "counselling.error.text_required"
	MsgTextTooLong   = "counselling.error.text_too_long" // Args: "Max"
	MsgBadCountry    = "counselling.error.country"
	MsgBadAmount     = "counselling.error.amount" // Args: "Max"
	MsgBadDocument   = "counselling.error.document"
	MsgTimeRequired  = "counselling.error.time_required"
	MsgPlaceRequired = "counselling.error.place_required"
)

// MaxNoteLen bounds a note or summary, in characters.
const MaxNoteLen = 4000

// CheckText returns the problem of a note, summary or question, or "".
func CheckText(s string) (string, map[string]any) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return MsgTextRequired, nil
	case utf8.RuneCountInString(s) > MaxNoteLen:
		return MsgTextTooLong, map[string]any{"Max": MaxNoteLen}
	}
	return "", nil
}

// Check returns the first problem of d, or "".
func (d Details) Check() (string, map[string]any) {
	if d.Country != "" && !intake.ValidCountryCode(d.Country) {
		return MsgBadCountry, nil
	}
	if d.Granted < 0 || d.Granted > 100*MaxAmount {
		return MsgBadAmount, map[string]any{"Max": 100 * MaxAmount}
	}
	for k, s := range d.Documents {
		if !slices.Contains(DocumentKinds(), k) || !s.Valid() {
			return MsgBadDocument, nil
		}
	}
	return "", nil
}

// Note is a counsellor's note on a case. Author is the staff ID of the
// writer; notes are never edited, a correction is a new note.
type Note struct {
	ID     string
	CaseID string
	Author string
	Time   time.Time
	Text   string
}

// Consultation is the summary of one consultation, for the next one.
type Consultation struct {
	ID      string
	CaseID  string
	On      intake.Date
	By      string
	Summary string
}

// Question is an open question for the home-country enquiry.
type Question struct {
	ID       string
	CaseID   string
	Text     string
	Asked    intake.Date
	Resolved bool
}

// Appointment is a planned consultation. At is the desk's local wall time.
type Appointment struct {
	ID                  string
	CaseID              string
	At                  time.Time
	Place               string
	Counsellor          string // staff ID
	InterpreterLanguage string // BCP 47 tag, empty when none is needed
}

// Check returns the first problem of a, or "".
func (a Appointment) Check() (string, map[string]any) {
	switch {
	case a.At.IsZero():
		return MsgTimeRequired, nil
	case strings.TrimSpace(a.Place) == "":
		return MsgPlaceRequired, nil
	case utf8.RuneCountInString(a.Place) > intake.MaxTextLen:
		return MsgTextTooLong, map[string]any{"Max": intake.MaxTextLen}
	}
	return "", nil
}

// WeekOf returns the Monday 00:00 starting the week of t and the Monday
// after, in t's location.
func WeekOf(t time.Time) (from, to time.Time) {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	offset := (int(d.Weekday()) + 6) % 7 // Monday = 0
	from = d.AddDate(0, 0, -offset)
	return from, from.AddDate(0, 0, 7)
}
