package central

import (
	"context"
	"crypto/ecdsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"time"

	"accueil/replication"
)

// Files of the central's data folder.
const (
	caCertFile     = "ca.pem"
	caKeyFile      = "ca-key.pem"
	serverCertFile = "server.pem"
	serverKeyFile  = "server-key.pem"
	// DatabaseFile is the central database in the data folder.
	DatabaseFile = "central.db"
)

// Identity is the central's TLS identity.
type Identity struct {
	Cert tls.Certificate
	CA   replication.Fingerprint
	// Created tells that the CA was made just now (first start).
	Created bool
}

// LoadIdentity reads the CA from dir, or creates it on first start, and a
// server certificate that covers the given host names and addresses and
// the loopback ones, issued anew when the one on disk does not. Desks
// check the name they dial against it.
func LoadIdentity(dir string, hosts ...string) (Identity, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Identity{}, fmt.Errorf("central: data folder: %w", err)
	}
	ca, created, err := loadOrCreateCA(dir)
	if err != nil {
		return Identity{}, err
	}
	names := []string{"localhost", "127.0.0.1", "::1"}
	for _, h := range hosts {
		if h != "" && !slices.Contains(names, h) && h != "0.0.0.0" && h != "::" {
			names = append(names, h)
		}
	}
	hosts = names
	cert, err := tls.LoadX509KeyPair(filepath.Join(dir, serverCertFile), filepath.Join(dir, serverKeyFile))
	if err != nil || !covers(cert, ca, hosts) {
		if cert, err = issueServer(dir, ca, hosts); err != nil {
			return Identity{}, err
		}
	}
	return Identity{Cert: cert, CA: ca.Fingerprint(), Created: created}, nil
}

func covers(cert tls.Certificate, ca replication.Authority, hosts []string) bool {
	if len(cert.Certificate) < 2 || replication.FingerprintOf(cert.Certificate[1]) != ca.Fingerprint() {
		return false
	}
	leaf, err := x509.ParseCertificate(cert.Certificate[0])
	if err != nil || time.Until(leaf.NotAfter) < 30*24*time.Hour {
		return false
	}
	for _, h := range hosts {
		if leaf.VerifyHostname(h) != nil {
			return false
		}
	}
	return true
}

func loadOrCreateCA(dir string) (replication.Authority, bool, error) {
	certPEM, err := os.ReadFile(filepath.Join(dir, caCertFile))
	if errors.Is(err, fs.ErrNotExist) {
		ca, err := replication.NewAuthority("Accueil central CA")
		if err != nil {
			return replication.Authority{}, false, err
		}
		if err := writeKeyPair(dir, caCertFile, caKeyFile, replication.EncodeCertPEM(ca.Cert.Raw), ca.Key); err != nil {
			return replication.Authority{}, false, err
		}
		return ca, true, nil
	}
	if err != nil {
		return replication.Authority{}, false, fmt.Errorf("central: read CA: %w", err)
	}
	cert, err := replication.ParseCertPEM(certPEM)
	if err != nil {
		return replication.Authority{}, false, err
	}
	keyPEM, err := os.ReadFile(filepath.Join(dir, caKeyFile))
	if err != nil {
		return replication.Authority{}, false, fmt.Errorf("central: read CA key: %w", err)
	}
	blk, _ := pem.Decode(keyPEM)
	if blk == nil {
		return replication.Authority{}, false, errors.New("central: CA key: not PEM")
	}
	key, err := x509.ParseECPrivateKey(blk.Bytes)
	if err != nil {
		return replication.Authority{}, false, fmt.Errorf("central: CA key: %w", err)
	}
	return replication.Authority{Cert: cert, Key: key}, false, nil
}

func issueServer(dir string, ca replication.Authority, hosts []string) (tls.Certificate, error) {
	cert, err := ca.Issue(hosts)
	if err != nil {
		return tls.Certificate{}, err
	}
	chain := append(replication.EncodeCertPEM(cert.Certificate[0]), replication.EncodeCertPEM(cert.Certificate[1])...)
	if err := writeKeyPair(dir, serverCertFile, serverKeyFile, chain, cert.PrivateKey.(*ecdsa.PrivateKey)); err != nil {
		return tls.Certificate{}, err
	}
	return cert, nil
}

// writeKeyPair writes the key readable by the owner only. The key is
// written first: a certificate on disk always has its key.
func writeKeyPair(dir, certName, keyName string, certPEM []byte, key *ecdsa.PrivateKey) error {
	der, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return fmt.Errorf("central: encode key: %w", err)
	}
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der})
	if err := os.WriteFile(filepath.Join(dir, keyName), keyPEM, 0o600); err != nil {
		return fmt.Errorf("central: write key: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, certName), certPEM, 0o644); err != nil {
		return fmt.Errorf("central: write certificate: %w", err)
	}
	return nil
}

// Serve answers HTTPS on ln until ctx ends, then stops taking requests
// and lets those in flight finish (up to grace) before returning.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, cert tls.Certificate, log *slog.Logger, grace time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		TLSConfig:         &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}},
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelDebug),
	}
	done := make(chan error, 1)
	go func() { done <- srv.ServeTLS(ln, "", "") }()
	select {
	case err := <-done:
		return fmt.Errorf("central: serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("central: shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("central: serve: %w", err)
	}
	return nil
}
