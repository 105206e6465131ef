package store

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/cases"

	"accueil/intake"
	"accueil/seal"
)

// kdfParams are argon2id's costs. They are stored with each hash, so that
// raising them later leaves existing passwords working.
type kdfParams struct {
	time    uint32
	memory  uint32 // KiB
	threads uint8
	keyLen  uint32
}

// defaultKDF follows RFC 9106's second recommendation, scaled to a desk
// computer: 64 MiB, tuned so that a login takes well under a second.
func defaultKDF() kdfParams {
	return kdfParams{time: 3, memory: 64 * 1024, threads: 2, keyLen: 32}
}

const saltLen = 16

// HasStaff reports whether any staff account exists; without one the desk
// offers to create the first admin.
func (s *Store) HasStaff(ctx context.Context) (bool, error) {
	var n int
	if err := s.reader(ctx).queryRow(`SELECT count(*) FROM staff`).Scan(&n); err != nil {
		return false, fmt.Errorf("store: has staff: %w", err)
	}
	return n > 0, nil
}

// CreateStaff makes an account. by is nil only for the very first account,
// which must be an admin; afterwards only admins create accounts. Names are
// unique regardless of case.
func (s *Store) CreateStaff(ctx context.Context, by *intake.Staff, name, password string, role intake.Role) (intake.Staff, error) {
	st, err := s.createStaff(ctx, by, name, password, role)
	if err != nil {
		return intake.Staff{}, fmt.Errorf("store: create staff: %w", err)
	}
	return st, nil
}

func (s *Store) createStaff(ctx context.Context, by *intake.Staff, name, password string, role intake.Role) (intake.Staff, error) {
	name = strings.TrimSpace(name)
	switch {
	case !role.Known(), name == "", utf8.RuneCountInString(name) > intake.MaxNameLen:
		return intake.Staff{}, ErrInvalid
	case intake.CheckPassword(name, password) != "":
		return intake.Staff{}, ErrWeakPassword
	case by != nil && (!by.Role.CanManageStaff() || by.Disabled):
		return intake.Staff{}, ErrForbidden
	case by == nil && role != intake.RoleAdmin:
		return intake.Staff{}, ErrForbidden
	}
	id, err := newID()
	if err != nil {
		return intake.Staff{}, err
	}
	hash, err := s.kdf.hash(password)
	if err != nil {
		return intake.Staff{}, err
	}
	dk, fresh, err := s.keyForNewStaff(ctx, by)
	if err != nil {
		return intake.Staff{}, err
	}
	wrapped, err := seal.Wrap(password, dk, s.wrapKDF())
	if err != nil {
		return intake.Staff{}, err
	}
	st := intake.Staff{ID: id, Name: name, Role: role}
	err = s.write(ctx, func(t *txn) error {
		var n, same int
		if err := t.queryRow(`SELECT count(*), count(*) FILTER (WHERE name_key = ?) FROM staff`, nameKey(name)).Scan(&n, &same); err != nil {
			return err
		}
		switch {
		case by == nil && n > 0:
			// Checked inside the transaction: two first-run screens cannot
			// both make an admin.
			return ErrForbidden
		case same > 0:
			return ErrExists
		}
		if _, err := t.exec(`INSERT INTO staff (id, name, name_key, role, password, created) VALUES (?, ?, ?, ?, ?, ?)`,
			id, name, nameKey(name), string(role), hash, s.now().UTC().Format(time.RFC3339)); err != nil {
			return err
		}
		if err := t.storeWrap(id, wrapped); err != nil {
			return err
		}
		actor := st
		if by != nil {
			actor = *by
		}
		return t.audit(actor, ActionStaffCreate, "staff", id, "")
	})
	if err == nil && fresh {
		// The first admin of a new desk made its data key: unlocked.
		err = s.unlock(ctx, dk)
	}
	return st, err
}

// nameKey folds case (and compatibility forms) so that "Anna", "ANNA" and
// "anna" are one account.
func nameKey(name string) string {
	return cases.Fold().String(strings.TrimSpace(name))
}

// Authenticate checks a name and password. Unknown names, wrong passwords
// and disabled accounts all give ErrBadLogin, after the same hashing work,
// so that a guesser learns nothing. Every attempt is audited.
func (s *Store) Authenticate(ctx context.Context, name, password string) (intake.Staff, error) {
	if err := s.loginGate(ctx, name); err != nil {
		return intake.Staff{}, fmt.Errorf("store: authenticate: %w", err)
	}
	var st intake.Staff
	var hash string
	var disabled bool
	err := s.reader(ctx).queryRow(`SELECT id, name, role, password, disabled FROM staff WHERE name_key = ?`,
		nameKey(name)).Scan(&st.ID, &st.Name, &st.Role, &hash, &disabled)
	found := err == nil
	if err != nil && !isNoRows(err) {
		return intake.Staff{}, fmt.Errorf("store: authenticate: %w", err)
	}
	if !found {
		// Spend the same time as a real check.
		hash = s.kdf.dummy()
	}
	ok := verifyPassword(hash, password) && found && !disabled
	action := ActionLoginFailed
	if ok {
		action = ActionLogin
	}
	if err := s.write(ctx, func(t *txn) error { return t.audit(st, action, "staff", st.ID, "") }); err != nil {
		return intake.Staff{}, fmt.Errorf("store: authenticate: %w", err)
	}
	if !ok {
		return intake.Staff{}, fmt.Errorf("store: authenticate: %w", ErrBadLogin)
	}
	if err := s.unlockFor(ctx, st.ID, password); err != nil {
		return intake.Staff{}, fmt.Errorf("store: authenticate: %w", err)
	}
	return st, nil
}

// ListStaff returns every account, by name. Admins only.
func (s *Store) ListStaff(ctx context.Context, by intake.Staff) ([]intake.Staff, error) {
	if !by.Role.CanManageStaff() {
		return nil, fmt.Errorf("store: list staff: %w", ErrForbidden)
	}
	rows, err := s.reader(ctx).query(`SELECT id, name, role, disabled FROM staff ORDER BY name_key`)
	if err != nil {
		return nil, fmt.Errorf("store: list staff: %w", err)
	}
	defer rows.Close()
	var out []intake.Staff
	for rows.Next() {
		var st intake.Staff
		if err := rows.Scan(&st.ID, &st.Name, &st.Role, &st.Disabled); err != nil {
			return nil, fmt.Errorf("store: list staff: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list staff: %w", err)
	}
	return out, nil
}

// SetStaffDisabled disables or re-enables an account. Admins only; an
// admin cannot disable their own account (and so lock the desk out).
func (s *Store) SetStaffDisabled(ctx context.Context, by intake.Staff, id string, disabled bool) error {
	if !by.Role.CanManageStaff() {
		return fmt.Errorf("store: disable staff: %w", ErrForbidden)
	}
	if id == by.ID && disabled {
		return fmt.Errorf("store: disable staff: %w", ErrInvalid)
	}
	err := s.write(ctx, func(t *txn) error {
		res, err := t.exec(`UPDATE staff SET disabled = ? WHERE id = ?`, disabled, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return firstErr(err, ErrNotFound)
		}
		return t.audit(by, ActionStaffChange, "staff", id, "")
	})
	if err != nil {
		return fmt.Errorf("store: disable staff: %w", err)
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// hash returns the PHC string of password: algorithm, version, costs,
// salt and key, so that verification needs nothing else.
func (k kdfParams) hash(password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	return k.encode(salt, k.key(password, salt)), nil
}

func (k kdfParams) key(password string, salt []byte) []byte {
	return argon2.IDKey([]byte(password), salt, k.time, k.memory, k.threads, k.keyLen)
}

func (k kdfParams) encode(salt, key []byte) string {
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, k.memory, k.time, k.threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// dummy is a well-formed hash with the current costs that no password
// matches in practice, for timing-equal refusals.
func (k kdfParams) dummy() string {
	return k.encode(make([]byte, saltLen), make([]byte, k.keyLen))
}

// Bounds on the costs read back from a stored hash: a damaged or planted
// value must not make a login allocate the machine's memory.
const (
	maxKDFMemory  = 1 << 20 // KiB: 1 GiB
	maxKDFTime    = 16
	maxKDFThreads = 16
	maxKDFKey     = 128
)

// verifyPassword recomputes the key with the stored costs and compares in
// constant time.
func verifyPassword(phc, password string) bool {
	k, salt, want, ok := parsePHC(phc)
	if !ok {
		return false
	}
	return subtle.ConstantTimeCompare(k.key(password, salt), want) == 1
}

// parsePHC reads what hash wrote, refusing costs outside sane bounds.
func parsePHC(phc string) (k kdfParams, salt, key []byte, ok bool) {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return k, nil, nil, false
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return k, nil, nil, false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &k.memory, &k.time, &k.threads); err != nil {
		return k, nil, nil, false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	key, err2 := b64.DecodeString(parts[5])
	switch {
	case err1 != nil, err2 != nil, len(key) == 0, len(key) > maxKDFKey,
		k.time == 0, k.time > maxKDFTime, k.threads == 0, k.threads > maxKDFThreads,
		k.memory > maxKDFMemory:
		return k, nil, nil, false
	}
	k.keyLen = uint32(len(key))
	return k, salt, key, true
}
