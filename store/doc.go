// Package store keeps a desk's data in a local SQLite database (the
// pure-Go modernc driver): an append-only log of change events, the query
// tables and search index built from it, the outbox of events waiting for
// the central, staff accounts and the audit trail of every read and write.
//
// Every write is one immediate transaction that appends its events, updates
// the query tables and the index, marks the outbox and writes the audit
// row; a caller is answered only after the commit, and the database runs
// with synchronous=FULL so that an answered save survives a killed process
// or a power loss. The query tables hold nothing the log does not: Check
// rebuilds them from the events and compares.
//
// Fields a role may not read are redacted on the way out and left alone on
// the way in, so that a form that never showed a field cannot blank it.
package store
