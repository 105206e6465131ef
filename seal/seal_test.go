package seal

import (
	"bytes"
	"errors"
	"testing"
)

// cheap keeps tests fast; the format carries the costs, so it is the same
// code path as DefaultKDF.
var cheap = KDF{Time: 1, Memory: 64, Threads: 1}

func mustKey(t testing.TB) *Key {
	t.Helper()
	k, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestSealOpen(t *testing.T) {
	k, other := mustKey(t), mustKey(t)
	msg := []byte("Ḥasan \u200fحسن")
	sealed := k.Seal(msg, []byte("persons/1/surname"))
	if bytes.Contains(sealed, msg) {
		t.Fatal("sealed value contains the plaintext")
	}
	if again := k.Seal(msg, []byte("persons/1/surname")); bytes.Equal(again, sealed) {
		t.Fatal("two seals of one value are equal: nonce reused")
	}
	tests := []struct {
		name   string
		key    *Key
		sealed []byte
		aad    string
		ok     bool
	}{
		{"same key and place", k, sealed, "persons/1/surname", true},
		{"other place", k, sealed, "persons/2/surname", false},
		{"other key", other, sealed, "persons/1/surname", false},
		{"flipped bit", k, flip(sealed, len(sealed)-1), "persons/1/surname", false},
		{"truncated", k, sealed[:10], "persons/1/surname", false},
		{"empty", k, nil, "persons/1/surname", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.key.Open(tc.sealed, []byte(tc.aad))
			if tc.ok != (err == nil) {
				t.Fatalf("Open err = %v, want ok=%v", err, tc.ok)
			}
			if tc.ok && !bytes.Equal(got, msg) {
				t.Fatalf("Open = %q, want %q", got, msg)
			}
			if !tc.ok && !errors.Is(err, ErrOpen) {
				t.Fatalf("err = %v, want ErrOpen", err)
			}
		})
	}
}

func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 1
	return c
}

func TestWrapUnwrap(t *testing.T) {
	data := mustKey(t)
	w, err := Wrap("correct horse battery", data, cheap)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Unwrap("correct horse battery", w)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), data.Bytes()) {
		t.Fatal("unwrapped key differs")
	}
	if _, err := Unwrap("correct horse batterz", w); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("wrong password: err = %v", err)
	}
	// Raising the costs in the header changes the derived key: refused.
	forged := append([]byte(nil), w...)
	forged[4]++
	if _, err := Unwrap("correct horse battery", forged); err == nil {
		t.Fatal("a wrap with changed costs opened")
	}
}

func TestUnwrapRejectsHostileCosts(t *testing.T) {
	w, err := Wrap("pw-long-enough", mustKey(t), cheap)
	if err != nil {
		t.Fatal(err)
	}
	huge := append([]byte(nil), w...)
	huge[5], huge[6] = 0xff, 0xff // memory of gigabytes
	if _, err := Unwrap("pw-long-enough", huge); !errors.Is(err, ErrMalformed) {
		t.Fatalf("err = %v, want ErrMalformed", err)
	}
}

func TestDeriveAndToken(t *testing.T) {
	k := mustKey(t)
	a, err := k.Derive("search")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := k.Derive("values")
	if bytes.Equal(a.Bytes(), b.Bytes()) || bytes.Equal(a.Bytes(), k.Bytes()) {
		t.Fatal("derived keys are not independent")
	}
	a2, _ := k.Derive("search")
	if !bytes.Equal(a.Token([]byte("mhmd|1990"), 16), a2.Token([]byte("mhmd|1990"), 16)) {
		t.Fatal("token is not deterministic")
	}
	if bytes.Equal(a.Token([]byte("mhmd|1990"), 16), b.Token([]byte("mhmd|1990"), 16)) {
		t.Fatal("tokens of two keys agree")
	}
	if n := len(a.Token([]byte("x"), 12)); n != 12 {
		t.Fatalf("token length %d", n)
	}
}

func TestWrapKey(t *testing.T) {
	kek, data := mustKey(t), mustKey(t)
	w := WrapKey(kek, data, []byte("desk-1"))
	got, err := UnwrapKey(kek, w, []byte("desk-1"))
	if err != nil || !bytes.Equal(got.Bytes(), data.Bytes()) {
		t.Fatalf("UnwrapKey = %v", err)
	}
	if _, err := UnwrapKey(kek, w, []byte("desk-2")); err == nil {
		t.Fatal("a key wrapped for another desk opened")
	}
}

func FuzzUnwrap(f *testing.F) {
	w, err := Wrap("pw-long-enough", mustKey(f), cheap)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("pw-long-enough", w)
	f.Add("", []byte{1})
	f.Fuzz(func(t *testing.T, pw string, b []byte) {
		if len(b) > headerSize && b[0] == wrapVersion {
			// Keep the fuzzer's costs cheap: it explores the format, not argon2.
			b[1], b[2], b[3], b[4] = 0, 0, 0, 1
			b[5], b[6], b[7], b[8] = 0, 0, 0, 64
			b[9] = 1
		}
		k, err := Unwrap(pw, b)
		if err == nil && len(k.Bytes()) != KeySize {
			t.Fatal("opened to a key of the wrong size")
		}
	})
}

func BenchmarkSealOpen(b *testing.B) {
	k := mustKey(b)
	msg := []byte("Muhammad Abdullahi Hassan")
	aad := []byte("persons/123456/surname")
	for b.Loop() {
		if _, err := k.Open(k.Seal(msg, aad), aad); err != nil {
			b.Fatal(err)
		}
	}
}
