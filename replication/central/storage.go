// Package central is the central server's side of replication: the
// storage of every desk's events under the central's own sequence, the
// enrolled desks and their enrolment codes, and the HTTPS handlers desks
// talk to.
package central

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"accueil/intake"
)

// Storage is what the central keeps, as opaque bytes: the layer above it
// (Vault) seals every event before it gets here, so that any
// implementation stores ciphertext only. The SQLite implementation is
// SQLiteStorage; another (PostgreSQL) must pass the same conformance
// tests (storageSuite).
type Storage interface {
	// Push appends records from desk, each once: a record whose ID is
	// stored with the same Hash is a replay and succeeds; one whose ID is
	// stored with another Hash fails the whole push with a
	// *ConflictError. It returns how many were new and the last sequence.
	Push(ctx context.Context, desk string, recs []Record) (stored int, last int64, err error)
	// Pull returns up to limit records after the cursor, as stored, and
	// the cursor to ask from next. A desk's own events come back too: a
	// desk restored from an old backup gets back what it had pushed, and
	// for the others the store's replay check is cheap.
	Pull(ctx context.Context, after int64, limit int) (RawPage, error)
	// RewriteAll replaces the body and hash of every record by what fn
	// makes of it, in one transaction, and then drops the freed pages: it
	// seals a database made before events were sealed.
	RewriteAll(ctx context.Context, fn func(Record) (Record, error)) (int, error)
	// Setting returns a named value of the central (nil when unset).
	Setting(ctx context.Context, name string) ([]byte, error)
	// InitSetting records a named value unless one is set, and returns
	// the value now set: of two processes starting at once, one wins.
	InitSetting(ctx context.Context, name string, value []byte) ([]byte, error)
	// PutStaff records a staff account, new or changed (by ID), under the
	// next staff version, which it returns. A new account whose name
	// folds to another account's fails with ErrStaffExists.
	PutStaff(ctx context.Context, rec intake.StaffRecord) (version int64, err error)
	// StaffByName returns the account of a login name (case folded), or
	// ErrUnknownStaff.
	StaffByName(ctx context.Context, name string) (intake.StaffRecord, error)
	// StaffAfter returns up to limit accounts changed after version, in
	// version order.
	StaffAfter(ctx context.Context, after int64, limit int) ([]intake.StaffRecord, error)
	// Publish stores a new version of a kind of published content (the
	// bundle's files, encoded by the caller) and returns its number, which
	// grows across kinds.
	Publish(ctx context.Context, kind string, body []byte, now time.Time) (version int64, err error)
	// Published returns the newest version of kind, or
	// ErrNothingPublished.
	Published(ctx context.Context, kind string) (version int64, body []byte, err error)
	// AddCode records an enrolment token (by hash) valid until expires.
	AddCode(ctx context.Context, tokenHash string, expires time.Time) error
	// Redeem uses a token once and records the desk with its credential
	// hash, in one transaction.
	Redeem(ctx context.Context, tokenHash, desk, credentialHash string, now time.Time) error
	// Desk returns an enrolled desk.
	Desk(ctx context.Context, id string) (Desk, error)
	// Desks lists enrolled desks, revoked ones included.
	Desks(ctx context.Context) ([]Desk, error)
	// Revoke refuses a desk from now on.
	Revoke(ctx context.Context, id string, now time.Time) error
	// Counts returns the number of stored events and of distinct IDs.
	Counts(ctx context.Context) (events, distinct int64, err error)
	// Close closes the storage.
	Close() error
}

// Record is one event as Storage keeps it: its ID (not personal data), a
// body the storage does not read, and a hash of the event's canonical
// content that decides whether a replay is identical.
type Record struct {
	ID   string
	Body []byte
	Hash string
}

// RawPage is one page of stored records.
type RawPage struct {
	Records []Record // ID and Body set
	Next    int64
	More    bool
	// Last is the last sequence stored, as of the same snapshot.
	Last int64
}

// MaxPageBytes bounds the events of one page, so that a few unusually
// large events cannot make an answer the desk refuses to read. A page
// always holds at least one event, and no event is larger than a push.
const MaxPageBytes = 4 << 20

// Page is one page of pulled events, opened.
type Page struct {
	// Events are the canonical bodies, sent as they are.
	Events []json.RawMessage
	Next   int64
	More   bool
	// Last is the last sequence stored, as of the same snapshot.
	Last int64
}

// Desk is an enrolled desk.
type Desk struct {
	ID             string
	CredentialHash string
	Enrolled       time.Time
	// Revoked is zero for a desk in service.
	Revoked time.Time
}

// Errors of Storage.
var (
	ErrUnknownDesk = errors.New("unknown desk")
	ErrCodeUnknown = errors.New("unknown enrolment code")
	ErrCodeUsed    = errors.New("enrolment code already used")
	ErrCodeExpired = errors.New("enrolment code expired")
	ErrDeskExists  = errors.New("desk already enrolled")
	// ErrStaffExists: another account has this login name.
	ErrStaffExists = errors.New("a staff account with this name exists")
	// ErrNothingPublished: no version of this kind was published.
	ErrNothingPublished = errors.New("nothing published")
	// ErrUnknownStaff: no account has this login name.
	ErrUnknownStaff = errors.New("no staff account with this name")
)

// ConflictError: an event arrived with the ID of a stored event but other
// content. The ID is not personal data and may be logged.
type ConflictError struct{ ID string }

func (e *ConflictError) Error() string {
	return "event " + e.ID + " differs from the stored event with its ID"
}

// pageRows is what both drivers' result sets offer to fillPage.
type pageRows interface {
	Next() bool
	Scan(dest ...any) error
}

// fillPage reads rows of (seq, id, body), in sequence order, into a page
// after the cursor: at most limit records and MaxPageBytes of bodies (one
// record at least, whatever its size), More when a record was left. The
// query asks for limit+1 rows, so that More needs no second query. The
// caller checks the rows' error.
func fillPage(rows pageRows, after int64, limit int) (RawPage, error) {
	p := RawPage{Next: after}
	size := 0
	for rows.Next() {
		var seq int64
		var r Record
		if err := rows.Scan(&seq, &r.ID, &r.Body); err != nil {
			return RawPage{}, err
		}
		if len(p.Records) == limit || (len(p.Records) > 0 && size+len(r.Body) > MaxPageBytes) {
			p.More = true
			break
		}
		size += len(r.Body)
		p.Records = append(p.Records, r)
		p.Next = seq
	}
	return p, nil
}

// settle records the newest sequence stored; the last page moves the
// cursor up to it, so that a desk does not ask again for numbers no event
// will take.
func (p *RawPage) settle(last int64) {
	p.Last = last
	if !p.More {
		p.Next = max(p.Next, last)
	}
}
