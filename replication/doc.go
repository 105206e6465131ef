// Package replication carries events between desks and the central: the
// wire protocol (JSON over HTTPS), the certificates and enrolment codes
// that let a desk trust its central without a public authority, and the
// desk's sync client, which pushes the outbox and pulls what other desks
// made. The central's side (storage and handlers) is package central.
//
// # Protocol
//
// Every request but enrolment carries "Authorization: Bearer DESK.SECRET";
// the central keeps only the secret's SHA-256 and checks it, and whether
// the desk is revoked, on every request.
//
//	POST /v1/push    {"schema":1,"events":[...]}   -> {"stored":n,"last_seq":s}
//	GET  /v1/pull?after=CURSOR&limit=N&schema=1    -> {"events":[...],"next":c,"more":b,"last":s}
//	POST /v1/enroll  {"token":T,"desk":ID}          -> {"credential":"ID.SECRET"}
//
// A push is stored whole or not at all. Each event is appended once under
// a unique constraint on its ID: an identical replay succeeds, the same ID
// with other content refuses the push (event_conflict). A desk pushes only
// its own events, oldest first, so other desks receive each desk's events
// in the order they were made. Pull pages follow the central's own
// sequence, never a desk's clock; the desk stores the next cursor only
// after the page is committed, and a page applied twice changes nothing.
//
// Every refusal is {"error":CODE,"message":TEXT}: update_required (426,
// the schema differs: never a partial sync), unauthorized (401), revoked
// and forbidden (403), too_large (413), malformed (400), event_conflict
// (409), rate_limited (429), enrolment_code (403). The client retries
// network errors, 5xx and 429 with exponential backoff and jitter, and
// stops at once on any other refusal.
//
// # Enrolment
//
// On first start the central makes an ECDSA P-256 certificate authority
// and a server certificate it signs. An enrolment code is base32 of the
// authority's SHA-256 fingerprint, a 128-bit single-use token and a
// checksum. The desk accepts only a server whose chain holds that
// authority, sends the token, receives its credential, and from then on
// trusts that authority alone.
package replication
