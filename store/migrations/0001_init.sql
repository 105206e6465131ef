-- The desk's database: an append-only event log, the query tables built
-- from it, the search index, the outbox and the audit trail. Every query
-- table can be rebuilt from the events table.

-- Small settings of this desk: its ID and the last hybrid clock reading.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- The log. seq is the local append order; id is the event's UUIDv7 and
-- unique everywhere. Events are never changed or removed.
CREATE TABLE events (
	seq         INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	entity_type TEXT NOT NULL,
	entity_id   TEXT NOT NULL,
	changes     TEXT NOT NULL, -- JSON array of intake.Change
	hlc         TEXT NOT NULL, -- intake.Timestamp.String(): sorts as time
	desk        TEXT NOT NULL,
	staff       TEXT NOT NULL,
	schema      INTEGER NOT NULL
);
CREATE INDEX events_entity ON events (entity_id, seq);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
	SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
	SELECT RAISE(ABORT, 'events are append-only');
END;

-- Every entity the log names, with a small number that the much larger
-- field_values table uses instead of the 36-character ID.
CREATE TABLE entities (
	n    INTEGER PRIMARY KEY,
	id   TEXT NOT NULL UNIQUE,
	type TEXT NOT NULL
);

-- Current value of every field of every entity, with the event that set it
-- (events.seq; its ID is the version editors name as the base of their
-- changes). The newest clock reading wins, the desk ID breaking ties, so
-- that replaying the log in any order gives the same table.
CREATE TABLE field_values (
	entity  INTEGER NOT NULL, -- entities.n
	field   TEXT NOT NULL,
	value   TEXT NOT NULL,
	version INTEGER NOT NULL, -- events.seq
	PRIMARY KEY (entity, field)
) WITHOUT ROWID;

-- One row per person file for lists, search results and duplicate checks.
CREATE TABLE persons (
	id                   TEXT PRIMARY KEY,
	surname              TEXT NOT NULL,
	given_names          TEXT NOT NULL,
	surname_original     TEXT NOT NULL,
	given_names_original TEXT NOT NULL,
	birth_date           TEXT NOT NULL, -- ISO, '' when unknown
	birth_date_approx    INTEGER NOT NULL,
	nationality          TEXT NOT NULL,
	permit               TEXT NOT NULL,
	status               TEXT NOT NULL,
	arrival_date         TEXT NOT NULL,
	n_number             TEXT NOT NULL,
	n_norm               TEXT NOT NULL, -- intake.NormaliseIdentifier
	zemis_number         TEXT NOT NULL,
	zemis_norm           TEXT NOT NULL,
	household_id         TEXT NOT NULL,
	relation             TEXT NOT NULL,
	merged_into          TEXT NOT NULL,
	import_batch         TEXT NOT NULL,
	deleted              INTEGER NOT NULL,
	live                 INTEGER NOT NULL, -- neither deleted nor merged
	sort_key             TEXT NOT NULL      -- folded name, for ordering
);
-- Partial indexes only where queries name the condition literally
-- (deleted = 0): SQLite uses a partial index only when the
-- query's WHERE implies the index's, and a bound parameter implies nothing.
-- The search indexes carry sort_key and id so that a search reads no rows.
-- The list indexes lead with live and end with the sort order, so that a
-- page of a list and its count read the index alone; persons_live is the
-- narrow one that counting every live file scans.
CREATE INDEX persons_live ON persons (live);
CREATE INDEX persons_sort ON persons (live, sort_key, id);
CREATE INDEX persons_status ON persons (live, status, sort_key, id);
CREATE INDEX persons_arrival ON persons (live, arrival_date, status, sort_key, id);
CREATE INDEX persons_n ON persons (n_norm, sort_key, id) WHERE deleted = 0;
CREATE INDEX persons_zemis ON persons (zemis_norm, sort_key, id) WHERE deleted = 0;
CREATE INDEX persons_birth ON persons (birth_date, sort_key, id) WHERE deleted = 0;
CREATE INDEX persons_household ON persons (household_id);
CREATE INDEX persons_merged ON persons (merged_into);
CREATE INDEX persons_import ON persons (import_batch, id);

-- Name search: the keys of names.IndexKeys, scanned by prefix. Deleted
-- files have no keys; merged files keep theirs and are shown as the file
-- they were merged into. The person's sort key rides along, so that the
-- files under one key come out in name order and ranking reads no rows.
CREATE TABLE search_keys (
	key       TEXT NOT NULL,
	sort_key  TEXT NOT NULL,
	person_id TEXT NOT NULL REFERENCES persons (id),
	PRIMARY KEY (key, sort_key, person_id)
) WITHOUT ROWID;
CREATE INDEX search_keys_person ON search_keys (person_id);

-- Duplicate candidates: names.Skeleton of every name of live files.
CREATE TABLE skeleton_keys (
	key       TEXT NOT NULL,
	person_id TEXT NOT NULL REFERENCES persons (id),
	PRIMARY KEY (key, person_id)
) WITHOUT ROWID;
CREATE INDEX skeleton_keys_person ON skeleton_keys (person_id);

CREATE TABLE households (
	id   TEXT PRIMARY KEY,
	name TEXT NOT NULL
);

-- Pairs of files staff said are different persons (a < b).
CREATE TABLE distinct_pairs (
	a        TEXT NOT NULL,
	b        TEXT NOT NULL,
	decision TEXT NOT NULL,
	PRIMARY KEY (a, b)
) WITHOUT ROWID;

-- Events made here and not yet acknowledged by the central.
CREATE TABLE outbox (
	event_seq INTEGER PRIMARY KEY REFERENCES events (seq)
);

CREATE TABLE staff (
	id       TEXT PRIMARY KEY,
	name     TEXT NOT NULL,
	name_key TEXT NOT NULL UNIQUE, -- case-folded name
	role     TEXT NOT NULL,
	password TEXT NOT NULL,        -- argon2id, PHC string with its parameters
	disabled INTEGER NOT NULL DEFAULT 0,
	created  TEXT NOT NULL
);

-- Who read or wrote what, where and when. Rows have UUIDv7 IDs so that
-- they can travel to the central like events.
CREATE TABLE audit (
	seq         INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	time        TEXT NOT NULL, -- wall clock, RFC 3339 UTC
	hlc         TEXT NOT NULL,
	desk        TEXT NOT NULL,
	staff       TEXT NOT NULL,
	action      TEXT NOT NULL,
	entity_type TEXT NOT NULL,
	entity_id   TEXT NOT NULL,
	event_id    TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit (entity_id, seq);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit is append-only');
END;

CREATE TABLE imports (
	id          TEXT PRIMARY KEY,
	label       TEXT NOT NULL,
	time        TEXT NOT NULL,
	staff       TEXT NOT NULL,
	count       INTEGER NOT NULL,
	undone_time TEXT NOT NULL DEFAULT ''
);
