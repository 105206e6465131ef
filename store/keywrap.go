package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"

	"accueil/intake"
	"accueil/seal"
)

// Audit actions of the key hierarchy.
const (
	ActionPasswordChange Action = "password_change" // own password changed
	ActionPasswordReset  Action = "password_reset"  // an admin set another account's password
	ActionDeployKey      Action = "deploy_key"      // the desk adopted the deployment key
	ActionStaffSync      Action = "staff_sync"      // a central-managed account arrived or changed
)

// ErrNoKey: the password is right but this desk holds no copy of the
// data key for the account (made before encryption at rest, while the
// desk was locked). An admin resets the password, or the account logs in
// once while someone else has the desk unlocked.
var ErrNoKey = errors.New("no key for this account on this desk")

// metaDeployWrap holds the desk data key wrapped under the deployment key.
const metaDeployWrap = "deploy_wrap"

// wrapKDF is the cost of password key wraps: the same as password
// hashes, so that tests that make hashing cheap make wraps cheap too.
func (s *Store) wrapKDF() seal.KDF {
	return seal.KDF{Time: s.kdf.time, Memory: s.kdf.memory, Threads: s.kdf.threads}
}

// keyForNewStaff returns the data key to wrap for a new account: the
// unlocked store's, or a fresh one for the first account of a desk
// without keys. fresh tells the latter.
func (s *Store) keyForNewStaff(ctx context.Context, by *intake.Staff) (dk *seal.Key, fresh bool, err error) {
	if r := s.ring.Load(); r != nil {
		return r.dk, false, nil
	}
	if by != nil {
		return nil, false, ErrLocked
	}
	var n int
	if err := s.reader(ctx).queryRow(`SELECT count(*) FROM key_wraps`).Scan(&n); err != nil {
		return nil, false, err
	}
	if n > 0 {
		return nil, false, ErrLocked
	}
	dk, err = seal.NewKey()
	return dk, true, err
}

// storeWrap writes the account's wrapped data key.
func (t *txn) storeWrap(staffID string, wrapped []byte) error {
	_, err := t.exec(`INSERT INTO key_wraps (staff_id, wrapped) VALUES (?, ?)
		ON CONFLICT (staff_id) DO UPDATE SET wrapped = excluded.wrapped`, staffID, wrapped)
	if err != nil {
		return fmt.Errorf("key wrap: %w", err)
	}
	return nil
}

// unlockFor unlocks the store for an account whose password was just
// verified. A desk that never had a data key (a database from before
// encryption at rest) makes one now and encrypts itself in place.
func (s *Store) unlockFor(ctx context.Context, staffID, password string) error {
	wrapped, err := s.wrapOf(ctx, staffID)
	switch {
	case err == nil && s.ring.Load() != nil:
		return nil
	case err == nil:
		dk, err := seal.Unwrap(password, wrapped)
		if err != nil {
			return fmt.Errorf("unwrap data key: %w", err)
		}
		return s.unlock(ctx, dk)
	case !isNoRows(err):
		return err
	}
	return s.unlockWithoutWrap(ctx, staffID, password)
}

// unlockWithoutWrap serves an account with no wrap of its own: a central
// account (through the deployment key), an account made before keys
// existed on a desk now unlocked (it gets its wrap), or the first login
// on a desk without any key.
func (s *Store) unlockWithoutWrap(ctx context.Context, staffID, password string) error {
	if err := s.unlockDeployed(ctx, staffID, password); !errors.Is(err, ErrNoKey) {
		return err
	}
	dk, fresh, err := s.keyForNewStaff(ctx, nil)
	if errors.Is(err, ErrLocked) {
		return ErrNoKey
	}
	if err != nil {
		return err
	}
	wrapped, err := seal.Wrap(password, dk, s.wrapKDF())
	if err != nil {
		return err
	}
	if err := s.write(ctx, func(t *txn) error { return t.storeWrap(staffID, wrapped) }); err != nil {
		return err
	}
	if fresh {
		return s.unlock(ctx, dk)
	}
	return nil
}

func (s *Store) wrapOf(ctx context.Context, staffID string) ([]byte, error) {
	var wrapped []byte
	err := s.reader(ctx).queryRow(`SELECT wrapped FROM key_wraps WHERE staff_id = ?`, staffID).Scan(&wrapped)
	return wrapped, err
}

// ChangePassword sets a new password for by's own account. The data key
// is re-wrapped, nothing is re-encrypted; the old password no longer
// opens it. Works while locked: the old password opens the old wrap.
func (s *Store) ChangePassword(ctx context.Context, by intake.Staff, old, new string) error {
	if err := s.changePassword(ctx, by, old, new); err != nil {
		return fmt.Errorf("store: change password: %w", err)
	}
	return nil
}

func (s *Store) changePassword(ctx context.Context, by intake.Staff, old, new string) error {
	if intake.CheckPassword(by.Name, new) != "" {
		return ErrWeakPassword
	}
	hash, err := s.staffHash(ctx, by.ID)
	if err != nil {
		return err
	}
	if !verifyPassword(hash, old) {
		return ErrBadLogin
	}
	wrapped, err := s.wrapOf(ctx, by.ID)
	if err != nil {
		return firstErr(notFoundAs(err, ErrNoKey), err)
	}
	dk, err := seal.Unwrap(old, wrapped)
	if err != nil {
		return fmt.Errorf("unwrap data key: %w", err)
	}
	defer dk.Zero()
	return s.setPassword(ctx, by, by.ID, new, dk, ActionPasswordChange)
}

// ResetPassword sets the password of another account, for staff who
// forgot theirs. The admin's unlocked data key is wrapped for the new
// password, so that no data is lost. Admins only, on an unlocked desk.
func (s *Store) ResetPassword(ctx context.Context, by intake.Staff, staffID, new string) error {
	err := func() error {
		if !by.Role.CanManageStaff() || by.Disabled {
			return ErrForbidden
		}
		if intake.CheckPassword("", new) != "" {
			return ErrWeakPassword
		}
		r, err := s.keys()
		if err != nil {
			return err
		}
		if _, err := s.staffHash(ctx, staffID); err != nil {
			return err
		}
		return s.setPassword(ctx, by, staffID, new, r.dk, ActionPasswordReset)
	}()
	if err != nil {
		return fmt.Errorf("store: reset password: %w", err)
	}
	return nil
}

// setPassword writes the account's new hash and data key wrap, audited.
func (s *Store) setPassword(ctx context.Context, by intake.Staff, staffID, password string, dk *seal.Key, a Action) error {
	hash, err := s.kdf.hash(password)
	if err != nil {
		return err
	}
	wrapped, err := seal.Wrap(password, dk, s.wrapKDF())
	if err != nil {
		return err
	}
	return s.write(ctx, func(t *txn) error {
		if _, err := t.exec(`UPDATE staff SET password = ? WHERE id = ?`, hash, staffID); err != nil {
			return err
		}
		if err := t.storeWrap(staffID, wrapped); err != nil {
			return err
		}
		return t.audit(by, a, "staff", staffID, "")
	})
}

func (s *Store) staffHash(ctx context.Context, id string) (string, error) {
	var hash string
	err := s.reader(ctx).queryRow(`SELECT password FROM staff WHERE id = ?`, id).Scan(&hash)
	return hash, firstErr(notFoundAs(err, ErrNotFound), err)
}

// notFoundAs maps sql.ErrNoRows to want and everything else to nil.
func notFoundAs(err, want error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return want
	}
	return nil
}

// AdoptDeploymentKey lets accounts managed by the central log in at this
// desk: the desk data key is stored wrapped under the deployment key kd,
// bound to this desk's ID. An admin on an unlocked desk only.
func (s *Store) AdoptDeploymentKey(ctx context.Context, by intake.Staff, kd *seal.Key) error {
	err := func() error {
		if !by.Role.CanManageStaff() || by.Disabled {
			return ErrForbidden
		}
		r, err := s.keys()
		if err != nil {
			return err
		}
		w := base64.StdEncoding.EncodeToString(seal.WrapKey(kd, r.dk, []byte(s.desk)))
		return s.write(ctx, func(t *txn) error {
			if _, err := t.exec(`INSERT INTO meta (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, metaDeployWrap, w); err != nil {
				return err
			}
			return t.audit(by, ActionDeployKey, "desk", s.desk, "")
		})
	}()
	if err != nil {
		return fmt.Errorf("store: adopt deployment key: %w", err)
	}
	return nil
}

// unlockDeployed opens the data key of a central account: the password
// opens the account's wrap of the deployment key, which opens the desk's
// deploy_wrap. A desk that has no key at all yet makes its data key and
// adopts the deployment key at once. ErrNoKey when the account has no
// wrap or the desk a key but no deploy_wrap.
func (s *Store) unlockDeployed(ctx context.Context, staffID, password string) error {
	var kw []byte
	err := s.reader(ctx).queryRow(`SELECT key_wrap FROM staff WHERE id = ?`, staffID).Scan(&kw)
	if err != nil || len(kw) == 0 {
		return firstErr(notFoundAs(err, ErrNoKey), err, ErrNoKey)
	}
	if s.ring.Load() != nil {
		return nil
	}
	kd, err := seal.Unwrap(password, kw)
	if err != nil {
		return fmt.Errorf("unwrap deployment key: %w", err)
	}
	defer kd.Zero()
	dw, err := s.metaValue(ctx, metaDeployWrap)
	if isNoRows(err) {
		return s.adoptOnFirstLogin(ctx, kd)
	}
	if err != nil {
		return err
	}
	wrapped, err := base64.StdEncoding.DecodeString(dw)
	if err != nil {
		return fmt.Errorf("deploy wrap: %w", err)
	}
	dk, err := seal.UnwrapKey(kd, wrapped, []byte(s.desk))
	if err != nil {
		return fmt.Errorf("unwrap data key: %w", err)
	}
	return s.unlock(ctx, dk)
}

// adoptOnFirstLogin serves a desk whose first login is a central
// account: it makes the data key under the deployment key. A desk with
// a key already needs an admin to adopt the deployment key.
func (s *Store) adoptOnFirstLogin(ctx context.Context, kd *seal.Key) error {
	dk, fresh, err := s.keyForNewStaff(ctx, nil)
	if errors.Is(err, ErrLocked) || (err == nil && !fresh) {
		return ErrNoKey
	}
	if err != nil {
		return err
	}
	w := base64.StdEncoding.EncodeToString(seal.WrapKey(kd, dk, []byte(s.desk)))
	err = s.write(ctx, func(t *txn) error {
		var n int
		if err := t.queryRow(`SELECT count(*) FROM key_wraps`).Scan(&n); err != nil || n > 0 {
			return firstErr(err, ErrNoKey)
		}
		_, err := t.exec(`INSERT INTO meta (key, value) VALUES (?, ?)`, metaDeployWrap, w)
		return err
	})
	if err != nil {
		return err
	}
	return s.unlock(ctx, dk)
}

// ApplyStaffRecords stores accounts published by the central, keeping
// for each the highest version seen. It works while locked: the records
// hold no personal data of newcomers. Each stored change is audited as
// done by the central (empty staff ID).
func (s *Store) ApplyStaffRecords(ctx context.Context, recs []intake.StaffRecord) error {
	err := s.write(ctx, func(t *txn) error {
		for _, rec := range recs {
			if err := t.applyStaffRecord(rec); err != nil {
				return fmt.Errorf("staff %s: %w", rec.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: apply staff records: %w", err)
	}
	return nil
}

// staffNameTaken marks, in the audit row's event column, a central
// account left out because a local account has its login name.
const staffNameTaken = "name_taken"

func (t *txn) applyStaffRecord(rec intake.StaffRecord) error {
	if _, _, _, ok := parsePHC(rec.PasswordHash); !ok || rec.ID == "" || !rec.Role.Valid() ||
		nameKey(rec.Name) == "" {
		return ErrInvalid
	}
	var other string
	err := t.queryRow(`SELECT id FROM staff WHERE name_key = ? AND id != ?`, nameKey(rec.Name), rec.ID).Scan(&other)
	switch {
	case err == nil:
		// A local account has this login name: the central's account is
		// left out here (audited), rather than blocking every later
		// account or taking over the local one. An administrator renames
		// one of them.
		return t.audit(intake.Staff{}, ActionStaffSync, "staff", rec.ID, staffNameTaken)
	case !isNoRows(err):
		return err
	}
	res, err := t.exec(`INSERT INTO staff (id, name, name_key, role, password, disabled, created, key_wrap, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
		role = excluded.role, password = excluded.password, disabled = excluded.disabled,
		key_wrap = excluded.key_wrap, version = excluded.version
		WHERE excluded.version > staff.version`,
		rec.ID, rec.Name, nameKey(rec.Name), string(rec.Role), rec.PasswordHash, rec.Disabled,
		t.s.now().UTC().Format("2006-01-02T15:04:05Z"), rec.KeyWrap, rec.Version)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	// The account's own desk wrap, if any, was made with an old password.
	if _, err := t.exec(`DELETE FROM key_wraps WHERE staff_id = ?`, rec.ID); err != nil {
		return err
	}
	return t.audit(intake.Staff{}, ActionStaffSync, "staff", rec.ID, "")
}
