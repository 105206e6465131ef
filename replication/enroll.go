package replication

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"accueil/store"
)

// EnrolStore is where a desk keeps its enrolment; *store.Store has it.
type EnrolStore interface {
	DeskID() string
	SetSyncConfig(ctx context.Context, c store.SyncConfig) error
}

// Enroll redeems an enrolment code at the central at rawURL. The desk
// talks only to a server whose chain holds the CA the code names; on
// success it stores the URL, that CA and its new credential. Nothing is
// stored on any failure. The deployment key the central sends is dropped:
// see EnrollAdopting.
func Enroll(ctx context.Context, st EnrolStore, rawURL, code string) error {
	return enroll(ctx, st, rawURL, code, nil)
}

func enroll(ctx context.Context, st EnrolStore, rawURL, code string, adopt func(context.Context, []byte) error) error {
	base, err := centralURL(rawURL)
	if err != nil {
		return fmt.Errorf("replication: enroll: %w", err)
	}
	c, err := ParseEnrolCode(code)
	if err != nil {
		return fmt.Errorf("replication: enroll: %w", err)
	}
	var ca *x509.Certificate
	cl := &Client{URL: base, HTTP: httpClient(PinnedTLS(c.CA, &ca)), Retry: Backoff{Attempts: 1}}
	var resp EnrollResponse
	err = cl.call(ctx, http.MethodPost, PathEnroll, EnrollRequest{Token: c.TokenString(), Desk: st.DeskID()}, &resp)
	if err != nil {
		if errors.Is(err, ErrFingerprint) {
			err = ErrFingerprint
		}
		return fmt.Errorf("replication: enroll: %w", err)
	}
	if ca == nil || !strings.HasPrefix(resp.Credential, st.DeskID()+".") {
		return errors.New("replication: enroll: the central's answer is not an enrolment")
	}
	if adopt != nil {
		if err := adopt(ctx, resp.DeploymentKey); err != nil {
			return fmt.Errorf("replication: enroll: %w", err)
		}
	}
	cfg := store.SyncConfig{URL: base, CAPEM: string(EncodeCertPEM(ca.Raw)), Credential: resp.Credential}
	if err := st.SetSyncConfig(ctx, cfg); err != nil {
		return fmt.Errorf("replication: enroll: %w", err)
	}
	return nil
}

// centralURL keeps scheme and host: the API paths are fixed.
func centralURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("central URL %q: %w", raw, err)
	}
	if u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("central URL %q: must be https://HOST:PORT", raw)
	}
	return "https://" + u.Host, nil
}
