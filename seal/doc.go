// Package seal encrypts the desk's and the central's sensitive values at
// rest: AES-256-GCM for values (bound to where they are stored by
// additional data, so a sealed value moved to another row does not open),
// HMAC-SHA-256 tokens for the lookups that must stay exact (blind
// indexes), HKDF to derive one key per job from a data key, and
// argon2id-derived keys that wrap a data key under a password, so that a
// password change re-wraps one key rather than re-encrypting the data.
package seal
