package replication

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"accueil/intake"
)

// Paths of the central's API.
const (
	PathPush   = "/v1/push"
	PathPull   = "/v1/pull"
	PathEnroll = "/v1/enroll"
)

// Limits both sides agree on. The desk sends batches well under them.
const (
	// MaxBodyBytes bounds a request body: a batch of MaxPushEvents events
	// of ordinary size fits many times over.
	MaxBodyBytes = 8 << 20
	// MaxPushEvents bounds the events of one push, so that a retry never
	// re-sends more than this.
	MaxPushEvents = 1000
	// DefaultPageSize is the number of events per pull page.
	DefaultPageSize = 2000
	// MaxPageSize bounds what a desk may ask for in one page.
	MaxPageSize = 5000
)

// Error codes of ErrorBody. They are stable: desks act on them.
const (
	CodeUpdateRequired = "update_required"
	CodeUnauthorized   = "unauthorized"
	CodeRevoked        = "revoked"
	CodeTooLarge       = "too_large"
	CodeMalformed      = "malformed"
	CodeConflict       = "event_conflict"
	CodeForbidden      = "forbidden"
	CodeEnrolCode      = "enrolment_code"
	CodeInternal       = "internal"
	CodeRateLimited    = "rate_limited"
)

// ErrorBody is the answer to every refused request.
type ErrorBody struct {
	Error   string `json:"error"`
	Message string `json:"message"`
	// Schema is the central's schema version, set with update_required.
	Schema int `json:"schema,omitempty"`
}

// PushRequest carries events made at the calling desk.
type PushRequest struct {
	Schema int            `json:"schema"`
	Events []intake.Event `json:"events"`
}

// PushResponse acknowledges a push: every event of it is stored.
type PushResponse struct {
	// Stored counts the events new to the central; the others were
	// identical replays.
	Stored int `json:"stored"`
	// LastSeq is the central's last sequence number after the push.
	LastSeq int64 `json:"last_seq"`
}

// PullResponse is one page of events after the desk's cursor.
type PullResponse struct {
	Events []intake.Event `json:"events"`
	// Next is the cursor to ask from next time; the desk stores it only
	// after it applied Events.
	Next int64 `json:"next"`
	// More tells that another page waits.
	More bool `json:"more"`
	// Last is the central's last sequence number: with Next, how far a
	// first sync has come.
	Last int64 `json:"last"`
}

// EnrollRequest redeems an enrolment code's token for a desk credential.
type EnrollRequest struct {
	Token string `json:"token"`
	Desk  string `json:"desk"`
}

// EnrollResponse carries the desk's credential, shown once, and the
// deployment key that centrally managed accounts unlock desks with.
type EnrollResponse struct {
	Credential    string `json:"credential"`
	DeploymentKey []byte `json:"deployment_key,omitempty"`
}

// ErrMalformed marks a payload that is not a valid push.
var ErrMalformed = errors.New("malformed payload")

// DecodePush reads and checks a push payload: one JSON object with known
// fields only, at most MaxPushEvents events, each with the IDs a desk
// always sets. It does not judge the schema version: the caller answers
// that with update_required.
func DecodePush(r io.Reader) (PushRequest, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var req PushRequest
	if err := dec.Decode(&req); err != nil {
		return PushRequest{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return PushRequest{}, fmt.Errorf("%w: data after the object", ErrMalformed)
	}
	if len(req.Events) > MaxPushEvents {
		return PushRequest{}, fmt.Errorf("%w: %d events, at most %d", ErrMalformed, len(req.Events), MaxPushEvents)
	}
	for i, ev := range req.Events {
		if err := checkEvent(ev); err != nil {
			return PushRequest{}, fmt.Errorf("%w: event %d: %v", ErrMalformed, i, err)
		}
	}
	return req, nil
}

// checkEvent refuses events no desk makes. IDs are bounded so that a
// forged payload cannot fill the central with huge keys.
func checkEvent(ev intake.Event) error {
	for _, f := range [...]struct{ name, v string }{{"id", ev.ID}, {"entity_id", ev.EntityID}, {"desk", ev.Desk}} {
		if f.v == "" || len(f.v) > 64 {
			return fmt.Errorf("%s missing or too long", f.name)
		}
	}
	switch ev.EntityType {
	case intake.EntityPerson, intake.EntityHousehold, intake.EntityDecision:
	default:
		if !slices.Contains(intake.CounsellingEntityTypes(), ev.EntityType) {
			return fmt.Errorf("unknown entity type")
		}
	}
	if ev.Schema <= 0 {
		return fmt.Errorf("missing schema")
	}
	return nil
}

// Canonical returns the form in which an event is stored and compared on
// the central: its JSON encoding, with no changes written as null so that
// an empty list and a missing one compare equal.
func Canonical(ev intake.Event) ([]byte, error) {
	if len(ev.Changes) == 0 {
		ev.Changes = nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ev); err != nil {
		return nil, fmt.Errorf("replication: encode event %s: %w", ev.ID, err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
