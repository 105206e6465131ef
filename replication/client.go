package replication

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"accueil/intake"
	"accueil/store"
)

// DeskStore is what the sync client needs from the desk's database;
// *store.Store has it.
type DeskStore interface {
	DeskID() string
	Outbox(ctx context.Context, limit int) ([]intake.Event, error)
	Acknowledge(ctx context.Context, ids []string) error
	ApplyRemote(ctx context.Context, evs []intake.Event) (int, error)
	SyncCursor(ctx context.Context) (int64, error)
	SetSyncCursor(ctx context.Context, cursor int64) error
}

var _ DeskStore = (*store.Store)(nil)

// DefaultBatch is the number of events per push: small enough that the
// desk's write lock for acknowledging is short and a retry re-sends
// little, large enough that a first sync is not all round trips.
const DefaultBatch = 300

// Backoff bounds retries after network errors and server errors.
type Backoff struct {
	Min, Max time.Duration
	// Attempts is the number of tries of one request, the first included.
	Attempts int
}

// DefaultBackoff gives up after about a minute of failures.
func DefaultBackoff() Backoff {
	return Backoff{Min: 200 * time.Millisecond, Max: 10 * time.Second, Attempts: 10}
}

// wait returns the pause before try n (1-based): exponential with full
// jitter, so that desks cut off together do not come back together.
func (b Backoff) wait(n int) time.Duration {
	d := b.Min << min(n-1, 20)
	if d > b.Max || d <= 0 {
		d = b.Max
	}
	return d/2 + rand.N(d/2+1)
}

// Client synchronises one desk with its central.
type Client struct {
	Store      DeskStore
	URL        string // https://host:port, without a path
	Credential string
	HTTP       *http.Client
	Batch      int
	PageSize   int
	Retry      Backoff

	// Shared says what else a sync takes from the central (staff.go).
	Shared

	// OnProgress, if set, hears how a sync advances, at most every
	// ProgressEvery and once at the end of each direction, from the
	// goroutine that called Sync. It must not block.
	OnProgress func(Progress)

	// running makes syncs of one desk take turns: two at once would send
	// the same outbox twice.
	running      sync.Mutex
	lastProgress time.Time
	nudgeOnce    sync.Once
	nudge        chan struct{}
	// skew is the central's clock minus this desk's, in nanoseconds, as
	// last seen in an answer's Date header.
	skew atomic.Int64
}

// ProgressEvery spaces progress reports: often enough for a progress bar,
// rarely enough that the screen does not redraw for every page.
const ProgressEvery = 100 * time.Millisecond

// Progress is how far a sync has come.
type Progress struct {
	Pushed int // events acknowledged so far
	Pulled int // events received so far
	// Cursor and Last are the desk's position and the central's end;
	// Last - Cursor bounds what remains to pull.
	Cursor, Last int64
	// Start is the desk's position when this pull began: Cursor - Start
	// of Last - Start changes received so far (Received and Total).
	Start int64
}

// Received is how many of the central's changes this pull has gone past.
func (p Progress) Received() int64 { return max(p.Cursor-p.Start, 0) }

// Total is how many changes the central had after the desk's position
// when this pull began, as far as the last page told (0 before a page).
func (p Progress) Total() int64 { return max(p.Last-p.Start, 0) }

func (c *Client) progress(p Progress, final bool) {
	if c.OnProgress == nil || (!final && time.Since(c.lastProgress) < ProgressEvery) {
		return
	}
	c.lastProgress = time.Now()
	c.OnProgress(p)
}

// MaxClockSkew is how far a desk's clock may be from the central's before
// staff are warned. Edits still order correctly (the hybrid clock), but
// times shown to staff would mislead.
const MaxClockSkew = 5 * time.Second

// ClockSkew returns how far the central's clock was ahead of this desk's
// at the last answer (negative when behind), to within a second.
func (c *Client) ClockSkew() time.Duration { return time.Duration(c.skew.Load()) }

// noteSkew reads the answer's Date header, which has whole seconds: half
// a second is added to centre the error.
func (c *Client) noteSkew(resp *http.Response, sent time.Time) {
	d, err := http.ParseTime(resp.Header.Get("Date"))
	if err != nil {
		return
	}
	mid := sent.Add(time.Since(sent) / 2)
	c.skew.Store(int64(d.Add(500 * time.Millisecond).Sub(mid)))
}

// NewClient returns a client for a desk enrolled as cfg, trusting only
// the CA pinned at enrolment.
func NewClient(st DeskStore, cfg store.SyncConfig) (*Client, error) {
	tc, err := TrustingTLS([]byte(cfg.CAPEM))
	if err != nil {
		return nil, fmt.Errorf("replication: client: %w", err)
	}
	return &Client{
		Store: st, URL: cfg.URL, Credential: cfg.Credential,
		HTTP:  httpClient(tc),
		Batch: DefaultBatch, PageSize: DefaultPageSize, Retry: DefaultBackoff(),
	}, nil
}

func httpClient(tc *tls.Config) *http.Client {
	return &http.Client{
		Timeout: 2 * time.Minute,
		Transport: &http.Transport{
			TLSClientConfig:     tc,
			TLSHandshakeTimeout: 15 * time.Second,
			MaxIdleConnsPerHost: 2,
		},
	}
}

// Summary counts what one Sync moved.
type Summary struct {
	Pushed int // events the central acknowledged
	Pulled int // events received from other desks
	New    int // of those, events this desk did not have
	// ClockSkew is the central's clock minus this desk's; beyond
	// MaxClockSkew staff should be told to set the desk's clock.
	ClockSkew time.Duration
}

// RemoteError is a refusal from the central (a 4xx answer). Retrying the
// same request would be refused again.
type RemoteError struct {
	Status int
	ErrorBody
}

func (e *RemoteError) Error() string {
	return fmt.Sprintf("central refused (%d %s): %s", e.Status, e.ErrorBody.Error, e.Message)
}

// UpdateRequired tells that the application must be updated to sync.
func (e *RemoteError) UpdateRequired() bool { return e.ErrorBody.Error == CodeUpdateRequired }

// Sync pushes the outbox, then pulls until the central has nothing more.
// Events saved meanwhile are pushed too, so that on success both sides
// agree as of the end of the call.
func (c *Client) Sync(ctx context.Context) (Summary, error) {
	c.running.Lock()
	defer c.running.Unlock()
	var sum Summary
	for {
		n, err := c.pushAll(ctx)
		sum.Pushed += n
		if err != nil {
			return sum, err
		}
		pulled, fresh, err := c.pullAll(ctx)
		sum.Pulled += pulled
		sum.New += fresh
		if err != nil {
			return sum, err
		}
		sum.ClockSkew = c.ClockSkew()
		left, err := c.Store.Outbox(ctx, 1)
		if err != nil || len(left) == 0 {
			if err == nil {
				err = c.pullShared(ctx)
			}
			return sum, wrap("sync", err)
		}
	}
}

func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("replication: %s: %w", op, err)
}

// Push sends the whole outbox and returns how many events the central
// acknowledged.
func (c *Client) Push(ctx context.Context) (int, error) {
	c.running.Lock()
	defer c.running.Unlock()
	return c.pushAll(ctx)
}

// Pull applies every page the central has after the desk's cursor and
// returns how many events came and how many of them were new here.
func (c *Client) Pull(ctx context.Context) (pulled, fresh int, err error) {
	c.running.Lock()
	defer c.running.Unlock()
	return c.pullAll(ctx)
}

// pushAll sends the outbox in batches. A batch leaves the outbox only
// after the central's acknowledgement; a lost answer makes the next try
// send it again, which the central takes as a replay.
func (c *Client) pushAll(ctx context.Context) (int, error) {
	pushed, batch := 0, c.batch()
	for {
		evs, err := c.Store.Outbox(ctx, batch)
		if err != nil || len(evs) == 0 {
			if err == nil && pushed > 0 {
				c.progress(Progress{Pushed: pushed}, true)
			}
			return pushed, wrap("push", err)
		}
		var resp PushResponse
		err = c.call(ctx, http.MethodPost, PathPush, PushRequest{Schema: intake.SchemaVersion, Events: evs}, &resp)
		var re *RemoteError
		if errors.As(err, &re) && re.ErrorBody.Error == CodeTooLarge && len(evs) > 1 {
			batch = len(evs) / 2 // unusually large events: send fewer at once
			continue
		}
		if err != nil {
			return pushed, wrap("push", err)
		}
		ids := make([]string, len(evs))
		for i, ev := range evs {
			ids[i] = ev.ID
		}
		if err := c.Store.Acknowledge(ctx, ids); err != nil {
			return pushed, wrap("push", err)
		}
		pushed += len(evs)
		c.progress(Progress{Pushed: pushed}, false)
	}
}

// pullAll applies pages after the cursor; the cursor moves only after a
// page is committed, so a crash in between re-applies it harmlessly.
func (c *Client) pullAll(ctx context.Context) (pulled, fresh int, err error) {
	cursor, err := c.Store.SyncCursor(ctx)
	if err != nil {
		return 0, 0, wrap("pull", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // a page fetched ahead is not waited for
	start := cursor
	next := c.fetchPage(ctx, cursor)
	for {
		r := <-next
		if r.err != nil {
			return pulled, fresh, wrap("pull", r.err)
		}
		page := r.page
		// Ask for the following page while this one is applied: the
		// central reads and sends while the desk writes.
		if page.More {
			next = c.fetchPage(ctx, max(page.Next, cursor))
		}
		if len(page.Events) > 0 {
			n, err := c.Store.ApplyRemote(ctx, page.Events)
			if err != nil {
				return pulled, fresh, wrap("pull", err)
			}
			pulled += len(page.Events)
			fresh += n
		}
		if page.Next > cursor {
			if err := c.Store.SetSyncCursor(ctx, page.Next); err != nil {
				return pulled, fresh, wrap("pull", err)
			}
			cursor = page.Next
		}
		c.progress(Progress{Pulled: pulled, Cursor: cursor, Last: page.Last, Start: start}, !page.More)
		if !page.More {
			return pulled, fresh, nil
		}
	}
}

// fetched is a page of the central's events, or why it could not be had.
type fetched struct {
	page PullResponse
	err  error
}

// fetchPage asks the central for the events after cursor, in the
// background; the answer arrives on the channel.
func (c *Client) fetchPage(ctx context.Context, after int64) <-chan fetched {
	out := make(chan fetched, 1)
	go func() {
		q := url.Values{"after": {strconv.FormatInt(after, 10)}, "schema": {strconv.Itoa(intake.SchemaVersion)},
			"limit": {strconv.Itoa(c.pageSize())}}
		var f fetched
		f.err = c.call(ctx, http.MethodGet, PathPull+"?"+q.Encode(), nil, &f.page)
		out <- f
	}()
	return out
}

func (c *Client) batch() int {
	if c.Batch <= 0 || c.Batch > MaxPushEvents {
		return DefaultBatch
	}
	return c.Batch
}

func (c *Client) pageSize() int {
	if c.PageSize <= 0 || c.PageSize > MaxPageSize {
		return DefaultPageSize
	}
	return c.PageSize
}

// call sends one request, retrying network errors and 5xx answers with
// backoff; a 4xx answer is a *RemoteError at once.
func (c *Client) call(ctx context.Context, method, path string, in, out any) error {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return err
		}
	}
	attempts := max(c.Retry.Attempts, 1)
	var last error
	for n := 1; n <= attempts; n++ {
		if n > 1 {
			select {
			case <-ctx.Done():
				return errors.Join(ctx.Err(), last)
			case <-time.After(c.Retry.wait(n - 1)):
			}
		}
		retry, err := c.try(ctx, method, path, body, out)
		if err == nil || !retry || ctx.Err() != nil {
			return err
		}
		last = err
	}
	return fmt.Errorf("gave up after %d tries: %w", attempts, last)
}

func (c *Client) try(ctx context.Context, method, path string, body []byte, out any) (retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(c.URL, "/")+path, bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	req.Header.Set("Authorization", "Bearer "+c.Credential)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	sent := time.Now()
	resp, err := c.HTTP.Do(req)
	if err != nil {
		var ue *url.Error
		var cve *tls.CertificateVerificationError
		var uae x509.UnknownAuthorityError
		if errors.As(err, &cve) || errors.As(err, &uae) || (errors.As(err, &ue) && errors.Is(ue.Err, ErrFingerprint)) {
			return false, err // a wrong certificate does not heal by waiting
		}
		return true, err
	}
	defer resp.Body.Close()
	c.noteSkew(resp, sent)
	return decodeAnswer(resp, out)
}

func decodeAnswer(resp *http.Response, out any) (retry bool, err error) {
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return true, err
	}
	if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
		return true, fmt.Errorf("central answered %s", resp.Status)
	}
	if resp.StatusCode/100 != 2 {
		re := &RemoteError{Status: resp.StatusCode}
		if json.Unmarshal(data, &re.ErrorBody) != nil || re.ErrorBody.Error == "" {
			re.ErrorBody = ErrorBody{Error: "http_" + strconv.Itoa(resp.StatusCode), Message: resp.Status}
		}
		return false, re
	}
	if err := json.Unmarshal(data, out); err != nil {
		return true, fmt.Errorf("unreadable answer: %w", err)
	}
	return false, nil
}
