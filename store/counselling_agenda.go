package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"accueil/intake"
	"accueil/intake/counselling"
)

// SaveAppointment plans a consultation (a.ID empty) or changes one, and
// returns its ID. The counsellor defaults to the one saving.
func (s *Store) SaveAppointment(ctx context.Context, by intake.Staff, a counselling.Appointment) (string, error) {
	if !isCounsellor(by.Role) {
		return "", fmt.Errorf("store: save appointment: %w", ErrForbidden)
	}
	a.Place = strings.TrimSpace(a.Place)
	if id, args := a.Check(); id != "" {
		return "", fmt.Errorf("store: save appointment: %w", &counselling.Error{ID: id, Op: "appointment", Args: args})
	}
	if a.Counsellor == "" {
		a.Counsellor = by.ID
	}
	values := map[intake.Field]string{
		cfAt: a.At.Format(appointmentLayout), cfPlace: a.Place,
		cfCounsellor: a.Counsellor, cfInterpreter: a.InterpreterLanguage,
	}
	var err error
	if a.ID == "" {
		a.ID, err = s.addItem(ctx, by, a.CaseID, intake.EntityCounsellingAppointment, ActionCaseWrite, changeList(nil, values))
	} else {
		err = s.write(ctx, func(t *txn) error {
			fs, err := entityValues(t, a.ID)
			if err != nil {
				return err
			}
			return t.recordEntity(by, intake.EntityCounsellingAppointment, a.ID, changeList(fs, values), ActionCaseWrite)
		})
	}
	if err != nil {
		return "", fmt.Errorf("store: save appointment: %w", err)
	}
	return a.ID, nil
}

// changeList returns the changes that bring cur to want, in a stable order.
func changeList(cur map[intake.Field]fieldState, want map[intake.Field]string) []intake.Change {
	var out []intake.Change
	for _, f := range []intake.Field{cfAt, cfPlace, cfCounsellor, cfInterpreter} {
		if v, ok := want[f]; ok {
			out = append(out, changed(cur, f, v)...)
		}
	}
	return out
}

// AgendaEntry is an appointment with the person the case concerns, for the
// week's list.
type AgendaEntry struct {
	counselling.Appointment
	PersonID     string
	Name         string // Latin transcription, surname first
	OriginalName string // original script, where known
}

// Agenda returns the appointments from from (inclusive) to to (exclusive),
// earliest first. Counsellors only; the read is audited.
func (s *Store) Agenda(ctx context.Context, by intake.Staff, from, to time.Time) ([]AgendaEntry, error) {
	if !isCounsellor(by.Role) {
		return nil, fmt.Errorf("store: agenda: %w", ErrForbidden)
	}
	var out []AgendaEntry
	err := s.write(ctx, func(t *txn) error {
		ids, err := scanIDs(t.query(`SELECT id FROM counselling_items WHERE kind = ? AND at >= ? AND at < ? ORDER BY at, id`,
			string(intake.EntityCounsellingAppointment), from.Format(appointmentLayout), to.Format(appointmentLayout)))
		if err != nil {
			return err
		}
		for _, id := range ids {
			e, err := agendaEntry(t, id)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return t.audit(by, ActionAgendaRead, intake.EntityCounsellingAppointment, "", "")
	})
	if err != nil {
		return nil, fmt.Errorf("store: agenda: %w", err)
	}
	return out, nil
}

func agendaEntry(t *txn, id string) (AgendaEntry, error) {
	v, err := entityValues(t, id)
	if err != nil {
		return AgendaEntry{}, err
	}
	e := AgendaEntry{Appointment: appointmentOf(id, v)}
	cs, err := entityValues(t, e.CaseID)
	if err != nil {
		return e, err
	}
	e.PersonID = cs[cfPerson].value
	p, _, err := loadPerson(t, intake.RoleCounsellor, e.PersonID)
	if err != nil {
		return e, err
	}
	e.Name, e.OriginalName = p.FullName(), p.OriginalName()
	return e, nil
}

// CounsellingStatistics counts the cases by step and country, the
// departures by month and sums the assistance granted. Counsellors and
// admins: the figures name nobody. The read is audited.
func (s *Store) CounsellingStatistics(ctx context.Context, by intake.Staff) (counselling.Statistics, error) {
	if !isCounsellor(by.Role) && !by.Role.CanReadStatistics() {
		return counselling.Statistics{}, fmt.Errorf("store: counselling statistics: %w", ErrForbidden)
	}
	var cases []counselling.CaseSummary
	err := s.write(ctx, func(t *txn) error {
		rows, err := t.query(`SELECT step, country, departed, granted FROM counselling_cases`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var step, country, departed string
			var c counselling.CaseSummary
			if err := rows.Scan(&step, &country, &departed, &c.Granted); err != nil {
				return err
			}
			c.Step, c.Country = counselling.Step(step), country
			c.Departed, _ = intake.ParseDate(departed)
			cases = append(cases, c)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return t.audit(by, ActionCounselStats, intake.EntityCounsellingCase, "", "")
	})
	if err != nil {
		return counselling.Statistics{}, fmt.Errorf("store: counselling statistics: %w", err)
	}
	return counselling.Summarise(cases), nil
}

// RecordSheetExport audits that a case's preparation sheet was printed or
// saved. Counsellors only: the sheet is the case.
func (s *Store) RecordSheetExport(ctx context.Context, by intake.Staff, caseID string) error {
	if !isCounsellor(by.Role) {
		return fmt.Errorf("store: sheet export: %w", ErrForbidden)
	}
	err := s.write(ctx, func(t *txn) error {
		if _, err := entityValues(t, caseID); err != nil {
			return err
		}
		return t.audit(by, ActionSheetExport, intake.EntityCounsellingCase, caseID, "")
	})
	if err != nil {
		return fmt.Errorf("store: sheet export: %w", err)
	}
	return nil
}
