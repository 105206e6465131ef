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
		stored, err := storedIDs(t, evs)
		if err != nil {
			return err
		}
		for _, ev := range evs {
			fresh, err := t.applyRemote(ev, stored)
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

// storedIDs returns which of the events' IDs the log holds already, in
// one query: a first sync's pages are almost all new, and asking for each
// event would cost a lookup apiece.
func storedIDs(t *txn, evs []intake.Event) (map[string]bool, error) {
	ids := make([]string, len(evs))
	for i, ev := range evs {
		ids[i] = ev.ID
	}
	found, err := idList(t, `SELECT id FROM events WHERE id IN (SELECT value FROM json_each(?))`, jsonList(ids))
	if err != nil {
		return nil, err
	}
	stored := make(map[string]bool, len(found))
	for _, id := range found {
		stored[id] = true
	}
	return stored, nil
}

// applyRemote appends and applies one event unless stored (the IDs in the
// log, kept up to date as the batch goes) already has it.
func (t *txn) applyRemote(ev intake.Event, stored map[string]bool) (bool, error) {
	if ev.Schema > intake.SchemaVersion {
		return false, ErrSchemaTooNew
	}
	if ev.ID == "" || ev.EntityID == "" || ev.Desk == "" {
		return false, ErrInvalid
	}
	if stored[ev.ID] {
		old, err := eventByID(t, ev.ID)
		if err != nil {
			return false, err
		}
		if !sameEvent(old, ev) && !t.anonymised(old) {
			return false, ErrEventMismatch
		}
		return false, nil
	}
	stored[ev.ID] = true
	if err := t.anonymiseRemote(ev); err != nil {
		return false, fmt.Errorf("anonymisation: %w", err)
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
