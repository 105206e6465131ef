package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"accueil/intake"
)

// Errors of ApplyRemote.
var (
	// ErrEventMismatch: an event arrived with the ID of a stored event but
	// other content. Identical replay is success; this is refused (sync
	// rule 1) and the whole batch with it.
	ErrEventMismatch = errors.New("event differs from the stored event with its ID")
	// ErrSchemaTooNew: the event was made by a newer version of the
	// application; this desk must be updated before it can apply it.
	ErrSchemaTooNew = errors.New("event made by a newer version")
)

// ApplyRemote stores events made at other desks, as received from the
// central, in one transaction: each is appended to the log once (an event
// already stored with the same content is skipped), the clock learns its
// time, and the query tables and the index take each field's newest value
// by the same rule as local edits. Remote events are not queued in the
// outbox. It returns how many events were new.
//
// Detecting concurrent edits of one field (changes naming the same base)
// and showing them to staff is left to the sync client: the log keeps
// both values either way.
func (s *Store) ApplyRemote(ctx context.Context, evs []intake.Event) (int, error) {
	applied := 0
	err := s.write(ctx, func(t *txn) error {
		for _, ev := range evs {
			fresh, err := t.applyRemote(ev)
			if err != nil {
				return fmt.Errorf("event %s: %w", ev.ID, err)
			}
			if fresh {
				applied++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: apply remote: %w", err)
	}
	return applied, nil
}

func (t *txn) applyRemote(ev intake.Event) (bool, error) {
	if ev.Schema > intake.SchemaVersion {
		return false, ErrSchemaTooNew
	}
	if ev.ID == "" || ev.EntityID == "" || ev.Desk == "" {
		return false, ErrInvalid
	}
	old, err := eventByID(t, ev.ID)
	switch {
	case err == nil:
		if !sameEvent(old, ev) && !t.anonymised(old) {
			return false, ErrEventMismatch
		}
		return false, nil
	case !errors.Is(err, ErrNotFound):
		return false, err
	}
	if _, err := t.s.clock.Update(ev.Time); err != nil {
		return false, err
	}
	t.stamped = true
	seq, err := t.appendEvent(ev)
	if err != nil {
		return false, err
	}
	return true, t.apply(ev, seq)
}

// sameEvent compares events as they travel: by their JSON form.
func sameEvent(a, b intake.Event) bool {
	if len(a.Changes) == 0 && len(b.Changes) == 0 {
		a.Changes, b.Changes = nil, nil
	}
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// anonymised reports whether a stored event reads empty because its
// entity was shredded here (or anonymised, under a new key): the central
// sending it again is no conflict.
func (t *txn) anonymised(ev intake.Event) bool {
	if len(ev.Changes) > 0 {
		return false
	}
	r, err := t.s.keys()
	if err != nil {
		return false
	}
	_, ok, err := r.keyOf(t, ev.EntityID)
	return err == nil && (!ok || wasRekeyed(t, ev.EntityID))
}
