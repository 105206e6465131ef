// Package intake is the domain of the asylum office's intake desk: persons,
// households, permits, procedure dates, accommodation, needs, staff roles and
// the change events that record every edit.
//
// It is plain Go: no toolkit, no SQL. Validation reports problems as message
// IDs with arguments so that the user interface can translate them; nothing
// here produces an English sentence for a user.
package intake
