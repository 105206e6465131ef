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
	ActionPrint       Action = "print"          // a person's file printed (PDF)
	ActionDelete      Action = "delete"         // a person file deleted
	ActionAccess      Action = "subject_access" // a subject-access export of one person
	ActionAnonymise   Action = "anonymise"      // a file anonymised under the retention rule
	ActionAuditExport Action = "audit_export"   // audit rows exported
	ActionAuditVerify Action = "audit_verify"   // the audit chain checked
	ActionStaffUnlock Action = "staff_unlock"   // a locked-out account unlocked
	ActionSettings    Action = "settings"       // a security setting changed
	ActionStatistics  Action = "statistics"     // aggregate counts read
	ActionLockout     Action = "login_locked"   // a login name locked after too many failures
)

// Actions lists every audited action, for filters.
var Actions = []Action{
	ActionCreate, ActionUpdate, ActionRead, ActionHistory, ActionMerge, ActionDistinct,
	ActionImport, ActionUndoImport, ActionHousehold, ActionHouseRead, ActionLogin,
	ActionLoginFailed, ActionStaffCreate, ActionStaffChange, ActionExport, ActionPrint,
	ActionDelete, ActionAccess, ActionAnonymise, ActionAuditExport, ActionAuditVerify,
	ActionStaffUnlock, ActionSettings, ActionStatistics, ActionLockout,
}

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
// and its audit commit together. The row joins the hash chain.
func (t *txn) audit(by intake.Staff, a Action, et intake.EntityType, entity, event string) error {
	id, err := newID()
	if err != nil {
		return err
	}
	err = t.appendAudit(auditFields{
		id: id, time: t.s.now().UTC().Format(time.RFC3339Nano), hlc: t.stamp().String(),
		desk: t.s.desk, staff: by.ID, action: string(a), entityType: string(et),
		entityID: entity, event: event,
	})
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	if a == ActionLogin {
		if err := t.clearFailures(by.ID); err != nil {
			return fmt.Errorf("audit: %w", err)
		}
	}
	return t.step("audit")
}

// Audit returns the newest limit audit rows (all when limit <= 0), of one
// person's file when personID is not empty (files merged into it
// included). Admins only.
func (s *Store) Audit(ctx context.Context, by intake.Staff, personID string, limit int) ([]AuditEntry, error) {
	return s.AuditQuery(ctx, by, AuditQuery{PersonID: personID, Limit: limit})
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
