package ui

import (
	"context"

	"accueil/intake"
	"accueil/store"
)

// Store is what the desk screens need from the local store.
type Store interface {
	HasStaff(ctx context.Context) (bool, error)
	CreateStaff(ctx context.Context, by *intake.Staff, name, password string, role intake.Role) (intake.Staff, error)
	Authenticate(ctx context.Context, name, password string) (intake.Staff, error)
	ListStaff(ctx context.Context, by intake.Staff) ([]intake.Staff, error)
	SetStaffDisabled(ctx context.Context, by intake.Staff, id string, disabled bool) error
	// Lock forgets the data key: personal data stays sealed until the
	// next login.
	Lock()

	SavePerson(ctx context.Context, by intake.Staff, p intake.Person, seen store.Versions) (intake.Person, store.Versions, error)
	Person(ctx context.Context, by intake.Staff, id string) (intake.Person, store.Versions, error)
	History(ctx context.Context, by intake.Staff, id string) ([]intake.Event, error)
	List(ctx context.Context, by intake.Staff, f store.ListFilter, today intake.Date, limit, offset int) ([]store.Summary, int, error)
	Search(ctx context.Context, by intake.Staff, text string, limit int) ([]store.Summary, error)
	Duplicates(ctx context.Context, by intake.Staff, p intake.Person) ([]store.Candidate, error)
	MarkDistinct(ctx context.Context, by intake.Staff, a, b string) error
	Merge(ctx context.Context, by intake.Staff, keep, gone string) error
	ImportDuplicates(ctx context.Context, by intake.Staff, persons []intake.Person, progress func(done, total int)) ([][]store.Candidate, error)

	Household(ctx context.Context, by intake.Staff, id string) (intake.Household, []store.Summary, error)
	SaveHousehold(ctx context.Context, by intake.Staff, h intake.Household) (intake.Household, error)

	Import(ctx context.Context, by intake.Staff, label string, persons []intake.Person, progress func(done, total int)) (string, error)
	UndoImport(ctx context.Context, by intake.Staff, batch string) (undone, kept int, err error)
	Imports(ctx context.Context, by intake.Staff) ([]store.ImportInfo, error)
}

var _ Store = (*store.Store)(nil)
