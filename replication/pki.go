package replication

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base32"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strings"
	"time"
)

// Fingerprint is the SHA-256 of a certificate's DER form: what a desk
// pins instead of trusting a public authority.
type Fingerprint [sha256.Size]byte

// FingerprintOf returns the fingerprint of a DER certificate.
func FingerprintOf(der []byte) Fingerprint { return sha256.Sum256(der) }

// String writes the fingerprint as colon-separated hex, as administrators
// compare it by eye.
func (f Fingerprint) String() string {
	h := strings.ToUpper(hex.EncodeToString(f[:]))
	parts := make([]string, 0, len(f))
	for i := 0; i < len(h); i += 2 {
		parts = append(parts, h[i:i+2])
	}
	return strings.Join(parts, ":")
}

// Authority is the central's own certificate authority.
type Authority struct {
	Cert *x509.Certificate
	Key  *ecdsa.PrivateKey
}

// NewAuthority makes a CA key and self-signed certificate, valid 20 years:
// desks pin it, so replacing it means enrolling every desk again.
func NewAuthority(name string) (Authority, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Authority{}, fmt.Errorf("replication: ca key: %w", err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(20, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return Authority{}, fmt.Errorf("replication: ca certificate: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return Authority{}, fmt.Errorf("replication: ca certificate: %w", err)
	}
	return Authority{Cert: cert, Key: key}, nil
}

// Fingerprint returns the CA certificate's fingerprint.
func (a Authority) Fingerprint() Fingerprint { return FingerprintOf(a.Cert.Raw) }

// Issue makes a server certificate for hosts (names or IP addresses),
// signed by the authority, valid two years. The chain it returns holds
// the CA too, so that a desk enrolling can pin it from the handshake.
func (a Authority) Issue(hosts []string) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("replication: server key: %w", err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: "accueil-central"},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.AddDate(2, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else if h != "" {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, a.Cert, &key.PublicKey, a.Key)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("replication: server certificate: %w", err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("replication: server certificate: %w", err)
	}
	return tls.Certificate{Certificate: [][]byte{der, a.Cert.Raw}, PrivateKey: key, Leaf: leaf}, nil
}

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	return n
}

// EncodeCertPEM writes a certificate as PEM.
func EncodeCertPEM(der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// ParseCertPEM reads one PEM certificate.
func ParseCertPEM(b []byte) (*x509.Certificate, error) {
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "CERTIFICATE" {
		return nil, errors.New("replication: no PEM certificate")
	}
	c, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("replication: certificate: %w", err)
	}
	return c, nil
}

// ErrFingerprint: the server did not present the CA the code names. The
// desk stops before sending anything.
var ErrFingerprint = errors.New("the central's certificate does not match the enrolment code")

// PinnedTLS returns a client configuration that trusts only a CA with the
// given fingerprint, found in the server's chain, and records that CA in
// *got once verified. It is for enrolment, when the desk knows nothing
// but the code.
func PinnedTLS(want Fingerprint, got **x509.Certificate) *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		// The standard check needs roots the desk does not have yet; the
		// callback below does the whole check against the pinned CA.
		InsecureSkipVerify: true, //nolint:gosec // verified in VerifyConnection
		VerifyConnection: func(cs tls.ConnectionState) error {
			ca, err := pinnedCA(cs.PeerCertificates, want)
			if err != nil {
				return err
			}
			if err := verifyLeaf(cs, ca); err != nil {
				return err
			}
			*got = ca
			return nil
		},
	}
}

func pinnedCA(chain []*x509.Certificate, want Fingerprint) (*x509.Certificate, error) {
	for _, c := range chain {
		f := FingerprintOf(c.Raw)
		if subtle.ConstantTimeCompare(f[:], want[:]) == 1 && c.IsCA {
			return c, nil
		}
	}
	return nil, ErrFingerprint
}

func verifyLeaf(cs tls.ConnectionState, ca *x509.Certificate) error {
	if len(cs.PeerCertificates) == 0 {
		return ErrFingerprint
	}
	roots := x509.NewCertPool()
	roots.AddCert(ca)
	_, err := cs.PeerCertificates[0].Verify(x509.VerifyOptions{DNSName: cs.ServerName, Roots: roots})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrFingerprint, err)
	}
	return nil
}

// TrustingTLS returns a client configuration that trusts the central's CA
// only, as stored at enrolment.
func TrustingTLS(caPEM []byte) (*tls.Config, error) {
	ca, err := ParseCertPEM(caPEM)
	if err != nil {
		return nil, err
	}
	roots := x509.NewCertPool()
	roots.AddCert(ca)
	return &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: roots}, nil
}

// Enrolment codes: the CA's fingerprint, a random token and a checksum,
// in base32 so that they can be read out and typed.
const (
	tokenLen    = 16
	checksumLen = 4
)

var codeEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// EnrolCode is what `accueil-central enroll` prints.
type EnrolCode struct {
	CA    Fingerprint
	Token [tokenLen]byte
}

// NewEnrolCode makes a code with a fresh random token.
func NewEnrolCode(ca Fingerprint) (EnrolCode, error) {
	c := EnrolCode{CA: ca}
	if _, err := rand.Read(c.Token[:]); err != nil {
		return EnrolCode{}, fmt.Errorf("replication: enrolment token: %w", err)
	}
	return c, nil
}

// String encodes the code.
func (c EnrolCode) String() string {
	b := append(append([]byte{}, c.CA[:]...), c.Token[:]...)
	sum := sha256.Sum256(b)
	return codeEncoding.EncodeToString(append(b, sum[:checksumLen]...))
}

// TokenString is the token as the desk sends it.
func (c EnrolCode) TokenString() string { return codeEncoding.EncodeToString(c.Token[:]) }

// ErrBadCode: the text is not an enrolment code (a typo, most often).
var ErrBadCode = errors.New("not a valid enrolment code (check for typing errors)")

// ParseEnrolCode reads a code, ignoring case, spaces and dashes.
func ParseEnrolCode(s string) (EnrolCode, error) {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\t' {
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(s)))
	b, err := codeEncoding.DecodeString(s)
	if err != nil || len(b) != sha256.Size+tokenLen+checksumLen {
		return EnrolCode{}, ErrBadCode
	}
	body := b[:sha256.Size+tokenLen]
	sum := sha256.Sum256(body)
	if subtle.ConstantTimeCompare(sum[:checksumLen], b[len(body):]) != 1 {
		return EnrolCode{}, ErrBadCode
	}
	var c EnrolCode
	copy(c.CA[:], body)
	copy(c.Token[:], body[sha256.Size:])
	return c, nil
}

// HashSecret returns the hex SHA-256 of a secret: the central stores only
// this for tokens and credentials. A plain hash suffices because secrets
// are random, 128 bits or more.
func HashSecret(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// NewSecret returns 32 random bytes in unpadded base32.
func NewSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("replication: secret: %w", err)
	}
	return codeEncoding.EncodeToString(b), nil
}
