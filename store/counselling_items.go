package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"accueil/intake"
	"accueil/intake/counselling"
)

// appointmentLayout is how an appointment's local time is stored: it sorts
// as time and carries no zone, like the desk's wall clock.
const appointmentLayout = "2006-01-02T15:04"

// CaseFile returns everything the preparation sheet shows of a case: the
// case and its details, the person, the household's current members, the
// consultations' summaries, the questions and the appointments. Person
// fields come redacted to the counsellor's role. The read is audited.
func (s *Store) CaseFile(ctx context.Context, by intake.Staff, caseID string) (counselling.File, error) {
	if !isCounsellor(by.Role) {
		return counselling.File{}, fmt.Errorf("store: case file: %w", ErrForbidden)
	}
	var f counselling.File
	err := s.write(ctx, func(t *txn) error {
		var err error
		if f, err = loadCaseFile(t, by.Role, caseID); err != nil {
			return err
		}
		return t.audit(by, ActionCaseRead, intake.EntityCounsellingCase, caseID, "")
	})
	if err != nil {
		return counselling.File{}, fmt.Errorf("store: case file: %w", err)
	}
	return f, nil
}

func loadCaseFile(t *txn, role intake.Role, caseID string) (counselling.File, error) {
	c, fs, err := loadCase(t, caseID)
	if err != nil {
		return counselling.File{}, err
	}
	f := counselling.File{Case: c, Details: detailsOf(fs)}
	if f.Person, _, err = loadPerson(t, role, c.PersonID); err != nil {
		return f, err
	}
	if f.Members, err = householdMembers(t, role, f.Person); err != nil {
		return f, err
	}
	if f.Consultations, err = loadConsultations(t, caseID); err != nil {
		return f, err
	}
	if f.Questions, err = loadQuestions(t, caseID); err != nil {
		return f, err
	}
	f.Appointments, err = loadAppointments(t, caseID)
	return f, err
}

// householdMembers returns the live members of p's household today, or p
// alone.
func householdMembers(t *txn, role intake.Role, p intake.Person) ([]intake.Person, error) {
	if p.HouseholdID == "" {
		return []intake.Person{p}, nil
	}
	ids, err := scanIDs(t.query(`SELECT id FROM persons WHERE household_id = ? AND live = 1
		ORDER BY (id != ?), birth_date, sort_key, id`, p.HouseholdID, p.ID))
	if err != nil {
		return nil, err
	}
	out := make([]intake.Person, 0, len(ids))
	for _, id := range ids {
		m, _, err := loadPerson(t, role, id)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// eachItem calls fn with the values of every item of one kind of a case.
func eachItem(q querier, caseID string, et intake.EntityType, fn func(id string, v map[intake.Field]fieldState)) error {
	ids, err := itemIDs(q, caseID, et)
	if err != nil {
		return err
	}
	for _, id := range ids {
		v, err := entityValues(q, id)
		if err != nil {
			return err
		}
		fn(id, v)
	}
	return nil
}

func loadConsultations(q querier, caseID string) ([]counselling.Consultation, error) {
	var out []counselling.Consultation
	err := eachItem(q, caseID, intake.EntityCounsellingConsultation, func(id string, v map[intake.Field]fieldState) {
		on, _ := intake.ParseDate(v[cfOn].value)
		out = append(out, counselling.Consultation{ID: id, CaseID: caseID, On: on, By: v[cfBy].value, Summary: v[cfText].value})
	})
	return out, err
}

func loadQuestions(q querier, caseID string) ([]counselling.Question, error) {
	var out []counselling.Question
	err := eachItem(q, caseID, intake.EntityCounsellingQuestion, func(id string, v map[intake.Field]fieldState) {
		asked, _ := intake.ParseDate(v[cfAsked].value)
		out = append(out, counselling.Question{ID: id, CaseID: caseID, Text: v[cfText].value, Asked: asked, Resolved: v[cfResolved].value == "true"})
	})
	return out, err
}

func loadAppointments(q querier, caseID string) ([]counselling.Appointment, error) {
	var out []counselling.Appointment
	err := eachItem(q, caseID, intake.EntityCounsellingAppointment, func(id string, v map[intake.Field]fieldState) {
		out = append(out, appointmentOf(id, v))
	})
	return out, err
}

func appointmentOf(id string, v map[intake.Field]fieldState) counselling.Appointment {
	at, _ := time.ParseInLocation(appointmentLayout, v[cfAt].value, time.Local)
	return counselling.Appointment{
		ID: id, CaseID: v[cfCase].value, At: at, Place: v[cfPlace].value,
		Counsellor: v[cfCounsellor].value, InterpreterLanguage: v[cfInterpreter].value,
	}
}

// addItem writes a new item of a case after checking the case exists.
func (s *Store) addItem(ctx context.Context, by intake.Staff, caseID string, et intake.EntityType, a Action, changes []intake.Change) (string, error) {
	var id string
	err := s.write(ctx, func(t *txn) error {
		if _, err := entityValues(t, caseID); err != nil {
			return err
		}
		var err error
		if id, err = newID(); err != nil {
			return err
		}
		changes = append([]intake.Change{{Field: cfCase, Value: caseID}}, changes...)
		return t.recordEntity(by, et, id, changes, a)
	})
	return id, err
}

func checkText(op, text string) error {
	if id, args := counselling.CheckText(text); id != "" {
		return &counselling.Error{ID: id, Op: op, Args: args}
	}
	return nil
}

// AddNote records a counsellor's note on a case, with its author and time.
// Counsellors only.
func (s *Store) AddNote(ctx context.Context, by intake.Staff, caseID, text string) (counselling.Note, error) {
	if !isCounsellor(by.Role) {
		return counselling.Note{}, fmt.Errorf("store: add note: %w", ErrForbidden)
	}
	if err := checkText("note", text); err != nil {
		return counselling.Note{}, fmt.Errorf("store: add note: %w", err)
	}
	now := s.now().UTC().Truncate(time.Second)
	text = strings.TrimSpace(text)
	id, err := s.addItem(ctx, by, caseID, intake.EntityCounsellingNote, ActionNoteWrite, []intake.Change{
		{Field: cfAuthor, Value: by.ID}, {Field: cfTime, Value: now.Format(time.RFC3339)}, {Field: cfText, Value: text},
	})
	if err != nil {
		return counselling.Note{}, fmt.Errorf("store: add note: %w", err)
	}
	return counselling.Note{ID: id, CaseID: caseID, Author: by.ID, Time: now, Text: text}, nil
}

// Notes returns a case's notes, oldest first. Counsellors only; the read
// is audited.
func (s *Store) Notes(ctx context.Context, by intake.Staff, caseID string) ([]counselling.Note, error) {
	if !isCounsellor(by.Role) {
		return nil, fmt.Errorf("store: notes: %w", ErrForbidden)
	}
	var out []counselling.Note
	err := s.write(ctx, func(t *txn) error {
		if _, err := entityValues(t, caseID); err != nil {
			return err
		}
		err := eachItem(t, caseID, intake.EntityCounsellingNote, func(id string, v map[intake.Field]fieldState) {
			tm, _ := time.Parse(time.RFC3339, v[cfTime].value)
			out = append(out, counselling.Note{ID: id, CaseID: caseID, Author: v[cfAuthor].value, Time: tm, Text: v[cfText].value})
		})
		if err != nil {
			return err
		}
		return t.audit(by, ActionNoteRead, intake.EntityCounsellingCase, caseID, "")
	})
	if err != nil {
		return nil, fmt.Errorf("store: notes: %w", err)
	}
	return out, nil
}

// AddConsultation records the summary of a consultation held on day on.
func (s *Store) AddConsultation(ctx context.Context, by intake.Staff, caseID string, on intake.Date, summary string) error {
	if !isCounsellor(by.Role) {
		return fmt.Errorf("store: add consultation: %w", ErrForbidden)
	}
	if err := checkText("consultation", summary); err != nil {
		return fmt.Errorf("store: add consultation: %w", err)
	}
	if on.IsZero() {
		on = s.today()
	}
	_, err := s.addItem(ctx, by, caseID, intake.EntityCounsellingConsultation, ActionCaseWrite, []intake.Change{
		{Field: cfOn, Value: on.String()}, {Field: cfBy, Value: by.ID}, {Field: cfText, Value: strings.TrimSpace(summary)},
	})
	if err != nil {
		return fmt.Errorf("store: add consultation: %w", err)
	}
	return nil
}

// AddQuestion records an open question for the home-country enquiry.
func (s *Store) AddQuestion(ctx context.Context, by intake.Staff, caseID, text string) error {
	if !isCounsellor(by.Role) {
		return fmt.Errorf("store: add question: %w", ErrForbidden)
	}
	if err := checkText("question", text); err != nil {
		return fmt.Errorf("store: add question: %w", err)
	}
	_, err := s.addItem(ctx, by, caseID, intake.EntityCounsellingQuestion, ActionCaseWrite, []intake.Change{
		{Field: cfAsked, Value: s.today().String()}, {Field: cfText, Value: strings.TrimSpace(text)},
	})
	if err != nil {
		return fmt.Errorf("store: add question: %w", err)
	}
	return nil
}

// ResolveQuestion marks a question answered (or open again).
func (s *Store) ResolveQuestion(ctx context.Context, by intake.Staff, questionID string, resolved bool) error {
	if !isCounsellor(by.Role) {
		return fmt.Errorf("store: resolve question: %w", ErrForbidden)
	}
	err := s.write(ctx, func(t *txn) error {
		fs, err := entityValues(t, questionID)
		if err != nil {
			return err
		}
		return t.recordEntity(by, intake.EntityCounsellingQuestion, questionID,
			changed(fs, cfResolved, boolString(resolved)), ActionCaseWrite)
	})
	if err != nil {
		return fmt.Errorf("store: resolve question: %w", err)
	}
	return nil
}
