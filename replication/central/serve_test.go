package central

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"accueil/replication"
)

// TestShutdownFinishesRequests: a request in flight when the stop signal
// comes is answered before Serve returns.
func TestShutdownFinishesRequests(t *testing.T) {
	id, err := LoadIdentity(t.TempDir(), "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	entered, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		_, _ = io.WriteString(w, "done")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h, id.Cert, slog.New(slog.DiscardHandler), 10*time.Second) }()

	tc, err := replication.TrustingTLS(replication.EncodeCertPEM(id.Cert.Certificate[1]))
	if err != nil {
		t.Fatal(err)
	}
	cl := &http.Client{Transport: &http.Transport{TLSClientConfig: tc}}
	answer := make(chan string, 1)
	go func() {
		resp, err := cl.Get("https://" + ln.Addr().String() + "/slow")
		if err != nil {
			answer <- err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		answer <- string(b)
	}()
	<-entered
	stop()
	time.Sleep(50 * time.Millisecond) // Shutdown has begun and waits
	close(release)
	if got := <-answer; got != "done" {
		t.Fatalf("in-flight request got %q", got)
	}
	if err := <-served; err != nil {
		t.Fatalf("serve: %v", err)
	}
}

// TestIdentityKeptAcrossStarts: the CA is made once; a restart keeps the
// fingerprint desks pinned.
func TestIdentityKeptAcrossStarts(t *testing.T) {
	dir := t.TempDir()
	first, err := LoadIdentity(dir, "127.0.0.1")
	if err != nil || !first.Created {
		t.Fatalf("first start: %+v %v", first, err)
	}
	again, err := LoadIdentity(dir, "central.example")
	if err != nil || again.Created || again.CA != first.CA {
		t.Fatalf("second start changed the CA: %v", err)
	}
	if err := again.Cert.Leaf.VerifyHostname("central.example"); err != nil {
		t.Fatalf("new listen host not covered: %v", err)
	}
}
