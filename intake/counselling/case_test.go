package counselling

import (
	"errors"
	"strings"
	"testing"

	"accueil/intake"
)

var day = intake.MustDate("2026-11-23")

// caseAt returns a case that went step by step up to s.
func caseAt(t *testing.T, s Step) *Case {
	t.Helper()
	c := &Case{ID: "c1", PersonID: "p1", HouseholdID: "h1"}
	for _, step := range Steps() {
		if err := c.Advance(step, "counsellor1", day, ""); err != nil {
			t.Fatalf("advance to %s: %v", step, err)
		}
		if step == s {
			break
		}
	}
	return c
}

func TestAdvance(t *testing.T) {
	tests := []struct {
		name   string
		from   Step
		to     Step
		by     string
		on     intake.Date
		reason string
		want   string // message ID, "" when allowed
	}{
		{"open a case", StepNone, StepFirstContact, "c", day, "", ""},
		{"open at a later step needs a reason", StepNone, StepSituationAnalysis, "c", day, "", MsgSkipNeedsReason},
		{"next step", StepFirstContact, StepSituationAnalysis, "c", day, "", ""},
		{"next step with a note", StepFirstContact, StepSituationAnalysis, "c", day, "as planned", ""},
		{"last working step", StepDeparturePaid, StepReintegrationFollowUp, "c", intake.MustDate("2026-11-24"), "", ""},
		{"skip without reason", StepFirstContact, StepHomeCountryEnquiry, "c", day, "", MsgSkipNeedsReason},
		{"skip with reason", StepFirstContact, StepHomeCountryEnquiry, "c", day, "analysis done at first contact", ""},
		{"blank reason is no reason", StepFirstContact, StepTravelDocuments, "c", day, "  \t", MsgSkipNeedsReason},
		{"back without reason", StepJourneyBooked, StepTravelDocuments, "c", day, "", MsgBackNeedsReason},
		{"back with reason", StepJourneyBooked, StepTravelDocuments, "c", day, "passport expired", ""},
		{"close without reason", StepSituationAnalysis, StepClosed, "c", day, "", MsgCloseNeedsReason},
		{"close with reason", StepSituationAnalysis, StepClosed, "c", day, "departed", ""},
		{"withdraw without reason", StepFirstContact, StepWithdrawn, "c", day, "", MsgCloseNeedsReason},
		{"withdraw with reason", StepFirstContact, StepWithdrawn, "c", day, "person decided to stay", ""},
		{"same step", StepTravelDocuments, StepTravelDocuments, "c", day, "again", MsgSameStep},
		{"unknown step", StepFirstContact, "holiday", "c", day, "x", MsgUnknownStep},
		{"no counsellor", StepFirstContact, StepSituationAnalysis, " ", day, "", MsgByRequired},
		{"no date", StepFirstContact, StepSituationAnalysis, "c", intake.Date{}, "", MsgDateRequired},
		{"dated before the last change", StepFirstContact, StepSituationAnalysis, "c", intake.MustDate("2026-11-22"), "", MsgDateBeforeLast},
		{"reason too long", StepFirstContact, StepClosed, "c", day, strings.Repeat("é", MaxReasonLen+1), MsgReasonTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := caseAt(t, tt.from)
			if tt.from == StepNone {
				c = &Case{ID: "c1"}
			}
			before := len(c.History)
			err := c.Advance(tt.to, tt.by, tt.on, tt.reason)
			if got := MessageID(err); got != tt.want {
				t.Fatalf("Advance(%s → %s) = %v, want %q", tt.from, tt.to, err, tt.want)
			}
			if tt.want != "" {
				if c.Step != tt.from || len(c.History) != before {
					t.Fatalf("refused change altered the case: step %s, %d changes", c.Step, len(c.History))
				}
				return
			}
			last := c.History[len(c.History)-1]
			want := StepChange{From: tt.from, To: tt.to, By: tt.by, On: tt.on, Reason: strings.TrimSpace(tt.reason)}
			if c.Step != tt.to || last != want {
				t.Fatalf("step %s, last change %+v; want %s, %+v", c.Step, last, tt.to, want)
			}
		})
	}
}

func TestAdvanceAfterEnd(t *testing.T) {
	for _, outcome := range []Step{StepClosed, StepWithdrawn} {
		t.Run(string(outcome), func(t *testing.T) {
			c := caseAt(t, StepMeasuresApplied)
			if err := c.Advance(outcome, "c", day, "the reason"); err != nil {
				t.Fatal(err)
			}
			if !c.Closed || c.CloseReason != "the reason" || c.Step != outcome {
				t.Fatalf("case after %s: %+v", outcome, c)
			}
			for _, to := range append(Steps(), StepClosed, StepWithdrawn) {
				err := c.Advance(to, "c", day, "reopen")
				if !errors.Is(err, &Error{ID: MsgClosed}) {
					t.Fatalf("Advance(%s) after %s = %v, want %s", to, outcome, err, MsgClosed)
				}
			}
		})
	}
}

func TestFullPathKeepsHistory(t *testing.T) {
	c := caseAt(t, StepReintegrationFollowUp)
	if err := c.Advance(StepClosed, "c2", day, "follow-up completed"); err != nil {
		t.Fatal(err)
	}
	if len(c.History) != len(Steps())+1 {
		t.Fatalf("history has %d changes, want %d", len(c.History), len(Steps())+1)
	}
	if c.History[0].From != StepNone || c.History[len(c.History)-1].From != StepReintegrationFollowUp {
		t.Fatalf("history %+v", c.History)
	}
}
