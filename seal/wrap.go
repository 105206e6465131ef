package seal

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/crypto/argon2"
)

// KDF holds argon2id's costs. They travel inside every wrapped key, so
// that raising them later leaves older wraps readable.
type KDF struct {
	Time    uint32
	Memory  uint32 // KiB
	Threads uint8
}

// DefaultKDF is the cost for a desk login: about a tenth of a second and
// 64 MiB on a desk computer, which makes guessing offline expensive.
func DefaultKDF() KDF { return KDF{Time: 3, Memory: 64 * 1024, Threads: 2} }

// Bounds on the costs accepted from a wrapped key, so that a forged wrap
// cannot make a login allocate gigabytes or spin for minutes.
const (
	maxTime    = 16
	maxMemory  = 1 << 20 // 1 GiB in KiB
	maxThreads = 16
	saltSize   = 16
)

// wrapVersion is the first byte of a wrapped key, for future formats.
const wrapVersion = 1

// ErrWrongPassword is returned by Unwrap when the password does not open
// the wrapped key (or the wrap was changed).
var ErrWrongPassword = errors.New("seal: wrong password")

// ErrMalformed is returned for a wrapped key that is not one.
var ErrMalformed = errors.New("seal: malformed wrapped key")

// headerSize is version, time, memory, threads and salt.
const headerSize = 1 + 4 + 4 + 1 + saltSize

// Wrap seals key under a key derived from password with argon2id and a
// fresh salt. The result holds the costs and the salt; it is safe to store
// next to the data it protects.
func Wrap(password string, key *Key, kdf KDF) ([]byte, error) {
	if err := kdf.check(); err != nil {
		return nil, err
	}
	hdr := make([]byte, headerSize)
	hdr[0] = wrapVersion
	binary.BigEndian.PutUint32(hdr[1:], kdf.Time)
	binary.BigEndian.PutUint32(hdr[5:], kdf.Memory)
	hdr[9] = kdf.Threads
	if _, err := rand.Read(hdr[10:]); err != nil {
		return nil, fmt.Errorf("seal: salt: %w", err)
	}
	kek, err := kdf.derive(password, hdr[10:])
	if err != nil {
		return nil, err
	}
	return append(hdr, kek.Seal(key.raw[:], hdr)...), nil
}

// Unwrap opens a key wrapped by Wrap with password.
func Unwrap(password string, wrapped []byte) (*Key, error) {
	if len(wrapped) < headerSize || wrapped[0] != wrapVersion {
		return nil, ErrMalformed
	}
	kdf := KDF{
		Time:    binary.BigEndian.Uint32(wrapped[1:]),
		Memory:  binary.BigEndian.Uint32(wrapped[5:]),
		Threads: wrapped[9],
	}
	if err := kdf.check(); err != nil {
		return nil, err
	}
	kek, err := kdf.derive(password, wrapped[10:headerSize])
	if err != nil {
		return nil, err
	}
	raw, err := kek.Open(wrapped[headerSize:], wrapped[:headerSize])
	if err != nil {
		return nil, ErrWrongPassword
	}
	return KeyFrom(raw)
}

// WrapKey seals key under another key (a key-encryption key), for key
// chains such as a desk's data key under a deployment key.
func WrapKey(kek, key *Key, aad []byte) []byte { return kek.Seal(key.raw[:], aad) }

// UnwrapKey opens a key sealed by WrapKey.
func UnwrapKey(kek *Key, wrapped, aad []byte) (*Key, error) {
	raw, err := kek.Open(wrapped, aad)
	if err != nil {
		return nil, err
	}
	return KeyFrom(raw)
}

func (k KDF) check() error {
	if k.Time == 0 || k.Time > maxTime || k.Memory < 8*uint32(k.Threads) || k.Memory > maxMemory ||
		k.Threads == 0 || k.Threads > maxThreads {
		return fmt.Errorf("%w: costs t=%d m=%d p=%d out of bounds", ErrMalformed, k.Time, k.Memory, k.Threads)
	}
	return nil
}

func (k KDF) derive(password string, salt []byte) (*Key, error) {
	return KeyFrom(argon2.IDKey([]byte(password), salt, k.Time, k.Memory, k.Threads, KeySize))
}
