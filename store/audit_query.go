package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"accueil/intake"
)

// AuditQuery filters the audit trail. Zero fields do not filter.
type AuditQuery struct {
	PersonID string // rows about this file and every file merged into it
	StaffID  string // rows written by this staff member
	// From (inclusive) and To (exclusive) bound the desk's wall-clock
	// time, to the second.
	From, To time.Time
	Actions  []Action
	Limit    int // newest rows first; all when <= 0
}

// auditSecond is the sortable prefix of the stored RFC 3339 times: the
// fraction that follows has no fixed width and does not sort as text.
const auditSecond = "2006-01-02T15:04:05"

// AuditQuery returns the audit rows that match q, newest first. Admins
// only.
func (s *Store) AuditQuery(ctx context.Context, by intake.Staff, q AuditQuery) ([]AuditEntry, error) {
	if by.Role != intake.RoleAdmin {
		return nil, fmt.Errorf("store: audit: %w", ErrForbidden)
	}
	var out []AuditEntry
	err := s.read(ctx, func(t *txn) error {
		where, args, err := auditWhere(t, q)
		if err != nil {
			return err
		}
		out, err = queryAudit(t, where, args, q.Limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	return out, nil
}

// auditWhere builds the WHERE clause of q; values travel as parameters.
func auditWhere(t *txn, q AuditQuery) (string, []any, error) {
	var conds []string
	var args []any
	if q.PersonID != "" {
		ids, err := mergedFamily(t, q.PersonID)
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, `entity_id IN (SELECT value FROM json_each(?))`)
		args = append(args, jsonList(ids))
	}
	if q.StaffID != "" {
		conds, args = append(conds, `staff = ?`), append(args, q.StaffID)
	}
	if !q.From.IsZero() {
		conds, args = append(conds, `substr(time, 1, 19) >= ?`), append(args, q.From.UTC().Format(auditSecond))
	}
	if !q.To.IsZero() {
		conds, args = append(conds, `substr(time, 1, 19) < ?`), append(args, q.To.UTC().Format(auditSecond))
	}
	if len(q.Actions) > 0 {
		as := make([]string, len(q.Actions))
		for i, a := range q.Actions {
			as[i] = string(a)
		}
		conds, args = append(conds, `action IN (SELECT value FROM json_each(?))`), append(args, jsonList(as))
	}
	if len(conds) == 0 {
		return "", args, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

func queryAudit(t *txn, where string, args []any, limit int) ([]AuditEntry, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := t.query(`SELECT id, time, hlc, desk, staff, action, entity_type, entity_id, event_id FROM audit`+
		where+` ORDER BY seq DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// recordable are the actions that happen outside the store (a printout
// made by the UI, an export of the audit written to a file) and that
// callers record through Record.
var recordable = map[Action]intake.EntityType{
	ActionPrint:       intake.EntityPerson,
	ActionAuditExport: "audit",
}

// Record audits an action the store did not perform itself: printing a
// person's file, exporting the audit trail. entity is the person's ID, or
// empty.
func (s *Store) Record(ctx context.Context, by intake.Staff, a Action, entity string) error {
	et, ok := recordable[a]
	if !ok || !by.Role.Valid() || (a == ActionAuditExport && by.Role != intake.RoleAdmin) {
		return fmt.Errorf("store: record %s: %w", a, ErrForbidden)
	}
	if err := s.write(ctx, func(t *txn) error { return t.audit(by, a, et, entity, "") }); err != nil {
		return fmt.Errorf("store: record %s: %w", a, err)
	}
	return nil
}
