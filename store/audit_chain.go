package store

import (
	"context"
	"crypto/sha256"
	"database/sql/driver"
	"encoding/binary"
	"encoding/hex"
	"fmt"

	"modernc.org/sqlite"

	"accueil/intake"
)

// auditDomain separates the audit hashes from any other SHA-256 use.
const auditDomain = "accueil audit v1"

// auditFields are the columns an audit row's hash covers, in order, after
// seq and before prev_hash.
type auditFields struct {
	id, time, hlc, desk, staff, action, entityType, entityID, event string
}

// auditRowHash is the hex SHA-256 of the row's canonical encoding: the
// domain, seq, then each field and the previous hash, every string
// preceded by its length, so that no two different rows encode alike.
func auditRowHash(seq int64, f auditFields, prev string) string {
	h := sha256.New()
	var buf [binary.MaxVarintLen64]byte
	put := func(s string) {
		h.Write(buf[:binary.PutUvarint(buf[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	put(auditDomain)
	h.Write(buf[:binary.PutVarint(buf[:], seq)])
	for _, s := range []string{f.id, f.time, f.hlc, f.desk, f.staff, f.action, f.entityType, f.entityID, f.event, prev} {
		put(s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// The chaining of rows written before migration 0004 runs in SQL, and so
// needs the hash as an SQL function. Registered before any connection.
func init() {
	if err := sqlite.RegisterDeterministicScalarFunction("audit_row_hash", 11, sqlAuditRowHash); err != nil {
		panic(fmt.Sprintf("store: register audit_row_hash: %v", err))
	}
}

func sqlAuditRowHash(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	seq, ok := args[0].(int64)
	if !ok {
		return nil, fmt.Errorf("audit_row_hash: seq is %T", args[0])
	}
	s := make([]string, len(args)-1)
	for i, a := range args[1:] {
		switch v := a.(type) {
		case string:
			s[i] = v
		case []byte:
			s[i] = string(v)
		case nil:
		default:
			return nil, fmt.Errorf("audit_row_hash: argument %d is %T", i+1, a)
		}
	}
	f := auditFields{s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8]}
	return auditRowHash(seq, f, s[9]), nil
}

// appendAudit inserts a row at the end of the chain. The caller holds the
// write transaction, so no other row can slip in between the read of the
// last row and the insert.
func (t *txn) appendAudit(f auditFields) error {
	var last int64
	var prev string
	err := t.queryRow(`SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`).Scan(&last, &prev)
	if err != nil && !isNoRows(err) {
		return err
	}
	seq := last + 1
	_, err = t.exec(`INSERT INTO audit (seq, id, time, hlc, desk, staff, action, entity_type, entity_id, event_id, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		seq, f.id, f.time, f.hlc, f.desk, f.staff, f.action, f.entityType, f.entityID, f.event,
		prev, auditRowHash(seq, f, prev))
	return err
}

// AuditProblem names what VerifyAudit found wrong with a row.
type AuditProblem string

// Problems found by VerifyAudit.
const (
	// AuditIntact: every row hashes right and follows the one before.
	AuditIntact AuditProblem = ""
	// AuditAltered: the row's content no longer matches its hash (edited,
	// or inserted without the chain's hash).
	AuditAltered AuditProblem = "altered"
	// AuditBrokenLink: the row does not follow the one before it (a row
	// removed, inserted or moved).
	AuditBrokenLink AuditProblem = "broken_link"
)

// AuditCheck is the result of VerifyAudit.
type AuditCheck struct {
	Rows int // rows read
	// Problem and At (the row's seq) tell the first broken row; Problem
	// is AuditIntact when there is none.
	Problem AuditProblem
	At      int64
	// LastSeq and Head are the last row's seq and hash. Kept outside the
	// desk (noted down, sent to the central), they reveal rows cut off
	// the end, which the chain alone cannot.
	LastSeq int64
	Head    string
}

// OK reports whether the chain is intact.
func (c AuditCheck) OK() bool { return c.Problem == AuditIntact }

// VerifyAudit reads the whole audit trail in order and recomputes its hash
// chain. Admins only. The check itself is audited, after it ran.
func (s *Store) VerifyAudit(ctx context.Context, by intake.Staff) (AuditCheck, error) {
	if by.Role != intake.RoleAdmin {
		return AuditCheck{}, fmt.Errorf("store: verify audit: %w", ErrForbidden)
	}
	var c AuditCheck
	err := s.read(ctx, func(t *txn) error {
		var err error
		c, err = verifyChain(t)
		return err
	})
	if err != nil {
		return AuditCheck{}, fmt.Errorf("store: verify audit: %w", err)
	}
	if err := s.write(ctx, func(t *txn) error { return t.audit(by, ActionAuditVerify, "audit", "", "") }); err != nil {
		return AuditCheck{}, fmt.Errorf("store: verify audit: %w", err)
	}
	return c, nil
}

func verifyChain(t *txn) (AuditCheck, error) {
	rows, err := t.query(`SELECT seq, id, time, hlc, desk, staff, action, entity_type, entity_id, event_id, prev_hash, hash
		FROM audit ORDER BY seq`)
	if err != nil {
		return AuditCheck{}, err
	}
	defer rows.Close()
	var c AuditCheck
	first := true
	for rows.Next() {
		var seq int64
		var f auditFields
		var prev, hash string
		if err := rows.Scan(&seq, &f.id, &f.time, &f.hlc, &f.desk, &f.staff, &f.action,
			&f.entityType, &f.entityID, &f.event, &prev, &hash); err != nil {
			return AuditCheck{}, err
		}
		c.Rows++
		if c.OK() {
			c.Problem = checkRow(first, c, seq, f, prev, hash)
			if !c.OK() {
				c.At = seq
			}
		}
		first = false
		c.LastSeq, c.Head = seq, hash
	}
	return c, rows.Err()
}

// checkRow checks one row against the one read before it (c.LastSeq,
// c.Head). The first row starts the chain: seq 1, no previous hash.
func checkRow(first bool, c AuditCheck, seq int64, f auditFields, prev, hash string) AuditProblem {
	switch {
	case first && (seq != 1 || prev != ""):
		return AuditBrokenLink
	case !first && (seq != c.LastSeq+1 || prev != c.Head):
		return AuditBrokenLink
	case auditRowHash(seq, f, prev) != hash:
		return AuditAltered
	}
	return AuditIntact
}
