package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"accueil/intake"
)

// Action is what an audit row records.
type Action string

// Audited actions.
const (
	ActionCreate      Action = "create"      // a person file made
	ActionUpdate      Action = "update"      // a person file changed
	ActionRead        Action = "read"        // a person file opened
	ActionHistory     Action = "history"     // a person's history read
	ActionMerge       Action = "merge"       // two files merged (a row for each)
	ActionDistinct    Action = "distinct"    // two files marked as different persons
	ActionImport      Action = "import"      // a file made by an import
	ActionUndoImport  Action = "undo_import" // a file removed by undoing its import
	ActionHousehold   Action = "household"   // a household written
	ActionHouseRead   Action = "household_read"
	ActionLogin       Action = "login"        // a successful login
	ActionLoginFailed Action = "login_failed" // a refused login
	ActionStaffCreate Action = "staff_create"
	ActionStaffChange Action = "staff_change"
)

// AuditEntry is one audited read or write.
type AuditEntry struct {
	ID         string
	Time       time.Time // the desk's wall clock
	Clock      intake.Timestamp
	Desk       string
	Staff      string // staff ID; empty for a login under an unknown name
	Action     Action
	EntityType intake.EntityType
	EntityID   string
	Event      string // the event written, for writes
}

// audit writes an audit row in the caller's transaction, so that a write
// and its audit commit together.
func (t *txn) audit(by intake.Staff, a Action, et intake.EntityType, entity, event string) error {
	id, err := newID()
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO audit (id, time, hlc, desk, staff, action, entity_type, entity_id, event_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, t.s.now().UTC().Format(time.RFC3339Nano), t.stamp().String(), t.s.desk, by.ID,
		string(a), string(et), entity, event)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return t.step("audit")
}

// Audit returns the newest limit audit rows (all when limit <= 0), of one
// person's file when personID is not empty (files merged into it
// included). Admins only.
func (s *Store) Audit(ctx context.Context, by intake.Staff, personID string, limit int) ([]AuditEntry, error) {
	if by.Role != intake.RoleAdmin {
		return nil, fmt.Errorf("store: audit: %w", ErrForbidden)
	}
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	r := s.reader(ctx)
	var rows *sql.Rows
	var err error
	const cols = `SELECT id, time, hlc, desk, staff, action, entity_type, entity_id, event_id FROM audit`
	if personID == "" {
		rows, err = r.query(cols+` ORDER BY seq DESC LIMIT ?`, limit)
	} else {
		var ids []string
		if ids, err = mergedFamily(r, personID); err != nil {
			return nil, fmt.Errorf("store: audit: %w", err)
		}
		rows, err = r.query(cols+` WHERE entity_id IN (SELECT value FROM json_each(?)) ORDER BY seq DESC LIMIT ?`,
			jsonList(ids), limit)
	}
	if err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, fmt.Errorf("store: audit: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	return out, nil
}

func scanAudit(r rowScanner) (AuditEntry, error) {
	var e AuditEntry
	var tm, hlc, action, et string
	if err := r.Scan(&e.ID, &tm, &hlc, &e.Desk, &e.Staff, &action, &et, &e.EntityID, &e.Event); err != nil {
		return e, err
	}
	e.Action, e.EntityType = Action(action), intake.EntityType(et)
	var err error
	if e.Time, err = time.Parse(time.RFC3339Nano, tm); err != nil {
		return e, err
	}
	e.Clock, err = intake.ParseTimestamp(hlc)
	return e, err
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// today is the desk's civil date in its local time zone.
func (s *Store) today() intake.Date { return intake.DateOf(s.now()) }
