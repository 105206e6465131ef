package store

import (
	"errors"
	"fmt"
	"strings"

	"accueil/intake"
)

// Errors callers tell apart with errors.Is. The user interface maps them to
// translated messages; their text is for logs and tests.
var (
	// ErrNotFound: no such person, household, staff member or import.
	ErrNotFound = errors.New("not found")
	// ErrForbidden: the staff member's role does not allow the operation.
	ErrForbidden = errors.New("forbidden")
	// ErrBadLogin: unknown name, wrong password or disabled account; the
	// three are not told apart so that a guesser learns nothing.
	ErrBadLogin = errors.New("bad login")
	// ErrInvalid: the operation does not apply to these records, such as
	// merging a file into itself or into a deleted file.
	ErrInvalid = errors.New("invalid operation")
	// ErrExists: a staff member with that name exists already.
	ErrExists = errors.New("already exists")
	// ErrWeakPassword: the password is shorter than intake.MinPasswordLen.
	ErrWeakPassword = errors.New("password too short")
)

// ValidationError reports why a person was not saved. Problems carry
// message IDs for the user interface to translate.
type ValidationError struct {
	// Row is the index of the offending person in an import, -1 otherwise.
	Row      int
	Problems []intake.Problem
}

func (e *ValidationError) Error() string {
	ids := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		ids[i] = string(p.Field) + ": " + p.ID
	}
	if e.Row >= 0 {
		return fmt.Sprintf("row %d invalid: %s", e.Row, strings.Join(ids, "; "))
	}
	return "invalid: " + strings.Join(ids, "; ")
}

// ConflictError reports fields that someone else changed after the editor
// opened the form and that the editor changed too. Nothing was written; the
// editor reloads, sees the other value and decides.
type ConflictError struct {
	Fields []intake.Field
}

func (e *ConflictError) Error() string {
	fs := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		fs[i] = string(f)
	}
	return "changed meanwhile by someone else: " + strings.Join(fs, ", ")
}
