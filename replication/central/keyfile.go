package central

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"accueil/seal"
)

// DefaultKeyFile is where the central's key lives unless --key-file says
// otherwise: outside the database file, so that a copy of the database
// alone reveals nothing. Back it up apart from the database.
func DefaultKeyFile(dataDir string) string { return filepath.Join(dataDir, "keys", "central.key") }

// ErrKeyMissing: the database holds sealed data but its key file is gone.
var ErrKeyMissing = errors.New("key file missing")

// Open opens the central's SQLite database in dataDir under the key in
// keyFile. The key file is made (mode 0600) on first start, and for a
// database made before events were sealed, whose events are then sealed
// in place. A database opened with a key before never starts without it.
func Open(ctx context.Context, dataDir, keyFile string) (*Vault, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("central: data folder: %w", err)
	}
	st, err := OpenSQLite(ctx, filepath.Join(dataDir, DatabaseFile))
	if err != nil {
		return nil, err
	}
	v, err := openVault(ctx, st, keyFile)
	if err != nil {
		st.Close()
		return nil, err
	}
	return v, nil
}

func openVault(ctx context.Context, st Storage, keyFile string) (*Vault, error) {
	keyed, err := Keyed(ctx, st)
	if err != nil {
		return nil, err
	}
	_, statErr := os.Stat(keyFile)
	key, err := LoadKey(keyFile, !keyed)
	if err != nil {
		return nil, err
	}
	v, err := NewVault(ctx, st, key)
	if errors.Is(err, ErrWrongKey) {
		return nil, fmt.Errorf("central: %s: %w; use the key file made with this database", keyFile, ErrWrongKey)
	}
	if err == nil && errors.Is(statErr, fs.ErrNotExist) {
		v.KeyCreated = keyFile
	}
	return v, err
}

// LoadKey reads the key file, or creates it when create is set and the
// file does not exist. A key file that others than its owner may read is
// refused.
func LoadKey(path string, create bool) (*seal.Key, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if !create {
			return nil, fmt.Errorf("central: %s: %w: the database holds sealed data and cannot start without the key "+
				"it was made with; restore the key file from its backup (or pass --key-file)", path, ErrKeyMissing)
		}
		return createKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("central: key file: %w", err)
	}
	if err := checkKeyMode(path); err != nil {
		return nil, err
	}
	raw, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(raw) != seal.KeySize {
		return nil, fmt.Errorf("central: key file %s: not a key (%d hex digits expected)", path, 2*seal.KeySize)
	}
	return seal.KeyFrom(raw)
}

func checkKeyMode(path string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("central: key file: %w", err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("central: key file %s is readable by others (mode %v); run chmod 600 on it", path, fi.Mode().Perm())
	}
	return nil
}

// createKey writes a fresh key: temporary file, fsync, link to its name,
// so that a crash never leaves a half-written key that the database then
// needs, and a key made by another process at the same moment is kept.
func createKey(path string) (*seal.Key, error) {
	key, err := seal.NewKey()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("central: key folder: %w", err)
	}
	err = writeFileAtomic(path, []byte(hex.EncodeToString(key.Bytes())+"\n"), 0o600, false)
	if errors.Is(err, fs.ErrExist) {
		return LoadKey(path, false) // another process made it just now
	}
	if err != nil {
		return nil, fmt.Errorf("central: key file: %w", err)
	}
	return key, nil
}

// writeFileAtomic replaces path with data: a temporary file in the same
// folder, synced, renamed over path (or, without replace, linked to path,
// failing with fs.ErrExist when it exists), and the folder synced.
func writeFileAtomic(path string, data []byte, mode os.FileMode, replace bool) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // fails harmlessly after the rename
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := errors.Join(f.Sync(), f.Close()); err != nil {
		return err
	}
	place := os.Rename
	if !replace {
		place = os.Link
	}
	if err := place(tmp, path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}
