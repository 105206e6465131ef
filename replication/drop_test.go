package replication_test

import (
	"context"
	"flag"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"accueil/replication"
)

// dropper cuts, for a bounded number of pushes, the connection that
// carries the central's answer after the central has stored the push:
// the worst moment for a desk, which must retry without duplicating.
type dropper struct {
	limit   int64
	seen    atomic.Int64
	dropped atomic.Int64
	marked  sync.Map // central-side remote address -> true
}

// wrap marks every other successful push for cutting, until the limit.
func (d *dropper) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == replication.PathPush && d.seen.Add(1)%2 == 1 && d.dropped.Load() < d.limit {
			w = &markOnHeader{ResponseWriter: w, mark: func() { d.marked.Store(r.RemoteAddr, true) }}
		}
		h.ServeHTTP(w, r)
	})
}

type markOnHeader struct {
	http.ResponseWriter
	mark func()
}

func (m *markOnHeader) WriteHeader(status int) {
	if status == http.StatusOK {
		m.mark()
	}
	m.ResponseWriter.WriteHeader(status)
}

// proxy forwards TCP between desk and central on 127.0.0.1; it cannot
// read the TLS inside, so the central's side tells it which answer to cut.
func (d *dropper) proxy(t *testing.T, upstream string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go d.forward(c, upstream)
		}
	}()
	return ln.Addr().String()
}

func (d *dropper) forward(down net.Conn, upstream string) {
	defer down.Close()
	up, err := net.Dial("tcp", upstream)
	if err != nil {
		return
	}
	defer up.Close()
	go func() { _, _ = io.Copy(up, down) }()
	buf := make([]byte, 32<<10)
	for {
		n, err := up.Read(buf)
		if n > 0 {
			if _, cut := d.marked.LoadAndDelete(up.LocalAddr().String()); cut {
				d.dropped.Add(1)
				return // the answer never reaches the desk
			}
			if _, err := down.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// dropCount is 300 by default to keep the suite quick; -drops 2000 runs
// the "thousands".
var dropCount = flag.Int("drops", 300, "answers cut in TestDroppedAnswersMakeNoDuplicates")

func TestDroppedAnswersMakeNoDuplicates(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of cut connections")
	}
	ctx := context.Background()
	d := &dropper{limit: int64(*dropCount)}
	c := startCentral(t, d.wrap)
	desk := enrolledDesk(t, c)
	events := 2 * *dropCount
	savePersons(t, desk, events)
	cl := client(t, desk)
	cl.URL = "https://" + d.proxy(t, c.Addr)
	cl.Batch = 2
	sum, err := cl.Sync(ctx)
	if err != nil {
		t.Fatalf("sync: %v (after %d cut answers)", err, d.dropped.Load())
	}
	if got := d.dropped.Load(); got != d.limit {
		t.Fatalf("cut %d answers, want %d", got, d.limit)
	}
	n, distinct := c.counts(t)
	if n != int64(events) || distinct != int64(events) || sum.Pushed != events {
		t.Fatalf("central holds %d events (%d distinct), desk pushed %d; want %d", n, distinct, sum.Pushed, events)
	}
	if out, _ := desk.Outbox(ctx, 0); len(out) != 0 {
		t.Fatalf("outbox keeps %d events", len(out))
	}
}
