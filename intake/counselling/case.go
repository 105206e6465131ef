package counselling

import (
	"slices"
	"strings"
	"unicode/utf8"

	"accueil/intake"
)

// Step is where a counselling case stands.
type Step string

// The working steps of a case, in order, and the two outcomes that end it.
const (
	StepNone                  Step = "" // a case not yet opened
	StepFirstContact          Step = "first_contact"
	StepSituationAnalysis     Step = "situation_analysis"
	StepHomeCountryEnquiry    Step = "home_country_enquiry"
	StepMeasuresApplied       Step = "measures_applied"
	StepTravelDocuments       Step = "travel_documents"
	StepJourneyBooked         Step = "journey_booked"
	StepDeparturePaid         Step = "departure_paid"
	StepReintegrationFollowUp Step = "reintegration_followup"

	StepClosed    Step = "closed"
	StepWithdrawn Step = "withdrawn"
)

// Steps lists the working steps in the order a case normally goes through
// them. The outcomes [StepClosed] and [StepWithdrawn] are not in it: they
// may follow any step.
func Steps() []Step {
	return []Step{
		StepFirstContact, StepSituationAnalysis, StepHomeCountryEnquiry, StepMeasuresApplied,
		StepTravelDocuments, StepJourneyBooked, StepDeparturePaid, StepReintegrationFollowUp,
	}
}

// Terminal reports whether s ends a case.
func (s Step) Terminal() bool { return s == StepClosed || s == StepWithdrawn }

// Valid reports whether s is a working step or an outcome.
func (s Step) Valid() bool { return s.Terminal() || slices.Contains(Steps(), s) }

// index is the position of s in Steps; StepNone comes just before the first
// step so that opening a case is an ordinary move to the next step.
func (s Step) index() int {
	if s == StepNone {
		return -1
	}
	return slices.Index(Steps(), s)
}

// StepChange records one move of a case: from where to where, who made it,
// on which day and, for skips, returns and endings, why.
type StepChange struct {
	From   Step
	To     Step
	By     string // the counsellor's staff ID
	On     intake.Date
	Reason string
}

// Case is the return counselling of one person or household. Its history
// is kept when the household's members change, so that what was decided and
// for whom stays on file.
type Case struct {
	ID          string
	PersonID    string // the person the case was opened from
	HouseholdID string // empty when the case concerns one person only
	Step        Step   // a working step, or the outcome once closed
	Closed      bool
	CloseReason string
	History     []StepChange
}

// MaxReasonLen limits a reason, in characters, like intake's free text.
const MaxReasonLen = intake.MaxTextLen

// Advance moves the case to step to, on day on, by counsellor by. Going to
// the next step needs no reason; skipping steps, going back, closing and
// withdrawing do, because each of them is a decision someone may later ask
// about. A closed or withdrawn case does not move again: a person who comes
// back gets a new case, and the old one keeps its record. A refused change
// leaves the case as it was and returns an *Error.
func (c *Case) Advance(to Step, by string, on intake.Date, reason string) error {
	reason = strings.TrimSpace(reason)
	if id, args := c.check(to, by, on, reason); id != "" {
		return &Error{ID: id, Op: "advance", Args: args}
	}
	c.History = append(c.History, StepChange{From: c.Step, To: to, By: by, On: on, Reason: reason})
	c.Step = to
	if to.Terminal() {
		c.Closed, c.CloseReason = true, reason
	}
	return nil
}

// check returns the message ID and arguments of the first reason to refuse
// the change, or "" when it is allowed.
func (c *Case) check(to Step, by string, on intake.Date, reason string) (string, map[string]any) {
	switch {
	case c.Closed:
		return MsgClosed, nil
	case !to.Valid():
		return MsgUnknownStep, map[string]any{"Step": string(to)}
	case to == c.Step:
		return MsgSameStep, nil
	case strings.TrimSpace(by) == "":
		return MsgByRequired, nil
	case on.IsZero():
		return MsgDateRequired, nil
	case utf8.RuneCountInString(reason) > MaxReasonLen:
		return MsgReasonTooLong, map[string]any{"Max": MaxReasonLen}
	}
	if n := len(c.History); n > 0 && on.Before(c.History[n-1].On) {
		return MsgDateBeforeLast, map[string]any{"Last": c.History[n-1].On.String()}
	}
	if reason != "" {
		return "", nil
	}
	switch {
	case to.Terminal():
		return MsgCloseNeedsReason, nil
	case to.index() > c.Step.index()+1:
		return MsgSkipNeedsReason, nil
	case to.index() < c.Step.index():
		return MsgBackNeedsReason, nil
	}
	return "", nil
}
