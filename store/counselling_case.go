package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"accueil/intake"
	"accueil/intake/counselling"
)

// CaseOf returns the open counselling case of a person: one they opened, or
// one opened from a member of their household as it is now. found is false
// when there is none. The look-up is audited when it finds a case.
func (s *Store) CaseOf(ctx context.Context, by intake.Staff, personID string) (c counselling.Case, found bool, err error) {
	if !isCounsellor(by.Role) {
		return c, false, fmt.Errorf("store: case of person: %w", ErrForbidden)
	}
	err = s.write(ctx, func(t *txn) error {
		id, err := openCaseID(t, personID)
		if err != nil || id == "" {
			return err
		}
		if c, _, err = loadCase(t, id); err != nil {
			return err
		}
		found = true
		return t.audit(by, ActionCaseRead, intake.EntityCounsellingCase, id, "")
	})
	if err != nil {
		return counselling.Case{}, false, fmt.Errorf("store: case of person: %w", err)
	}
	return c, found, nil
}

// OpenCase returns the person's open case, opening one at first contact
// when there is none: one case per person or household. The household
// recorded is the person's at opening; members who join later find the
// same case through the person it was opened from.
func (s *Store) OpenCase(ctx context.Context, by intake.Staff, personID string) (counselling.Case, error) {
	if !isCounsellor(by.Role) {
		return counselling.Case{}, fmt.Errorf("store: open case: %w", ErrForbidden)
	}
	var c counselling.Case
	err := s.write(ctx, func(t *txn) error {
		id, err := openCaseID(t, personID)
		if err != nil {
			return err
		}
		if id == "" {
			if id, err = t.newCase(by, personID, s.today()); err != nil {
				return err
			}
		}
		if c, _, err = loadCase(t, id); err != nil {
			return err
		}
		return t.audit(by, ActionCaseOpen, intake.EntityCounsellingCase, id, "")
	})
	if err != nil {
		return counselling.Case{}, fmt.Errorf("store: open case: %w", err)
	}
	return c, nil
}

// openCaseID finds the open case of the person or of their household.
func openCaseID(q querier, personID string) (string, error) {
	var id string
	err := q.queryRow(`SELECT c.id FROM counselling_cases c
		JOIN persons me ON me.id = ?
		LEFT JOIN persons opener ON opener.id = c.person_id
		WHERE c.step NOT IN ('closed', 'withdrawn')
		AND (c.person_id = me.id OR (me.household_id != '' AND opener.household_id = me.household_id))
		ORDER BY c.opened, c.id LIMIT 1`, personID).Scan(&id)
	if isNoRows(err) {
		return "", nil
	}
	return id, err
}

// newCase writes the case and its first step for a live person file.
func (t *txn) newCase(by intake.Staff, personID string, today intake.Date) (string, error) {
	fs, err := loadFields(t, personID)
	if err != nil {
		return "", err
	}
	p := intake.PersonFromValues(personID, valuesOf(fs))
	if len(fs) == 0 || !live(p) {
		return "", ErrNotFound
	}
	id, err := newID()
	if err != nil {
		return "", err
	}
	c := counselling.Case{ID: id, PersonID: personID, HouseholdID: p.HouseholdID}
	if err := c.Advance(counselling.StepFirstContact, by.ID, today, ""); err != nil {
		return "", err
	}
	err = t.recordEntity(by, intake.EntityCounsellingCase, id, []intake.Change{
		{Field: cfPerson, Value: personID}, {Field: cfHousehold, Value: p.HouseholdID},
		{Field: cfStep, Value: string(c.Step)}, {Field: cfOpened, Value: today.String()},
		{Field: cfCountry, Value: p.Nationality},
	}, ActionCaseWrite)
	if err != nil {
		return "", err
	}
	return id, t.recordStep(by, id, c.History[0])
}

func (t *txn) recordStep(by intake.Staff, caseID string, sc counselling.StepChange) error {
	id, err := newID()
	if err != nil {
		return err
	}
	return t.recordEntity(by, intake.EntityCounsellingStep, id, []intake.Change{
		{Field: cfCase, Value: caseID}, {Field: cfFrom, Value: string(sc.From)}, {Field: cfTo, Value: string(sc.To)},
		{Field: cfOn, Value: sc.On.String()}, {Field: cfBy, Value: sc.By}, {Field: cfReason, Value: sc.Reason},
	}, ActionCaseWrite)
}

// AdvanceCase moves a case to step to, today, by the counsellor, through
// the step machine: a skip, a return, closing and withdrawing need a
// reason. A refusal is a *counselling.Error (wrapped) and writes nothing.
func (s *Store) AdvanceCase(ctx context.Context, by intake.Staff, caseID string, to counselling.Step, reason string) (counselling.Case, error) {
	if !isCounsellor(by.Role) {
		return counselling.Case{}, fmt.Errorf("store: advance case: %w", ErrForbidden)
	}
	var c counselling.Case
	err := s.write(ctx, func(t *txn) error {
		var fs map[intake.Field]fieldState
		var err error
		if c, fs, err = loadCase(t, caseID); err != nil {
			return err
		}
		today := s.today()
		if err := c.Advance(to, by.ID, today, reason); err != nil {
			return err
		}
		changes := []intake.Change{{Field: cfStep, Value: string(to), Base: fs[cfStep].version}}
		if to == counselling.StepDeparturePaid {
			changes = append(changes, intake.Change{Field: cfDeparted, Value: today.String(), Base: fs[cfDeparted].version})
		}
		if err := t.recordEntity(by, intake.EntityCounsellingCase, caseID, changes, ActionCaseWrite); err != nil {
			return err
		}
		return t.recordStep(by, caseID, c.History[len(c.History)-1])
	})
	if err != nil {
		return counselling.Case{}, fmt.Errorf("store: advance case: %w", err)
	}
	return c, nil
}

// loadCase reads a case with its step history, oldest first.
func loadCase(q querier, id string) (counselling.Case, map[intake.Field]fieldState, error) {
	fs, err := entityValues(q, id)
	if err != nil {
		return counselling.Case{}, nil, err
	}
	c := counselling.Case{
		ID: id, PersonID: fs[cfPerson].value, HouseholdID: fs[cfHousehold].value,
		Step: counselling.Step(fs[cfStep].value),
	}
	steps, err := itemIDs(q, id, intake.EntityCounsellingStep)
	if err != nil {
		return c, nil, err
	}
	for _, sid := range steps {
		v, err := entityValues(q, sid)
		if err != nil {
			return c, nil, err
		}
		on, _ := intake.ParseDate(v[cfOn].value)
		c.History = append(c.History, counselling.StepChange{
			From: counselling.Step(v[cfFrom].value), To: counselling.Step(v[cfTo].value),
			By: v[cfBy].value, On: on, Reason: v[cfReason].value,
		})
	}
	if c.Step.Terminal() {
		c.Closed = true
		if n := len(c.History); n > 0 {
			c.CloseReason = c.History[n-1].Reason
		}
	}
	return c, fs, nil
}

func detailsOf(fs map[intake.Field]fieldState) counselling.Details {
	d := counselling.Details{
		Country: fs[cfCountry].value, InterpreterLanguage: fs[cfInterpreter].value,
		SpecialNeeds: fs[cfSpecialNeeds].value == "true",
		Documents:    map[counselling.DocumentKind]counselling.DocumentStatus{},
	}
	d.Granted, _ = strconv.ParseInt(fs[cfGranted].value, 10, 64)
	if v := fs[cfFacts].value; v != "" {
		_ = json.Unmarshal([]byte(v), &d.Facts) // written by factsJSON; a bad value reads as no facts
	}
	for _, k := range counselling.DocumentKinds() {
		if v := fs[docField(k)].value; v != "" {
			d.Documents[k] = counselling.DocumentStatus(v)
		}
	}
	return d
}

// SaveCaseDetails records what the counsellor established: return country,
// interpreter language, special needs, exclusion facts, documents and the
// amount granted. Only changed values are written.
func (s *Store) SaveCaseDetails(ctx context.Context, by intake.Staff, caseID string, d counselling.Details) error {
	if !isCounsellor(by.Role) {
		return fmt.Errorf("store: save case details: %w", ErrForbidden)
	}
	if id, args := d.Check(); id != "" {
		return fmt.Errorf("store: save case details: %w", &counselling.Error{ID: id, Op: "details", Args: args})
	}
	err := s.write(ctx, func(t *txn) error {
		fs, err := entityValues(t, caseID)
		if err != nil {
			return err
		}
		var ch []intake.Change
		ch = append(ch, changed(fs, cfCountry, d.Country)...)
		ch = append(ch, changed(fs, cfInterpreter, d.InterpreterLanguage)...)
		ch = append(ch, changed(fs, cfSpecialNeeds, boolString(d.SpecialNeeds))...)
		ch = append(ch, changed(fs, cfFacts, factsJSON(d.Facts))...)
		ch = append(ch, changed(fs, cfGranted, amountString(d.Granted))...)
		for _, k := range counselling.DocumentKinds() {
			ch = append(ch, changed(fs, docField(k), string(d.Documents[k]))...)
		}
		return t.recordEntity(by, intake.EntityCounsellingCase, caseID, ch, ActionCaseWrite)
	})
	if err != nil {
		return fmt.Errorf("store: save case details: %w", err)
	}
	return nil
}

func amountString(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}
