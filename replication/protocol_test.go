package replication_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"accueil/intake"
	"accueil/replication"
)

// rawDesk talks to the central without the sync client, to send what a
// well-behaved desk never would.
type rawDesk struct {
	c    *testCentral
	http *http.Client
	desk string
	cred string
}

func newRawDesk(t *testing.T, c *testCentral) *rawDesk {
	t.Helper()
	st := enrolledDesk(t, c)
	cfg, err := st.SyncConfig(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tc, err := replication.TrustingTLS([]byte(cfg.CAPEM))
	if err != nil {
		t.Fatal(err)
	}
	return &rawDesk{c: c, http: &http.Client{Transport: &http.Transport{TLSClientConfig: tc}}, desk: st.DeskID(), cred: cfg.Credential}
}

func (d *rawDesk) post(t *testing.T, cred string, body []byte) (int, replication.ErrorBody) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, d.c.URL+replication.PathPush, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+cred)
	resp, err := d.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var eb replication.ErrorBody
	_ = json.NewDecoder(resp.Body).Decode(&eb)
	return resp.StatusCode, eb
}

func (d *rawDesk) event(i int, surname string) intake.Event {
	return intake.Event{
		ID:         fmt.Sprintf("0190e1a2-0000-7000-8000-%012d", i),
		EntityType: intake.EntityPerson,
		EntityID:   fmt.Sprintf("0190e1a2-0000-7000-9000-%012d", i),
		Changes:    []intake.Change{{Field: intake.FieldSurname, Value: surname}},
		Time:       intake.Timestamp{Wall: time.Now().UnixMilli()},
		Desk:       d.desk,
		Staff:      admin.ID,
		Schema:     intake.SchemaVersion,
	}
}

func pushBody(t *testing.T, schema int, evs ...intake.Event) []byte {
	t.Helper()
	b, err := json.Marshal(replication.PushRequest{Schema: schema, Events: evs})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPushIsIdempotent(t *testing.T) {
	c := startCentral(t, nil)
	d := newRawDesk(t, c)
	body := pushBody(t, intake.SchemaVersion, d.event(1, "Velindor"), d.event(2, "Tarquen"))
	for range 2 {
		if st, eb := d.post(t, d.cred, body); st != http.StatusOK {
			t.Fatalf("push: %d %+v", st, eb)
		}
	}
	if n, dist := c.counts(t); n != 2 || dist != 2 {
		t.Fatalf("central holds %d (%d distinct), want 2", n, dist)
	}
	forged := pushBody(t, intake.SchemaVersion, d.event(3, "Orlane"), d.event(1, "Someone else"))
	st, eb := d.post(t, d.cred, forged)
	if st != http.StatusConflict || eb.Error != replication.CodeConflict {
		t.Fatalf("same ID, other content: %d %+v", st, eb)
	}
	if n, _ := c.counts(t); n != 2 {
		t.Fatalf("a refused push stored something: %d events", n)
	}
}

func TestRefusals(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	d := newRawDesk(t, c)
	revoked := newRawDesk(t, c)
	if err := c.Storage.Revoke(ctx, revoked.desk, time.Now()); err != nil {
		t.Fatal(err)
	}
	other := newRawDesk(t, c)
	ok := pushBody(t, intake.SchemaVersion, d.event(1, "Velindor"))
	newer := d.event(2, "Tarquen")
	newer.Schema = intake.SchemaVersion + 1
	huge := pushBody(t, intake.SchemaVersion, d.event(3, strings.Repeat("x", replication.MaxBodyBytes)))
	tests := []struct {
		name   string
		cred   string
		body   []byte
		status int
		code   string
	}{
		{"newer schema", d.cred, pushBody(t, intake.SchemaVersion+1, d.event(2, "Tarquen")), http.StatusUpgradeRequired, replication.CodeUpdateRequired},
		{"older schema", d.cred, pushBody(t, intake.SchemaVersion-1, d.event(2, "Tarquen")), http.StatusUpgradeRequired, replication.CodeUpdateRequired},
		{"event of a newer schema", d.cred, pushBody(t, intake.SchemaVersion, newer), http.StatusUpgradeRequired, replication.CodeUpdateRequired},
		{"unknown desk", "0190e1a2-dead-7000-8000-000000000000.secret", ok, http.StatusUnauthorized, replication.CodeUnauthorized},
		{"wrong secret", d.desk + ".wrong", ok, http.StatusUnauthorized, replication.CodeUnauthorized},
		{"no credential", "", ok, http.StatusUnauthorized, replication.CodeUnauthorized},
		{"revoked desk", revoked.cred, pushBody(t, intake.SchemaVersion, revoked.event(4, "Orlane")), http.StatusForbidden, replication.CodeRevoked},
		{"another desk's events", other.cred, ok, http.StatusForbidden, replication.CodeForbidden},
		{"oversized body", d.cred, huge, http.StatusRequestEntityTooLarge, replication.CodeTooLarge},
		{"malformed JSON", d.cred, []byte(`{"schema":1,"events":[{"id":`), http.StatusBadRequest, replication.CodeMalformed},
		{"unknown field", d.cred, []byte(`{"schema":1,"events":[],"extra":true}`), http.StatusBadRequest, replication.CodeMalformed},
		{"event without ID", d.cred, []byte(`{"schema":1,"events":[{"entity_type":"person","entity_id":"x","desk":"` + d.desk + `","schema":1}]}`), http.StatusBadRequest, replication.CodeMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, eb := d.post(t, tt.cred, tt.body)
			if st != tt.status || eb.Error != tt.code || eb.Message == "" {
				t.Fatalf("got %d %+v, want %d %s", st, eb, tt.status, tt.code)
			}
			if n, _ := c.counts(t); n != 0 {
				t.Fatalf("a refused push stored %d events", n)
			}
		})
	}
}

func TestClientStopsOnRefusal(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	desk := enrolledDesk(t, c)
	savePersons(t, desk, 3)
	if err := c.Storage.Revoke(ctx, desk.DeskID(), time.Now()); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := client(t, desk).Sync(ctx)
	if re := remoteErr(t, err); re.Status != http.StatusForbidden || re.ErrorBody.Error != replication.CodeRevoked {
		t.Fatalf("got %v", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatal("a refusal was retried")
	}
	if out, _ := desk.Outbox(ctx, 0); len(out) != 3 {
		t.Fatalf("outbox lost events on a refusal: %d left", len(out))
	}
}

func TestPullRefusesOtherSchema(t *testing.T) {
	c := startCentral(t, nil)
	d := newRawDesk(t, c)
	for _, schema := range []string{"0", "2", ""} {
		req, err := http.NewRequest(http.MethodGet, c.URL+replication.PathPull+"?after=0&schema="+schema, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+d.cred)
		resp, err := d.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var eb replication.ErrorBody
		_ = json.NewDecoder(resp.Body).Decode(&eb)
		resp.Body.Close()
		if resp.StatusCode != http.StatusUpgradeRequired || eb.Error != replication.CodeUpdateRequired || eb.Schema != intake.SchemaVersion {
			t.Fatalf("schema %q: %d %+v", schema, resp.StatusCode, eb)
		}
	}
}

func TestPullInPages(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	a, b := enrolledDesk(t, c), enrolledDesk(t, c)
	savePersons(t, a, 23)
	syncDesk(t, a)
	cl := client(t, b)
	cl.PageSize = 5
	var last replication.Progress
	reports := 0
	cl.OnProgress = func(p replication.Progress) { last, reports = p, reports+1 }
	sum, err := cl.Sync(ctx)
	if err != nil || sum.Pulled != 23 || sum.New != 23 {
		t.Fatalf("pulled %+v, %v", sum, err)
	}
	if reports == 0 || last.Pulled != 23 || last.Cursor != last.Last {
		t.Fatalf("%d progress reports, last %+v", reports, last)
	}
	cursor, err := b.SyncCursor(ctx)
	if _, last, _ := c.Storage.Push(ctx, "none", nil); err != nil || cursor != last {
		t.Fatalf("cursor %d, central's last %d, %v", cursor, last, err)
	}
	if sum := syncDesk(t, b); sum.Pulled != 0 {
		t.Fatalf("a second sync pulled %d again", sum.Pulled)
	}
}

// TestLargeEventsAreSentInSmallerBatches: a batch over the central's size
// limit is split rather than refused forever. The central here takes at
// most 3 KB, so that ordinary events are "large".
func TestLargeEventsAreSentInSmallerBatches(t *testing.T) {
	small := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == replication.PathPush && r.ContentLength > 3000 {
				w.WriteHeader(http.StatusRequestEntityTooLarge)
				_ = json.NewEncoder(w).Encode(replication.ErrorBody{Error: replication.CodeTooLarge, Message: "too large"})
				return
			}
			h.ServeHTTP(w, r)
		})
	}
	c := startCentral(t, small)
	desk := enrolledDesk(t, c)
	savePersons(t, desk, 20)
	sum := syncDesk(t, desk)
	if n, _ := c.counts(t); sum.Pushed != 20 || n != 20 {
		t.Fatalf("pushed %d, central holds %d; want 20", sum.Pushed, n)
	}
}
