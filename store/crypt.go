package store

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"accueil/seal"
)

// ErrLocked: the store holds no data key, because nobody logged in since
// it was opened or since Lock. Personal data can be neither read nor
// written until Authenticate succeeds.
var ErrLocked = errors.New("locked: log in first")

// keyring is what an unlocked store holds: the desk data key, its
// subkeys, the entity keys opened so far and the search index. Lock
// forgets all of it.
type keyring struct {
	dk     *seal.Key
	values *seal.Key // seals entity keys and other desk-wide values

	mu   sync.Mutex
	ents map[string]*seal.Key // entity ID → entity key

	idx *index
}

// Labels of the data key's subkeys (seal.Key.Derive).
const (
	labelValues = "desk values v1"
)

func newKeyring(dk *seal.Key) (*keyring, error) {
	values, err := dk.Derive(labelValues)
	if err != nil {
		return nil, err
	}
	return &keyring{dk: dk, values: values, ents: map[string]*seal.Key{}, idx: newIndex()}, nil
}

// zero overwrites the key bytes the ring holds.
func (r *keyring) zero() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for id, k := range r.ents {
		k.Zero()
		delete(r.ents, id)
	}
	r.values.Zero()
	r.dk.Zero()
}

// keys returns the ring of an unlocked store, or ErrLocked.
func (s *Store) keys() (*keyring, error) {
	if r := s.ring.Load(); r != nil {
		return r, nil
	}
	return nil, ErrLocked
}

// Locked reports whether the store holds no data key.
func (s *Store) Locked() bool { return s.ring.Load() == nil }

// Lock forgets the data key, the entity keys and the search index: a
// locked store refuses personal reads and writes until the next login.
// Sealing and opening already under way finish with the keys they hold.
func (s *Store) Lock() {
	if r := s.ring.Swap(nil); r != nil {
		r.idx.clear()
		r.zero()
	}
}

// unlock installs dk as the store's data key, encrypting a database from
// before encryption at rest in place first, and loads the search index.
func (s *Store) unlock(ctx context.Context, dk *seal.Key) error {
	r, err := newKeyring(dk)
	if err != nil {
		return err
	}
	if err := s.encryptLegacy(ctx, r); err != nil {
		return err
	}
	if old := s.ring.Swap(r); old != nil && old != r {
		old.idx.clear()
		old.zero()
	}
	if err := s.loadIndex(ctx, r); err != nil {
		return fmt.Errorf("load index: %w", err)
	}
	return nil
}

// entityKeyAAD binds a sealed entity key to its entity.
func entityKeyAAD(id string) []byte { return []byte("entity_keys/" + id) }

// entityKey returns the entity's key, making one when create is set and
// the entity has none. ok is false for an entity without a key: never
// seen, or shredded.
func (t *txn) entityKey(id string, n int64, create bool) (*seal.Key, bool, error) {
	r, err := t.s.keys()
	if err != nil {
		return nil, false, err
	}
	if k := r.cached(id); k != nil {
		return k, true, nil
	}
	var wrapped []byte
	err = t.queryRow(`SELECT wrapped FROM entity_keys WHERE entity = ?`, n).Scan(&wrapped)
	switch {
	case err == nil:
		k, err := r.openEntityKey(id, wrapped)
		return k, err == nil, err
	case !isNoRows(err):
		return nil, false, err
	case !create:
		return nil, false, nil
	}
	k, err := seal.NewKey()
	if err != nil {
		return nil, false, err
	}
	if _, err := t.exec(`INSERT INTO entity_keys (entity, wrapped) VALUES (?, ?)`,
		n, seal.WrapKey(r.values, k, entityKeyAAD(id))); err != nil {
		return nil, false, fmt.Errorf("entity key: %w", err)
	}
	r.remember(id, k)
	return k, true, nil
}

func (r *keyring) cached(id string) *seal.Key {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ents[id]
}

// entCacheMax bounds the entity keys kept open: each holds an AES key
// schedule, and a pass over the whole log would otherwise keep one per
// entity. A full cache is simply emptied.
const entCacheMax = 8192

func (r *keyring) remember(id string, k *seal.Key) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.ents) >= entCacheMax {
		for id, old := range r.ents {
			old.Zero()
			delete(r.ents, id)
		}
	}
	r.ents[id] = k
}

func (r *keyring) forget(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.ents, id)
}

func (r *keyring) openEntityKey(id string, wrapped []byte) (*seal.Key, error) {
	k, err := r.unwrapEntityKey(id, wrapped)
	if err == nil {
		r.remember(id, k)
	}
	return k, err
}

// unwrapEntityKey opens an entity key without caching it.
func (r *keyring) unwrapEntityKey(id string, wrapped []byte) (*seal.Key, error) {
	k, err := seal.UnwrapKey(r.values, wrapped, entityKeyAAD(id))
	if err != nil {
		return nil, fmt.Errorf("entity key of %s: %w", id, err)
	}
	return k, nil
}

// keyOf returns the key of an entity by ID, looking it up through q on a
// cache miss. ok is false for an entity without a key (shredded).
func (r *keyring) keyOf(q querier, id string) (*seal.Key, bool, error) {
	if k := r.cached(id); k != nil {
		return k, true, nil
	}
	var wrapped []byte
	err := q.queryRow(`SELECT k.wrapped FROM entities n JOIN entity_keys k ON k.entity = n.n
		WHERE n.id = ?`, id).Scan(&wrapped)
	if isNoRows(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	k, err := r.openEntityKey(id, wrapped)
	return k, err == nil, err
}

// shred deletes the entity's key and the values sealed under it: its
// past events can no longer be read anywhere on this desk, and readers
// of the log treat them as anonymised (no changes), not as damage.
// Retention and anonymisation call it inside their own transaction.
func (s *Store) shred(t *txn, entity string) error {
	r, err := s.keys()
	if err != nil {
		return err
	}
	var n int64
	if err := t.queryRow(`SELECT n FROM entities WHERE id = ?`, entity).Scan(&n); err != nil {
		return firstErr(notFound(err), err)
	}
	for _, q := range []string{`DELETE FROM entity_keys WHERE entity = ?`, `DELETE FROM field_values WHERE entity = ?`} {
		if _, err := t.exec(q, n); err != nil {
			return fmt.Errorf("shred: %w", err)
		}
	}
	if _, err := t.exec(`UPDATE persons SET sealed = NULL WHERE id = ?`, entity); err != nil {
		return fmt.Errorf("shred: %w", err)
	}
	if _, err := t.exec(`UPDATE households SET name = '' WHERE id = ?`, entity); err != nil {
		return fmt.Errorf("shred: %w", err)
	}
	r.forget(entity)
	return t.indexDrop(entity)
}

func notFound(err error) error {
	if isNoRows(err) {
		return ErrNotFound
	}
	return nil
}

// Where sealed values live, as additional data: a value copied to
// another row or column does not open.
func eventAAD(id string) []byte { return []byte("events/" + id) }

func fieldAAD(entity, field string) []byte {
	return []byte("field_values/" + entity + "/" + field)
}

func personAAD(id string) []byte { return []byte("persons/" + id) }

func householdAAD(id string) []byte { return []byte("households/" + id + "/name") }

func importAAD(id string) []byte { return []byte("imports/" + id + "/label") }
