package replication

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"accueil/intake"
	"accueil/seal"
)

// PathStaff is where a desk pulls the centrally managed staff accounts.
const PathStaff = "/v1/staff"

// MaxStaffPage bounds the accounts of one answer.
const MaxStaffPage = 500

// StaffAccount is a centrally managed account on the wire: what a desk
// needs to check a password offline (the argon2id PHC hash) and to reach
// its data key with it (the deployment key wrapped under the password).
// It never carries a password.
type StaffAccount struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Role         string `json:"role"`
	Disabled     bool   `json:"disabled"`
	PasswordHash string `json:"password_hash"`
	KeyWrap      []byte `json:"key_wrap"`
	Version      int64  `json:"version"`
}

// StaffPage answers a staff pull: accounts changed after the desk's
// version, in version order.
type StaffPage struct {
	Staff []StaffAccount `json:"staff"`
	More  bool           `json:"more"`
}

// AccountOf puts a record on the wire.
func AccountOf(r intake.StaffRecord) StaffAccount {
	return StaffAccount{
		ID: r.ID, Name: r.Name, Role: string(r.Role), Disabled: r.Disabled,
		PasswordHash: r.PasswordHash, KeyWrap: r.KeyWrap, Version: r.Version,
	}
}

// Record is the account as the desk store takes it.
func (a StaffAccount) Record() intake.StaffRecord {
	return intake.StaffRecord{
		Staff:        intake.Staff{ID: a.ID, Name: a.Name, Role: intake.Role(a.Role), Disabled: a.Disabled},
		PasswordHash: a.PasswordHash, KeyWrap: a.KeyWrap, Version: a.Version,
	}
}

// StaffStore keeps the accounts a desk receives from the central; the
// desk store has it. It must keep, per account, the highest version.
type StaffStore interface {
	ApplyStaffRecords(ctx context.Context, recs []intake.StaffRecord) error
}

// KeyAdopter keeps the deployment key a desk receives at enrolment,
// wrapping the desk's own data key under it; the desk store has it.
type KeyAdopter interface {
	AdoptDeploymentKey(ctx context.Context, by intake.Staff, kd *seal.Key) error
}

// Shared is what a desk takes from the central besides events: staff
// accounts and published content. Its zero value takes nothing.
type Shared struct {
	// Staff, when set, receives the accounts changed since the last pull.
	Staff StaffStore
	// Published, when set, keeps the newest published content.
	Published *PublishedDir

	staffAfter int64 // versions seen by this client, from 0 at start
}

// pullShared runs after the events of a successful sync. A central older
// than this desk does not serve staff accounts or published content; its
// "not found" skips them instead of stopping sync.
func (c *Client) pullShared(ctx context.Context) error {
	if c.Staff != nil {
		if _, err := c.pullStaff(ctx); err != nil && !notOffered(err) {
			return err
		}
	}
	if c.Published != nil {
		if _, err := c.pullPublished(ctx); err != nil && !notOffered(err) {
			return err
		}
	}
	return nil
}

func notOffered(err error) bool {
	var re *RemoteError
	return errors.As(err, &re) && re.Status == http.StatusNotFound
}

// PullStaff hands the accounts changed since the last pull to c.Staff
// and returns how many came. The first pull of a client takes every
// account: the desk store keeps the highest version of each, so that is
// harmless, and it needs no cursor of its own.
func (c *Client) PullStaff(ctx context.Context) (int, error) {
	c.running.Lock()
	defer c.running.Unlock()
	return c.pullStaff(ctx)
}

func (c *Client) pullStaff(ctx context.Context) (int, error) {
	n := 0
	for {
		q := url.Values{"after": {strconv.FormatInt(c.staffAfter, 10)}}
		var page StaffPage
		if err := c.call(ctx, http.MethodGet, PathStaff+"?"+q.Encode(), nil, &page); err != nil {
			return n, fmt.Errorf("replication: staff: %w", err)
		}
		if len(page.Staff) == 0 {
			return n, nil
		}
		recs := make([]intake.StaffRecord, len(page.Staff))
		for i, a := range page.Staff {
			recs[i] = a.Record()
		}
		if err := c.Staff.ApplyStaffRecords(ctx, recs); err != nil {
			return n, fmt.Errorf("replication: staff: %w", err)
		}
		n += len(recs)
		c.staffAfter = recs[len(recs)-1].Version
		if !page.More {
			return n, nil
		}
	}
}

// EnrollAdopting enrols like Enroll and hands the deployment key the
// central sends over the pinned channel to the desk store, for the
// logged-in administrator by, before the enrolment is stored: a desk
// enrolled this way lets centrally managed accounts log in, offline too.
// A central that sends no key is refused (it is older than this desk).
func EnrollAdopting(ctx context.Context, st EnrolStore, ka KeyAdopter, by intake.Staff, rawURL, code string) error {
	return enroll(ctx, st, rawURL, code, func(ctx context.Context, raw []byte) error {
		if len(raw) == 0 {
			return errors.New("the central sent no deployment key; update the central")
		}
		kd, err := seal.KeyFrom(raw)
		if err != nil {
			return fmt.Errorf("deployment key: %w", err)
		}
		return ka.AdoptDeploymentKey(ctx, by, kd)
	})
}

// CheckEnrolment tells, before anything else is asked of the user,
// whether the URL and code of an enrolment are well formed.
func CheckEnrolment(rawURL, code string) error {
	if _, err := centralURL(rawURL); err != nil {
		return err
	}
	_, err := ParseEnrolCode(code)
	return err
}
