package central

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"golang.org/x/crypto/argon2"

	"accueil/intake"
	"accueil/seal"
)

// Errors of the staff commands.
var (
	ErrWeakPassword = fmt.Errorf("password shorter than %d characters", intake.MinPasswordLen)
	ErrInvalidStaff = errors.New("a staff account needs a name (at most " +
		fmt.Sprint(intake.MaxNameLen) + " characters) and a role: reception, counsellor, health or admin")
)

// StaffKDF is the cost of the password hash and of the key wrap of a
// centrally managed account: the desk's own (RFC 9106's second
// recommendation, 64 MiB), since desks check these offline.
type StaffKDF struct {
	Time, Memory uint32
	Threads      uint8
}

// DefaultStaffKDF matches the desk's login cost.
var DefaultStaffKDF = StaffKDF{Time: 3, Memory: 64 * 1024, Threads: 2}

// phcHash returns password's argon2id hash as a PHC string, in the form
// the desk store writes and reads.
func (k StaffKDF) phcHash(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, k.Time, k.Memory, k.Threads, 32)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, k.Memory, k.Time, k.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// credentials makes what a desk needs to check password offline and to
// reach its data key with it: the PHC hash and KD wrapped under password.
func (v *Vault) credentials(password string, kdf StaffKDF) (hash string, wrap []byte, err error) {
	if utf8.RuneCountInString(password) < intake.MinPasswordLen {
		return "", nil, ErrWeakPassword
	}
	if hash, err = kdf.phcHash(password); err != nil {
		return "", nil, err
	}
	wrap, err = seal.Wrap(password, v.deploy, seal.KDF{Time: kdf.Time, Memory: kdf.Memory, Threads: kdf.Threads})
	return hash, wrap, err
}

// AddStaff creates a centrally managed account, which every desk receives
// on its next sync.
func (v *Vault) AddStaff(ctx context.Context, name, password string, role intake.Role, kdf StaffKDF) (intake.StaffRecord, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > intake.MaxNameLen || !role.Valid() {
		return intake.StaffRecord{}, fmt.Errorf("central: add staff: %w", ErrInvalidStaff)
	}
	if _, err := v.Storage.StaffByName(ctx, name); err == nil {
		return intake.StaffRecord{}, fmt.Errorf("central: add staff: %w", ErrStaffExists)
	}
	hash, wrap, err := v.credentials(password, kdf)
	if err != nil {
		return intake.StaffRecord{}, fmt.Errorf("central: add staff: %w", err)
	}
	id, err := uuid.NewV7()
	if err != nil {
		return intake.StaffRecord{}, fmt.Errorf("central: add staff: %w", err)
	}
	r := intake.StaffRecord{
		Staff:        intake.Staff{ID: id.String(), Name: name, Role: role},
		PasswordHash: hash, KeyWrap: wrap,
	}
	if r.Version, err = v.Storage.PutStaff(ctx, r); err != nil {
		return intake.StaffRecord{}, err
	}
	return r, nil
}

// SetStaffDisabled disables or enables an account by login name. A
// disabled account travels to desks as disabled, so that it can log in
// nowhere, offline included, once the desk has synced.
func (v *Vault) SetStaffDisabled(ctx context.Context, name string, disabled bool) (intake.StaffRecord, error) {
	r, err := v.Storage.StaffByName(ctx, name)
	if err != nil {
		return intake.StaffRecord{}, fmt.Errorf("central: staff %s: %w", name, err)
	}
	r.Disabled = disabled
	if r.Version, err = v.Storage.PutStaff(ctx, r); err != nil {
		return intake.StaffRecord{}, err
	}
	return r, nil
}

// SetStaffPassword gives an account a new password (a forgotten one, say):
// a new hash and a new wrap of KD, which desks take on their next sync.
// The account's data stays readable: KD does not change.
func (v *Vault) SetStaffPassword(ctx context.Context, name, password string, kdf StaffKDF) (intake.StaffRecord, error) {
	r, err := v.Storage.StaffByName(ctx, name)
	if err != nil {
		return intake.StaffRecord{}, fmt.Errorf("central: staff %s: %w", name, err)
	}
	if r.PasswordHash, r.KeyWrap, err = v.credentials(password, kdf); err != nil {
		return intake.StaffRecord{}, fmt.Errorf("central: staff %s: %w", name, err)
	}
	if r.Version, err = v.Storage.PutStaff(ctx, r); err != nil {
		return intake.StaffRecord{}, err
	}
	return r, nil
}

// ListStaff returns every account, in the order of their last change.
func (v *Vault) ListStaff(ctx context.Context) ([]intake.StaffRecord, error) {
	var all []intake.StaffRecord
	for after := int64(0); ; {
		page, err := v.Storage.StaffAfter(ctx, after, 1000)
		if err != nil || len(page) == 0 {
			return all, err
		}
		all = append(all, page...)
		after = page[len(page)-1].Version
	}
}
