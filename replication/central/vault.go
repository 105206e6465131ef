package central

import (
	"context"
	"crypto/hmac"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"accueil/intake"
	"accueil/replication"
	"accueil/seal"
)

// Vault is the central's data as the handlers and commands see it: it
// seals every event before it reaches the Storage and opens it on the way
// out, so that whatever implements Storage holds ciphertext only. The key
// lives outside the database (a key file, see LoadKey).
type Vault struct {
	Storage
	events *seal.Key // seals event bodies
	hashes *seal.Key // keyed hash of canonical content, for replays
	deploy *seal.Key // the deployment key KD, see DeploymentKey

	// KeyCreated names the key file when Open made it just now: the
	// administrator must back it up, apart from the database.
	KeyCreated string
}

// Settings the vault keeps in Storage.
const (
	settingKeyCheck   = "key_check"
	settingSealed     = "events_sealed"
	settingDeployWrap = "deploy_key"
)

// Errors of NewVault.
var (
	// ErrWrongKey: the key does not open this database.
	ErrWrongKey = errors.New("the key file does not belong to this database")
)

// NewVault puts key over st. A database whose events are still in clear
// (made before events were sealed) is sealed in place first; a database
// sealed under another key is refused with ErrWrongKey.
func NewVault(ctx context.Context, st Storage, key *seal.Key) (*Vault, error) {
	v, err := deriveVault(st, key)
	if err != nil {
		return nil, err
	}
	if err := v.checkKey(ctx, key); err != nil {
		return nil, err
	}
	if err := v.sealLegacy(ctx); err != nil {
		return nil, err
	}
	if err := v.loadDeploymentKey(ctx); err != nil {
		return nil, err
	}
	return v, nil
}

func deriveVault(st Storage, key *seal.Key) (*Vault, error) {
	v := &Vault{Storage: st}
	var err error
	if v.events, err = key.Derive("central events"); err != nil {
		return nil, fmt.Errorf("central: vault: %w", err)
	}
	if v.hashes, err = key.Derive("central event hash"); err != nil {
		return nil, fmt.Errorf("central: vault: %w", err)
	}
	return v, nil
}

// keyCheck is a value only the right key gives: the database keeps it, so
// that a wrong key file is told apart from damaged data at start.
func keyCheck(key *seal.Key) ([]byte, error) {
	k, err := key.Derive("central key check")
	if err != nil {
		return nil, err
	}
	return k.Token([]byte("accueil central key check"), 32), nil
}

func (v *Vault) checkKey(ctx context.Context, key *seal.Key) error {
	want, err := keyCheck(key)
	if err != nil {
		return fmt.Errorf("central: vault: %w", err)
	}
	have, err := v.Storage.InitSetting(ctx, settingKeyCheck, want)
	if err != nil {
		return fmt.Errorf("central: vault: %w", err)
	}
	if !hmac.Equal(have, want) {
		return fmt.Errorf("central: vault: %w", ErrWrongKey)
	}
	return nil
}

// Keyed reports whether the database at st was ever opened with a key:
// a database that was must not start without it.
func Keyed(ctx context.Context, st Storage) (bool, error) {
	have, err := st.Setting(ctx, settingKeyCheck)
	return have != nil, err
}

// sealLegacy seals, once, the events of a database made before events
// were sealed: their bodies are canonical JSON in clear.
func (v *Vault) sealLegacy(ctx context.Context) error {
	done, err := v.Storage.Setting(ctx, settingSealed)
	if err != nil || done != nil {
		return err
	}
	_, err = v.Storage.RewriteAll(ctx, func(r Record) (Record, error) {
		if !json.Valid(r.Body) {
			return Record{}, fmt.Errorf("event %s is neither sealed nor readable", r.ID)
		}
		return v.seal(r.ID, r.Body), nil
	})
	if err != nil {
		return fmt.Errorf("central: seal stored events: %w", err)
	}
	_, err = v.Storage.InitSetting(ctx, settingSealed, []byte("1"))
	return err
}

func eventAAD(id string) []byte { return []byte("event\x00" + id) }

// seal makes the stored record of a canonical body.
func (v *Vault) seal(id string, canonical []byte) Record {
	return Record{
		ID:   id,
		Body: v.events.Seal(canonical, eventAAD(id)),
		Hash: hex.EncodeToString(v.hashes.Token(canonical, 32)),
	}
}

// Push seals evs and appends them: an identical replay succeeds, the same
// ID with other content fails with a *ConflictError. Replays are judged
// by a keyed hash of the canonical content (ciphertexts of one content
// differ every time).
func (v *Vault) Push(ctx context.Context, desk string, evs []intake.Event) (int, int64, error) {
	recs := make([]Record, len(evs))
	for i, ev := range evs {
		body, err := replication.Canonical(ev)
		if err != nil {
			return 0, 0, err
		}
		recs[i] = v.seal(ev.ID, body)
	}
	return v.Storage.Push(ctx, desk, recs)
}

// Pull returns up to limit events after the cursor, opened.
func (v *Vault) Pull(ctx context.Context, after int64, limit int) (Page, error) {
	raw, err := v.Storage.Pull(ctx, after, limit)
	if err != nil {
		return Page{}, err
	}
	p := Page{Next: raw.Next, More: raw.More, Last: raw.Last, Events: make([]json.RawMessage, len(raw.Records))}
	for i, r := range raw.Records {
		body, err := v.events.Open(r.Body, eventAAD(r.ID))
		if err != nil {
			return Page{}, fmt.Errorf("central: open event %s: %w", r.ID, err)
		}
		p.Events[i] = body
	}
	return p, nil
}

var deployAAD = []byte("accueil deployment key")

// loadDeploymentKey opens KD, sealed in the database under the central's
// key, made on first start.
func (v *Vault) loadDeploymentKey(ctx context.Context) error {
	kd, err := seal.NewKey()
	if err != nil {
		return fmt.Errorf("central: deployment key: %w", err)
	}
	wrapped, err := v.Storage.InitSetting(ctx, settingDeployWrap, seal.WrapKey(v.events, kd, deployAAD))
	if err != nil {
		return fmt.Errorf("central: deployment key: %w", err)
	}
	if v.deploy, err = seal.UnwrapKey(v.events, wrapped, deployAAD); err != nil {
		return fmt.Errorf("central: deployment key: %w", err)
	}
	return nil
}

// DeploymentKey is KD, the key every desk's data key is wrapped under for
// centrally managed accounts: the central hands it to a desk at enrolment
// and wraps it under each account's password.
func (v *Vault) DeploymentKey() *seal.Key { return v.deploy }
