package store

import (
	"encoding/json"
	"fmt"
	"strconv"

	"accueil/intake"
	"accueil/intake/counselling"
)

// Fields of the counselling entities. They travel in events like person
// fields; their values live in field_values and are read only through
// loadFields.
const (
	cfCase         intake.Field = "case_id"
	cfPerson       intake.Field = "person_id"
	cfHousehold    intake.Field = "household_id"
	cfStep         intake.Field = "step"
	cfOpened       intake.Field = "opened_on"
	cfDeparted     intake.Field = "departed_on"
	cfCountry      intake.Field = "country"
	cfInterpreter  intake.Field = "interpreter_language"
	cfSpecialNeeds intake.Field = "special_needs"
	cfFacts        intake.Field = "facts"
	cfGranted      intake.Field = "granted"
	cfFrom         intake.Field = "from"
	cfTo           intake.Field = "to"
	cfOn           intake.Field = "on"
	cfBy           intake.Field = "by"
	cfReason       intake.Field = "reason"
	cfText         intake.Field = "text"
	cfAuthor       intake.Field = "author"
	cfTime         intake.Field = "time"
	cfAsked        intake.Field = "asked"
	cfResolved     intake.Field = "resolved"
	cfAt           intake.Field = "at"
	cfPlace        intake.Field = "place"
	cfCounsellor   intake.Field = "counsellor"
)

// docField is the case field holding a checklist document's status.
func docField(k counselling.DocumentKind) intake.Field { return intake.Field("doc." + string(k)) }

// Audited counselling actions. Every read of a case or of notes is one.
const (
	ActionCaseOpen     Action = "counselling_case_open"
	ActionCaseRead     Action = "counselling_case_read"
	ActionCaseWrite    Action = "counselling_case_write"
	ActionNoteRead     Action = "counselling_note_read"
	ActionNoteWrite    Action = "counselling_note_write"
	ActionAgendaRead   Action = "counselling_agenda_read"
	ActionSheetExport  Action = "counselling_sheet_export"
	ActionCounselStats Action = "counselling_statistics"
)

// applyCounselling refreshes the counselling query tables after an event of
// a counselling entity; other entity types are not its business.
func (t *txn) applyCounselling(ev intake.Event) error {
	switch ev.EntityType {
	case intake.EntityCounsellingCase:
		return t.refreshCase(ev.EntityID)
	case intake.EntityCounsellingStep, intake.EntityCounsellingNote, intake.EntityCounsellingConsultation,
		intake.EntityCounsellingQuestion, intake.EntityCounsellingAppointment:
		return t.refreshItem(ev.EntityType, ev.EntityID)
	}
	return nil
}

func (t *txn) refreshCase(id string) error {
	fs, err := loadFields(t, id)
	if err != nil {
		return err
	}
	granted, _ := strconv.ParseInt(fs[cfGranted].value, 10, 64)
	_, err = t.exec(`INSERT INTO counselling_cases (id, person_id, step, country, opened, departed, granted)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, step = excluded.step,
		country = excluded.country, opened = excluded.opened, departed = excluded.departed,
		granted = excluded.granted`,
		id, fs[cfPerson].value, fs[cfStep].value, fs[cfCountry].value, fs[cfOpened].value,
		fs[cfDeparted].value, granted)
	if err != nil {
		return fmt.Errorf("counselling case row: %w", err)
	}
	return nil
}

// itemKeys names, per entity type, the field that dates an item and the
// field that names its counsellor.
var itemKeys = map[intake.EntityType][2]intake.Field{
	intake.EntityCounsellingStep:         {cfOn, cfBy},
	intake.EntityCounsellingNote:         {cfTime, cfAuthor},
	intake.EntityCounsellingConsultation: {cfOn, cfBy},
	intake.EntityCounsellingQuestion:     {cfAsked, ""},
	intake.EntityCounsellingAppointment:  {cfAt, cfCounsellor},
}

// refreshItem indexes an item by case and time. The date field's version
// (the event ID that set it) breaks ties, so that two items of one day
// keep the order they were written in, on every desk.
func (t *txn) refreshItem(et intake.EntityType, id string) error {
	fs, err := loadFields(t, id)
	if err != nil {
		return err
	}
	keys := itemKeys[et]
	at := fs[keys[0]]
	_, err = t.exec(`INSERT INTO counselling_items (id, case_id, kind, at, counsellor) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, kind = excluded.kind,
		at = excluded.at, counsellor = excluded.counsellor`,
		id, fs[cfCase].value, string(et), at.value+"|"+at.version, fs[keys[1]].value)
	if err != nil {
		return fmt.Errorf("counselling item row: %w", err)
	}
	return nil
}

// itemIDs lists a case's items of one kind, oldest first.
func itemIDs(q querier, caseID string, et intake.EntityType) ([]string, error) {
	return scanIDs(q.query(`SELECT id FROM counselling_items WHERE case_id = ? AND kind = ? ORDER BY at, id`,
		caseID, string(et)))
}

func scanIDs(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}, err error,
) ([]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// values returns an entity's current values, ErrNotFound when it has none.
func entityValues(q querier, id string) (map[intake.Field]fieldState, error) {
	fs, err := loadFields(q, id)
	if err != nil {
		return nil, err
	}
	if len(fs) == 0 {
		return nil, ErrNotFound
	}
	return fs, nil
}

// recordEntity writes one event of changes to an entity and audits it.
func (t *txn) recordEntity(by intake.Staff, et intake.EntityType, id string, changes []intake.Change, a Action) error {
	if len(changes) == 0 {
		return nil
	}
	ev, err := t.newEvent(et, id, by, changes)
	if err != nil {
		return err
	}
	if err := t.record(ev); err != nil {
		return err
	}
	return t.audit(by, a, et, id, ev.ID)
}

// isCounsellor is the rule for case contents and notes: counselling is
// confidential, so only the bureau's counsellors read it; admins manage
// accounts, not cases.
func isCounsellor(r intake.Role) bool { return r == intake.RoleCounsellor }

// changed returns a change of field f to v when it differs from cur.
func changed(cur map[intake.Field]fieldState, f intake.Field, v string) []intake.Change {
	if st, ok := cur[f]; ok && st.value == v || !ok && v == "" {
		return nil
	}
	return []intake.Change{{Field: f, Value: v, Base: cur[f].version}}
}

func factsJSON(f map[string]counselling.Facts) string {
	if len(f) == 0 {
		return ""
	}
	b, _ := json.Marshal(f) // a map of plain structs always marshals
	return string(b)
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return ""
}
