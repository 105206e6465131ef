package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"accueil/intake"
	"accueil/seal"
)

// record is what a person's sealed blob (persons.sealed) holds: the
// summary lists and results show and the keys search and duplicate
// checks look up, so that unlocking opens one small blob per file instead
// of recomputing keys from its fields.
type record struct {
	Summary  Summary  `json:"s"`
	ZEMIS    string   `json:"z,omitempty"`
	NNorm    string   `json:"nn,omitempty"`
	ZNorm    string   `json:"zn,omitempty"`
	Sort     string   `json:"o"`
	Keys     []string `json:"k,omitempty"`
	Skeleton []string `json:"sk,omitempty"`
	Deleted  bool     `json:"d,omitempty"`
	Merged   string   `json:"m,omitempty"`
	Live     bool     `json:"l,omitempty"`
}

func personRecord(p intake.Person) record {
	search, skeleton := personKeys(p)
	return record{
		Summary: Summary{
			ID: p.ID, Surname: p.Surname, GivenNames: p.GivenNames,
			SurnameOriginal: p.SurnameOriginal, GivenNamesOriginal: p.GivenNamesOriginal,
			BirthDate: p.BirthDate, BirthDateApprox: p.BirthDateApprox, Nationality: p.Nationality,
			Permit: p.Permit, Status: p.Status, ArrivalDate: p.ArrivalDate, NNumber: p.NNumber,
			HouseholdID: p.HouseholdID, Relation: p.Relation,
		},
		ZEMIS: p.ZEMISNumber, NNorm: intake.NormaliseIdentifier(p.NNumber),
		ZNorm: intake.NormaliseIdentifier(p.ZEMISNumber), Sort: sortKey(p),
		Keys: search, Skeleton: skeleton, Deleted: p.Deleted, Merged: p.MergedInto, Live: live(p),
	}
}

// pentry is one file in the index. Entries are never changed: a new
// version replaces the old one, which is marked dead and skipped until
// the next compaction drops it.
type pentry struct {
	record
	dead bool
}

func (p *pentry) id() string { return p.Summary.ID }

// kentry is one key of one file.
type kentry struct {
	key string
	p   *pentry
}

func compareK(a, b kentry) int {
	return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.p.Sort, b.p.Sort), strings.Compare(a.p.id(), b.p.id()))
}

// postings is a sorted list of keys: a large base, built once, and a
// small sorted delta that writes insert into. When the delta grows it is
// merged into the base, dropping dead entries.
type postings struct {
	base, delta []kentry
	dead        int
}

// deltaMax bounds the delta: inserting into it moves at most this many
// entries, and a merge happens once per deltaMax inserts.
const deltaMax = 4096

func (ps *postings) add(e kentry) {
	i, _ := slices.BinarySearchFunc(ps.delta, e, compareK)
	ps.delta = slices.Insert(ps.delta, i, e)
	if len(ps.delta) > deltaMax || ps.dead > len(ps.base)/4+deltaMax {
		ps.compact()
	}
}

func (ps *postings) compact() {
	out := make([]kentry, 0, len(ps.base)+len(ps.delta))
	i, j := 0, 0
	for i < len(ps.base) || j < len(ps.delta) {
		var e kentry
		if j >= len(ps.delta) || (i < len(ps.base) && compareK(ps.base[i], ps.delta[j]) <= 0) {
			e, i = ps.base[i], i+1
		} else {
			e, j = ps.delta[j], j+1
		}
		if !e.p.dead {
			out = append(out, e)
		}
	}
	ps.base, ps.delta, ps.dead = out, nil, 0
}

// scan calls fn, in order, for the live entries whose key is in [lo, hi),
// until fn returns false.
func (ps *postings) scan(lo, hi string, fn func(kentry) bool) {
	a, b := keyRange(ps.base, lo, hi), keyRange(ps.delta, lo, hi)
	for len(a) > 0 || len(b) > 0 {
		var e kentry
		if len(b) == 0 || (len(a) > 0 && compareK(a[0], b[0]) <= 0) {
			e, a = a[0], a[1:]
		} else {
			e, b = b[0], b[1:]
		}
		if !e.p.dead && !fn(e) {
			return
		}
	}
}

func keyRange(s []kentry, lo, hi string) []kentry {
	at := func(k string) int {
		i, _ := slices.BinarySearchFunc(s, k, func(e kentry, k string) int { return strings.Compare(e.key, k) })
		return i
	}
	return s[at(lo):at(hi)]
}

// index is the in-memory search index of an unlocked store: every
// person's record by ID, and sorted keys for names, numbers, dates of
// birth, skeletons and name order.
type index struct {
	mu                                sync.RWMutex
	ready                             bool
	gen                               int64 // meta index_gen the index reflects
	byID                              map[string]*pentry
	names, nums, births, skels, order postings
}

func newIndex() *index { return &index{byID: map[string]*pentry{}} }

func (x *index) clear() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.reset(0)
}

// reset empties the index, keeping its lock. Caller holds mu.
func (x *index) reset(size int) {
	x.ready, x.gen, x.byID = false, 0, make(map[string]*pentry, size)
	for _, ps := range x.lists() {
		*ps = postings{}
	}
}

// put replaces the file's entry (rec nil: removes it). Caller holds mu.
func (x *index) put(id string, rec *record) {
	if old := x.byID[id]; old != nil {
		old.dead = true
		for _, ps := range x.lists() {
			ps.dead++
		}
		delete(x.byID, id)
	}
	if rec == nil {
		return
	}
	p := &pentry{record: *rec}
	x.byID[id] = p
	x.each(p, func(ps *postings, key string) { ps.add(kentry{key, p}) })
}

func (x *index) lists() []*postings {
	return []*postings{&x.names, &x.nums, &x.births, &x.skels, &x.order}
}

// each calls fn for every key of p, with the list it belongs in.
func (x *index) each(p *pentry, fn func(*postings, string)) {
	for _, k := range p.Keys {
		fn(&x.names, k)
	}
	if !p.Deleted {
		for _, n := range []string{p.NNorm, p.ZNorm} {
			if n != "" {
				fn(&x.nums, n)
			}
		}
		if b := p.Summary.BirthDate.String(); b != "" {
			fn(&x.births, b)
		}
	}
	for _, k := range p.Skeleton {
		fn(&x.skels, k)
	}
	fn(&x.order, "")
}

// build fills an empty index from records in one go: appending and
// sorting once is much faster than inserting one by one.
func (x *index) build(recs []*record) {
	for _, rec := range recs {
		p := &pentry{record: *rec}
		x.byID[rec.Summary.ID] = p
		x.each(p, func(ps *postings, key string) { ps.base = append(ps.base, kentry{key, p}) })
	}
	for _, ps := range x.lists() {
		slices.SortFunc(ps.base, compareK)
	}
}

// Index bookkeeping of a write transaction: the records it wrote, applied
// to the index after the commit.
type indexPending struct {
	recs    map[string]*record
	bumped  bool
	stale   bool
	gen     int64
	rebuild bool
}

// indexPut notes a person's new record for the index.
func (t *txn) indexPut(id string, rec *record) error {
	if err := t.bumpGen(); err != nil {
		return err
	}
	t.idx.recs[id] = rec
	return nil
}

func (t *txn) indexDrop(id string) error { return t.indexPut(id, nil) }

// bumpGen advances meta index_gen once per transaction, so that another
// process holding an index of this database sees it is behind. When the
// generation read is not the one this process's index reflects, someone
// else wrote since, and the index is rebuilt after the commit.
func (t *txn) bumpGen() error {
	if t.idx.bumped {
		return nil
	}
	var gen int64
	if err := t.queryRow(`UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'index_gen'
		RETURNING CAST(value AS INTEGER)`).Scan(&gen); err != nil {
		return fmt.Errorf("index generation: %w", err)
	}
	t.idx.bumped, t.idx.gen = true, gen
	if r := t.s.ring.Load(); r != nil {
		r.idx.mu.RLock()
		t.idx.stale = !r.idx.ready || r.idx.gen != gen-1
		r.idx.mu.RUnlock()
	}
	return nil
}

// commitIndex commits the transaction and applies its records to the
// index, holding the index's lock across both, so that no search sees
// the new generation before the index has it.
func (t *txn) commitIndex() error {
	r := t.s.ring.Load()
	if !t.idx.bumped || r == nil {
		return t.tx.Commit()
	}
	x := r.idx
	x.mu.Lock()
	defer x.mu.Unlock()
	if err := t.tx.Commit(); err != nil {
		return err
	}
	if t.idx.stale || t.idx.rebuild || !x.ready {
		x.ready = false
		return nil
	}
	for id, rec := range t.idx.recs {
		x.put(id, rec)
	}
	x.gen = t.idx.gen
	return nil
}

// currentIndex returns the index of the unlocked store, rebuilding it
// first when the database changed under it (another process wrote).
// The caller must RUnlock the index's mu when done.
func (s *Store) currentIndex(ctx context.Context) (*index, error) {
	r, err := s.keys()
	if err != nil {
		return nil, err
	}
	var gen int64
	if err := s.reader(ctx).queryRow(`SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'index_gen'`).Scan(&gen); err != nil {
		return nil, fmt.Errorf("index generation: %w", err)
	}
	r.idx.mu.RLock()
	if r.idx.ready && r.idx.gen >= gen {
		return r.idx, nil
	}
	r.idx.mu.RUnlock()
	if err := s.loadIndex(ctx, r); err != nil {
		return nil, fmt.Errorf("load index: %w", err)
	}
	r.idx.mu.RLock()
	return r.idx, nil
}

// loadIndex reads and opens every person's record and builds the index.
func (s *Store) loadIndex(ctx context.Context, r *keyring) error {
	x := r.idx
	x.mu.Lock()
	defer x.mu.Unlock()
	return s.read(ctx, func(t *txn) error {
		if err := r.loadEntityKeys(t); err != nil {
			return err
		}
		var gen int64
		if err := t.queryRow(`SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'index_gen'`).Scan(&gen); err != nil {
			return err
		}
		recs, err := r.readRecords(t)
		if err != nil {
			return err
		}
		x.reset(len(recs))
		x.build(recs)
		x.gen, x.ready = gen, true
		return nil
	})
}

// loadEntityKeys opens every entity key into the cache.
func (r *keyring) loadEntityKeys(t *txn) error {
	rows, err := t.query(`SELECT n.id, k.wrapped FROM entity_keys k JOIN entities n ON n.n = k.entity`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var wrapped []byte
		if err := rows.Scan(&id, &wrapped); err != nil {
			return err
		}
		if r.cached(id) != nil {
			continue
		}
		if _, err := r.openEntityKey(id, wrapped); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (r *keyring) readRecords(t *txn) ([]*record, error) {
	rows, err := t.query(`SELECT id, sealed FROM persons WHERE sealed IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*record
	for rows.Next() {
		var id string
		var sealed []byte
		if err := rows.Scan(&id, &sealed); err != nil {
			return nil, err
		}
		k := r.cached(id)
		if k == nil {
			continue // shredded meanwhile
		}
		rec, err := openRecord(k, id, sealed)
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, rows.Err()
}

func openRecord(k *seal.Key, id string, sealed []byte) (*record, error) {
	b, err := k.Open(sealed, personAAD(id))
	if err != nil {
		return nil, fmt.Errorf("person %s: %w", id, err)
	}
	var rec record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, fmt.Errorf("person %s: %w", id, err)
	}
	return &rec, nil
}
