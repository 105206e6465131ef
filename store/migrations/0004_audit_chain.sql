-- Security: a hash chain over the audit trail, and failed-login counts.

-- Every audit row carries the hash of the row before it and its own
-- (audit_row_hash, SHA-256 over a length-prefixed encoding of seq, every
-- field and the previous hash; see store/audit_chain.go). Editing,
-- removing, inserting or reordering a row breaks the chain from there on.
-- The update trigger is dropped for the time it takes to chain the rows
-- written before this migration, then made again.
DROP TRIGGER audit_no_update;
ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';

WITH RECURSIVE chain (seq, prev, hash) AS (
	SELECT a.seq, '', audit_row_hash(a.seq, a.id, a.time, a.hlc, a.desk, a.staff,
		a.action, a.entity_type, a.entity_id, a.event_id, '')
	FROM audit a WHERE a.seq = (SELECT min(seq) FROM audit)
	UNION ALL
	SELECT a.seq, c.hash, audit_row_hash(a.seq, a.id, a.time, a.hlc, a.desk, a.staff,
		a.action, a.entity_type, a.entity_id, a.event_id, c.hash)
	FROM chain c JOIN audit a ON a.seq = (SELECT min(seq) FROM audit WHERE seq > c.seq)
)
UPDATE audit SET prev_hash = chain.prev, hash = chain.hash
FROM chain WHERE audit.seq = chain.seq;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit is append-only');
END;

-- Queries by staff member and period (the admin's audit screen).
CREATE INDEX audit_staff ON audit (staff, seq);

-- Consecutive failed logins per folded login name, known or not (so that
-- an unknown name is slowed and locked like a real one). locked_until is
-- RFC 3339 UTC, '' when not locked.
CREATE TABLE login_failures (
	name_key     TEXT PRIMARY KEY,
	failures     INTEGER NOT NULL,
	last_failure TEXT NOT NULL,
	locked_until TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- Files anonymised under the retention rule: when and by whom, so that a
-- second run skips them and history knows to show no identity.
CREATE TABLE anonymised (
	person_id TEXT PRIMARY KEY,
	time      TEXT NOT NULL,
	staff     TEXT NOT NULL
) WITHOUT ROWID;
