package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
)

// KeySize is the length of every key in bytes (AES-256).
const KeySize = 32

// ErrOpen is returned when a sealed value does not open: wrong key, wrong
// additional data, or bytes changed since sealing.
var ErrOpen = errors.New("seal: value does not open with this key")

// Key is a 256-bit key with its AES-GCM cipher ready. The zero Key is not
// usable; make one with NewKey or KeyFrom.
type Key struct {
	raw  [KeySize]byte
	aead cipher.AEAD
}

// NewKey returns a fresh random key.
func NewKey() (*Key, error) {
	var raw [KeySize]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return nil, fmt.Errorf("seal: new key: %w", err)
	}
	return KeyFrom(raw[:])
}

// KeyFrom makes a key of raw bytes, which must be KeySize long.
func KeyFrom(raw []byte) (*Key, error) {
	if len(raw) != KeySize {
		return nil, fmt.Errorf("seal: key of %d bytes, want %d", len(raw), KeySize)
	}
	k := &Key{}
	copy(k.raw[:], raw)
	block, err := aes.NewCipher(k.raw[:])
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	if k.aead, err = cipher.NewGCM(block); err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	return k, nil
}

// Bytes returns a copy of the raw key, for wrapping it under another key.
func (k *Key) Bytes() []byte { return append([]byte(nil), k.raw[:]...) }

// Seal encrypts plaintext and binds it to aad (where the value lives, such
// as its table, row and field). The result is nonce || ciphertext || tag.
func (k *Key) Seal(plaintext, aad []byte) []byte {
	out := make([]byte, k.aead.NonceSize(), k.aead.NonceSize()+len(plaintext)+k.aead.Overhead())
	if _, err := rand.Read(out); err != nil {
		// crypto/rand does not fail on supported systems; if it ever
		// did, sealing with a repeated nonce would be worse than stopping.
		panic(fmt.Sprintf("seal: random nonce: %v", err))
	}
	return k.aead.Seal(out, out, plaintext, aad)
}

// Open decrypts a value made by Seal with the same key and aad.
func (k *Key) Open(sealed, aad []byte) ([]byte, error) {
	n := k.aead.NonceSize()
	if len(sealed) < n+k.aead.Overhead() {
		return nil, ErrOpen
	}
	out, err := k.aead.Open(nil, sealed[:n], sealed[n:], aad)
	if err != nil {
		return nil, ErrOpen
	}
	return out, nil
}

// Token returns a deterministic HMAC-SHA-256 of msg, cut to size bytes
// (at most 32): equal inputs give equal tokens, so a column of tokens can
// be looked up exactly without revealing what it holds. Use a key derived
// for tokens only, never the key that seals values.
func (k *Key) Token(msg []byte, size int) []byte {
	m := hmac.New(sha256.New, k.raw[:])
	m.Write(msg)
	return m.Sum(nil)[:min(size, sha256.Size)]
}

// Derive returns a key for one job (label), derived from k with HKDF, so
// that one data key gives independent sealing and token keys.
func (k *Key) Derive(label string) (*Key, error) {
	raw, err := hkdf.Key(sha256.New, k.raw[:], nil, "accueil "+label, KeySize)
	if err != nil {
		return nil, fmt.Errorf("seal: derive %q: %w", label, err)
	}
	return KeyFrom(raw)
}

// Zero overwrites the key's bytes, for a store that locks. The cipher's
// expanded key schedule is not reachable from here and is left to the
// garbage collector; a zeroed Key must not be used again.
func (k *Key) Zero() {
	clear(k.raw[:])
}
