// Package store keeps a desk's data in a local SQLite database (the
// pure-Go modernc driver): an append-only log of change events, the query
// tables and search index built from it, the outbox of events waiting for
// the central, staff accounts and the audit trail of every read and write.
//
// Every write is one immediate transaction that appends its events, updates
// the query tables and the index, marks the outbox and writes the audit
// row; a caller is answered only after the commit, and the database runs
// with synchronous=FULL so that an answered save survives a killed process
// or a power loss. Writes go through a single connection, so that writers
// of this process queue in Go; reads use a pool of read-only connections
// that WAL lets run alongside a write.
//
// The tables, in the order data flows through them:
//
//   - events: the log, never updated or deleted (triggers refuse it);
//   - entities and field_values: each field's current value and the event
//     that set it, newest hybrid-clock reading first;
//   - persons, households, distinct_pairs: rows derived from the fields,
//     for lists, search results and duplicate checks; a person's summary,
//     search keys and skeleton keys are one sealed record;
//   - outbox, audit, imports, staff, key_wraps, entity_keys, meta (desk
//     ID, clock, index generation).
//
// Personal data is sealed at rest (crypt.go, keywrap.go): events, field
// values, person records and household names under a random key per
// entity, entity keys under a subkey of the desk data key, and that key
// wrapped under each staff password. Open gives a locked store that
// returns ErrLocked for personal data until Authenticate; search, lists
// and duplicate checks run on an in-memory index built at unlock
// (index.go).
//
// Everything from field_values down is derived: Check replays the log and
// compares, Rebuild replays it into empty tables.
//
// Fields a role may not read are redacted on the way out and left alone on
// the way in, so that a form that never showed a field cannot blank it.
package store
