package central

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"accueil/intake"
	"accueil/replication"
)

// Server answers desks. Its logs name desks, event IDs and counts, never
// the content of an event: that is personal data.
type Server struct {
	store  *Vault
	log    *slog.Logger
	now    func() time.Time
	desks  *limiter
	enrols *limiter
}

// Default request rates. A first sync moves a few hundred events per
// request, so 50 requests a second never slows a real desk below the
// store's own pace; enrolment is rare and by hand.
const (
	DefaultDeskRate  = 50
	DefaultDeskBurst = 200
	enrolRate        = 1
	enrolBurst       = 10
)

// NewServer returns the handlers over st, with the default rate limits.
func NewServer(st *Vault, log *slog.Logger) *Server {
	s := &Server{store: st, log: log, now: time.Now, enrols: newLimiter(enrolRate, enrolBurst)}
	s.LimitDesks(DefaultDeskRate, DefaultDeskBurst)
	return s
}

// LimitDesks sets how many requests per second each desk may make, with
// bursts up to burst; a rate of 0 removes the limit.
func (s *Server) LimitDesks(rate float64, burst int) {
	s.desks = newLimiter(rate, burst)
}

// LimitEnrolment sets how many enrolment attempts per second one address
// may make, with bursts up to burst; a rate of 0 removes the limit.
func (s *Server) LimitEnrolment(rate float64, burst int) {
	s.enrols = newLimiter(rate, burst)
}

func tooManyRequests() *refusal {
	return refuse(http.StatusTooManyRequests, replication.CodeRateLimited, "too many requests; slow down and retry")
}

// Handler routes the API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+replication.PathPush, s.authed(s.push))
	mux.HandleFunc("GET "+replication.PathPull, s.authed(s.pull))
	mux.HandleFunc("GET "+replication.PathStaff, s.authed(s.staff))
	mux.HandleFunc("GET "+replication.PathPublished, s.authed(s.published))
	mux.HandleFunc("POST "+replication.PathEnroll, s.enroll)
	return s.logged(mux)
}

// statusWriter remembers the status for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

// logged writes one line per request: path without the query, status and
// duration. Bodies are never logged.
func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(sw, r)
		s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"ms", time.Since(start).Milliseconds())
	})
}

// refusal is an error answer: status, stable code, message for people.
type refusal struct {
	status  int
	code    string
	message string
}

func (r *refusal) Error() string { return r.code + ": " + r.message }

func refuse(status int, code, format string, args ...any) *refusal {
	return &refusal{status: status, code: code, message: fmt.Sprintf(format, args...)}
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var rf *refusal
	if !errors.As(err, &rf) {
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		rf = refuse(http.StatusInternalServerError, replication.CodeInternal, "the central could not complete the request; try again later")
	}
	body := replication.ErrorBody{Error: rf.code, Message: rf.message}
	if rf.code == replication.CodeUpdateRequired {
		body.Schema = intake.SchemaVersion
	}
	s.log.Info("refused", "path", r.URL.Path, "status", rf.status, "code", rf.code)
	writeJSON(w, rf.status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

type authedHandler func(w http.ResponseWriter, r *http.Request, desk string) error

// authed checks the desk's credential on every request, so that a revoked
// desk is refused at once.
func (s *Server) authed(h authedHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		desk, err := s.authenticate(r)
		if err == nil && !s.desks.allow(desk, s.now()) {
			err = tooManyRequests()
		}
		if err == nil {
			err = h(w, r, desk)
		}
		if err != nil {
			s.fail(w, r, err)
		}
	}
}

func (s *Server) authenticate(r *http.Request) (string, error) {
	cred, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	id, secret, ok2 := strings.Cut(cred, ".")
	if !ok || !ok2 || id == "" || secret == "" {
		return "", refuse(http.StatusUnauthorized, replication.CodeUnauthorized, "missing or malformed desk credential")
	}
	d, err := s.store.Desk(r.Context(), id)
	if errors.Is(err, ErrUnknownDesk) {
		return "", refuse(http.StatusUnauthorized, replication.CodeUnauthorized, "unknown desk or wrong credential")
	}
	if err != nil {
		return "", err
	}
	if subtle.ConstantTimeCompare([]byte(replication.HashSecret(secret)), []byte(d.CredentialHash)) != 1 {
		return "", refuse(http.StatusUnauthorized, replication.CodeUnauthorized, "unknown desk or wrong credential")
	}
	if !d.Revoked.IsZero() {
		return "", refuse(http.StatusForbidden, replication.CodeRevoked, "this desk was revoked and may no longer sync; ask the administrator")
	}
	return id, nil
}

func updateRequired(schema int) *refusal {
	return refuse(http.StatusUpgradeRequired, replication.CodeUpdateRequired,
		"the desk speaks schema %d and the central %d: update the application", schema, intake.SchemaVersion)
}

func (s *Server) push(w http.ResponseWriter, r *http.Request, desk string) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, replication.MaxBodyBytes))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return refuse(http.StatusRequestEntityTooLarge, replication.CodeTooLarge, "request larger than %d bytes; send smaller batches", mb.Limit)
		}
		return refuse(http.StatusBadRequest, replication.CodeMalformed, "could not read the request")
	}
	// The version is read leniently first: a newer desk may send fields
	// this central does not know, and must hear "update", not "malformed".
	var head struct {
		Schema int `json:"schema"`
	}
	if json.Unmarshal(body, &head) == nil && head.Schema != intake.SchemaVersion {
		return updateRequired(head.Schema)
	}
	req, err := replication.DecodePush(bytes.NewReader(body))
	if err != nil {
		return refuse(http.StatusBadRequest, replication.CodeMalformed, "%v", err)
	}
	if err := checkBatch(req, desk); err != nil {
		return err
	}
	stored, last, err := s.store.Push(r.Context(), desk, req.Events)
	var ce *ConflictError
	if errors.As(err, &ce) {
		s.log.Warn("event conflict", "desk", desk, "event", ce.ID)
		return refuse(http.StatusConflict, replication.CodeConflict, "%v; nothing of this push was stored", ce)
	}
	if err != nil {
		return err
	}
	s.log.Info("push", "desk", desk, "events", len(req.Events), "stored", stored, "last_seq", last)
	writeJSON(w, http.StatusOK, replication.PushResponse{Stored: stored, LastSeq: last})
	return nil
}

// checkBatch refuses the whole push before anything is stored: a desk
// pushes only what it made, in the central's schema or an older one.
func checkBatch(req replication.PushRequest, desk string) error {
	for _, ev := range req.Events {
		if ev.Schema > intake.SchemaVersion {
			return updateRequired(ev.Schema)
		}
		if ev.Desk != desk {
			return refuse(http.StatusForbidden, replication.CodeForbidden, "event %s was not made at this desk", ev.ID)
		}
	}
	return nil
}

type pullBody struct {
	Events []json.RawMessage `json:"events"`
	Next   int64             `json:"next"`
	More   bool              `json:"more"`
	Last   int64             `json:"last"`
}

func (s *Server) pull(w http.ResponseWriter, r *http.Request, desk string) error {
	q := r.URL.Query()
	schema, _ := strconv.Atoi(q.Get("schema"))
	if schema != intake.SchemaVersion {
		return updateRequired(schema)
	}
	after, err := strconv.ParseInt(q.Get("after"), 10, 64)
	if err != nil || after < 0 {
		return refuse(http.StatusBadRequest, replication.CodeMalformed, "after must be a cursor (a number, 0 at first)")
	}
	limit := replication.DefaultPageSize
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit <= 0 || limit > replication.MaxPageSize {
			return refuse(http.StatusBadRequest, replication.CodeMalformed, "limit must be between 1 and %d", replication.MaxPageSize)
		}
	}
	page, err := s.store.Pull(r.Context(), after, limit)
	if err != nil {
		return err
	}
	if page.Events == nil {
		page.Events = []json.RawMessage{}
	}
	s.log.Debug("pull", "desk", desk, "after", after, "events", len(page.Events), "next", page.Next)
	writeJSON(w, http.StatusOK, pullBody(page))
	return nil
}

func (s *Server) enroll(w http.ResponseWriter, r *http.Request) {
	if err := s.enrollDesk(w, r); err != nil {
		s.fail(w, r, err)
	}
}

func (s *Server) enrollDesk(w http.ResponseWriter, r *http.Request) error {
	if host, _, _ := net.SplitHostPort(r.RemoteAddr); !s.enrols.allow(host, s.now()) {
		return tooManyRequests()
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	var req replication.EnrollRequest
	if err := dec.Decode(&req); err != nil || req.Token == "" || req.Desk == "" || len(req.Desk) > 64 || strings.Contains(req.Desk, ".") {
		return refuse(http.StatusBadRequest, replication.CodeMalformed, "an enrolment needs a token and the desk's ID")
	}
	secret, err := replication.NewSecret()
	if err != nil {
		return err
	}
	err = s.store.Redeem(r.Context(), replication.HashSecret(req.Token), req.Desk, replication.HashSecret(secret), s.now())
	if err != nil {
		return enrolRefusal(err)
	}
	s.log.Info("desk enrolled", "desk", req.Desk)
	// The answer travels over the TLS channel the desk pinned with the
	// code's fingerprint, and only once: the deployment key with it.
	writeJSON(w, http.StatusOK, replication.EnrollResponse{
		Credential: req.Desk + "." + secret, DeploymentKey: s.store.DeploymentKey().Bytes(),
	})
	return nil
}

func enrolRefusal(err error) error {
	for _, e := range []error{ErrCodeUnknown, ErrCodeUsed, ErrCodeExpired} {
		if errors.Is(err, e) {
			return refuse(http.StatusForbidden, replication.CodeEnrolCode, "%v; ask the administrator for a new code", e)
		}
	}
	if errors.Is(err, ErrDeskExists) {
		return refuse(http.StatusConflict, replication.CodeForbidden, "this desk is enrolled already")
	}
	return err
}

// CodeStore keeps enrolment codes; Storage and Vault have it.
type CodeStore interface {
	AddCode(ctx context.Context, tokenHash string, expires time.Time) error
}

// NewCode records a fresh single-use enrolment code valid for ttl and
// returns its text.
func NewCode(ctx context.Context, st CodeStore, ca replication.Fingerprint, ttl time.Duration, now time.Time) (string, error) {
	c, err := replication.NewEnrolCode(ca)
	if err != nil {
		return "", err
	}
	if err := st.AddCode(ctx, replication.HashSecret(c.TokenString()), now.Add(ttl)); err != nil {
		return "", err
	}
	return c.String(), nil
}
