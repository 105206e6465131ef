package store

import (
	"cmp"
	"context"
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
	Summary  Summary
	ZEMIS    string
	NNorm    string
	ZNorm    string
	Sort     string
	Keys     []string
	Skeleton []string
	Deleted  bool
	Merged   string
	Live     bool
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

// compareK orders entries by key, then by name (sort key, ID): the order
// a capped scan sees files in.
func compareK(a, b kentry) int {
	return cmp.Or(strings.Compare(a.key, b.key), byName(a.p, b.p))
}

// postings maps keys to files in key order. The base holds each distinct
// key once with its files in name order, built in one go; a small sorted
// delta takes the inserts of writes and is merged into the base when it
// grows. Replaced entries are marked dead and skipped until the merge.
type postings struct {
	keys  []string
	files [][]*pentry // files[i]: the files under keys[i], by name
	delta []kentry
	dead  int
	size  int // entries in the base
}

// deltaMin is the smallest delta that triggers a merge; a larger base
// tolerates a larger delta, so that merges stay
// rare when many files arrive at once (a first sync) while a scan still
// reads mostly the base: deltaMin, or a quarter of the base.
const deltaMin = 4096

// smallBatch is the number of entries under which inserting them one by
// one into the delta is cheaper than merging: an edit at the desk.
const smallBatch = 64

// addMany inserts entries: sorted, then merged with the delta in one
// pass, so that a transaction of many files costs one merge per list
// rather than one insert each.
func (ps *postings) addMany(es []kentry) {
	if len(es) == 0 {
		return
	}
	slices.SortFunc(es, compareK)
	if len(es) < smallBatch {
		for _, e := range es {
			i, _ := slices.BinarySearchFunc(ps.delta, e, compareK)
			ps.delta = slices.Insert(ps.delta, i, e)
		}
		if len(ps.delta) > deltaMin || ps.dead > ps.size/4+deltaMin {
			ps.compact()
		}
		return
	}
	merged := make([]kentry, 0, len(ps.delta)+len(es))
	i, j := 0, 0
	for i < len(ps.delta) && j < len(es) {
		if compareK(es[j], ps.delta[i]) < 0 {
			merged = append(merged, es[j])
			j++
		} else {
			merged = append(merged, ps.delta[i])
			i++
		}
	}
	merged = append(append(merged, ps.delta[i:]...), es[j:]...)
	ps.delta = merged
	limit := max(deltaMin, ps.size/4)
	if len(ps.delta) > limit || ps.dead > ps.size/4+deltaMin {
		ps.compact()
	}
}

// compact merges the delta into the base, dropping dead entries.
func (ps *postings) compact() {
	var b postingsBuilder
	ps.scan("", "\U0010FFFF\U0010FFFF", func(e kentry) bool {
		b.add(e)
		return true
	})
	*ps = b.done()
}

// postingsBuilder makes a base from entries given in compareK order.
type postingsBuilder struct{ ps postings }

func (b *postingsBuilder) add(e kentry) {
	ps := &b.ps
	if n := len(ps.keys); n == 0 || ps.keys[n-1] != e.key {
		ps.keys = append(ps.keys, e.key)
		ps.files = append(ps.files, nil)
	}
	last := len(ps.files) - 1
	ps.files[last] = append(ps.files[last], e.p)
	ps.size++
}

func (b *postingsBuilder) done() postings { return b.ps }

// scan calls fn, in order, for the live entries whose key is in [lo, hi),
// until fn returns false.
func (ps *postings) scan(lo, hi string, fn func(kentry) bool) {
	from, _ := slices.BinarySearch(ps.keys, lo)
	to, _ := slices.BinarySearch(ps.keys, hi)
	d := deltaRange(ps.delta, lo, hi)
	for i := from; i < to; i++ {
		for _, p := range ps.files[i] {
			e := kentry{ps.keys[i], p}
			for len(d) > 0 && compareK(d[0], e) < 0 {
				if !d[0].p.dead && !fn(d[0]) {
					return
				}
				d = d[1:]
			}
			if !p.dead && !fn(e) {
				return
			}
		}
	}
	for _, e := range d {
		if !e.p.dead && !fn(e) {
			return
		}
	}
}

func deltaRange(s []kentry, lo, hi string) []kentry {
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

// putAll replaces the entries of the files in recs (a nil record removes
// the file). Caller holds mu.
func (x *index) putAll(recs map[string]*record) {
	adds := map[*postings][]kentry{}
	for id, rec := range recs {
		if old := x.byID[id]; old != nil {
			old.dead = true
			for _, ps := range x.lists() {
				ps.dead++
			}
			delete(x.byID, id)
		}
		if rec == nil {
			continue
		}
		p := &pentry{record: *rec}
		x.byID[id] = p
		x.each(p, func(ps *postings, key string) { adds[ps] = append(adds[ps], kentry{key, p}) })
	}
	for ps, es := range adds {
		ps.addMany(es)
	}
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

// build fills an empty index from records in one go: files are taken in
// name order and grouped by key, so that only the distinct keys need
// sorting.
func (x *index) build(recs []*record) {
	ps := make([]*pentry, len(recs))
	for i, rec := range recs {
		ps[i] = &pentry{record: *rec}
		x.byID[rec.Summary.ID] = ps[i]
	}
	slices.SortFunc(ps, byName)
	for _, l := range x.lists() {
		groups := map[string][]*pentry{}
		for _, p := range ps {
			x.each(p, func(target *postings, key string) {
				if target == l {
					groups[key] = append(groups[key], p)
				}
			})
		}
		keys := make([]string, 0, len(groups))
		for k := range groups {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		*l = postings{keys: keys, files: make([][]*pentry, len(keys))}
		for i, k := range keys {
			l.files[i] = groups[k]
			l.size += len(groups[k])
		}
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
	x.putAll(t.idx.recs)
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

// readRecords opens every person's record, each with its entity key
// (not cached: a session needs few of them again). Shredded files have
// no key and no record.
func (r *keyring) readRecords(t *txn) ([]*record, error) {
	rows, err := t.query(`SELECT p.id, p.sealed, k.wrapped FROM persons p
		JOIN entities n ON n.id = p.id JOIN entity_keys k ON k.entity = n.n
		WHERE p.sealed IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*record
	for rows.Next() {
		var id string
		var sealed, wrapped []byte
		if err := rows.Scan(&id, &sealed, &wrapped); err != nil {
			return nil, err
		}
		k, err := r.unwrapEntityKey(id, wrapped)
		if err != nil {
			return nil, err
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
	rec, err := decodeRecord(b)
	if err != nil {
		return nil, fmt.Errorf("person %s: %w", id, err)
	}
	return rec, nil
}
