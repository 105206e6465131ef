package counselling

import (
	"errors"
	"strings"
)

// Message IDs of errors. The user interface translates them; Args and Key
// of [Error] give the details the messages need.
const (
	// MsgClosed: the case is closed or withdrawn; nothing follows.
	MsgClosed = "counselling.error.closed"
	// MsgUnknownStep: the target is not a step of the case. Args: "Step".
	MsgUnknownStep = "counselling.error.unknown_step"
	// MsgSameStep: the case is already at that step.
	MsgSameStep = "counselling.error.same_step"
	// MsgSkipNeedsReason: a step was skipped without saying why.
	MsgSkipNeedsReason = "counselling.error.skip_needs_reason"
	// MsgBackNeedsReason: the case went back without saying why.
	MsgBackNeedsReason = "counselling.error.back_needs_reason"
	// MsgCloseNeedsReason: closing or withdrawing needs a reason.
	MsgCloseNeedsReason = "counselling.error.close_needs_reason"
	// MsgReasonTooLong: the reason is longer than allowed. Args: "Max".
	MsgReasonTooLong = "counselling.error.reason_too_long"
	// MsgByRequired: a step change must name the counsellor.
	MsgByRequired = "counselling.error.by_required"
	// MsgDateRequired: a step change must be dated.
	MsgDateRequired = "counselling.error.date_required"
	// MsgDateBeforeLast: the change is dated before the previous one.
	// Args: "Last".
	MsgDateBeforeLast = "counselling.error.date_before_last"

	// MsgRefRead: the reference file could not be read.
	MsgRefRead = "counselling.reference.error.read"
	// MsgRefMalformed: the reference file is not valid TOML or a value has
	// the wrong type; Key names the last key read, if known.
	MsgRefMalformed = "counselling.reference.error.malformed"
	// MsgRefUnknownKey: the file holds a key this version does not know,
	// usually a typing mistake that would otherwise leave a value unset.
	MsgRefUnknownKey = "counselling.reference.error.unknown_key"
	// MsgRefMissing: a required key is missing.
	MsgRefMissing = "counselling.reference.error.missing"
	// MsgRefNegative: an amount is negative.
	MsgRefNegative = "counselling.reference.error.negative"
	// MsgRefTooLarge: an amount or age is beyond any plausible value.
	// Args: "Max".
	MsgRefTooLarge = "counselling.reference.error.too_large"
	// MsgRefCountry: an entry of the visa-exempt list is not an ISO 3166-1
	// alpha-2 country code. Args: "Value".
	MsgRefCountry = "counselling.reference.error.country"
)

// Error is a refused step change or an unusable reference file: the message
// ID the user interface shows, the operation, the offending reference key
// where there is one, the message's arguments and the underlying cause.
type Error struct {
	ID   string
	Op   string // "advance", "load reference"
	Key  string // dotted reference key, such as "lump_sum.per_adult"
	Args map[string]any
	Err  error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("counselling: " + e.Op + ": " + e.ID)
	if e.Key != "" {
		b.WriteString(" (" + e.Key + ")")
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is an *Error with the same message ID, so that
// errors.Is(err, &Error{ID: MsgSkipNeedsReason}) works through wrapping.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.ID == e.ID
}

// MessageID returns the message ID of err, or "" when err is nil or not
// an *Error.
func MessageID(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.ID
	}
	return ""
}

// MessageIDs returns every message ID this package puts in errors, reasons
// and breakdowns, for the catalogs' completeness tests.
func MessageIDs() []string {
	return []string{
		MsgClosed, MsgUnknownStep, MsgSameStep, MsgSkipNeedsReason, MsgBackNeedsReason,
		MsgCloseNeedsReason, MsgReasonTooLong, MsgByRequired, MsgDateRequired, MsgDateBeforeLast,
		MsgRefRead, MsgRefMalformed, MsgRefUnknownKey, MsgRefMissing, MsgRefNegative,
		MsgRefTooLarge, MsgRefCountry,
		MsgCriminalConviction, MsgClearAbuse, MsgVisaExempt, MsgNationalityUnknown, MsgBirthDateUnknown,
		MsgLumpSumAdults, MsgLumpSumChildren, MsgTravelMoney, MsgReintegration,
		MsgReintegrationSpecial, MsgMedical,
		MsgTextRequired, MsgTextTooLong, MsgBadCountry, MsgBadAmount, MsgBadDocument,
		MsgTimeRequired, MsgPlaceRequired,
	}
}
