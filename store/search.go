package store

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"accueil/intake"
	"accueil/intake/names"
)

// Search bounds. A short prefix such as "m" matches a good part of the
// files; the scans stop at scanCap rows so that every query stays fast.
// The index comes out in key order, then name order, so a capped scan sees
// the exact key and the names that follow it alphabetically.
const (
	scanCap   = 2000 // rows read per key range
	verifyMax = 500  // candidates checked one by one against another word
)

// maxSearchWords bounds the words of a query, against pasted text.
const maxSearchWords = 6

// Scores of one word's best match with a file's keys.
const (
	matchPrefix  = 0 // a key starts with the word
	matchSound   = 1 // a skeleton key is the word's: same sound, other spelling
	matchLiteral = 2 // a key is the word as typed (folded or in Latin)
)

// hit is a candidate file: the sum of its words' scores and its sort key.
type hit struct {
	score int
	sort  string
}

// hits are candidates by person ID; complete is false when a scan stopped
// at its cap, so that some matching files may be missing.
type hits struct {
	m        map[string]hit
	complete bool
}

// Search finds files from one text box: a date finds dates of birth, text
// with a digit finds N and ZEMIS numbers by prefix (any separators), and
// anything else finds names, every word matching the start of a name in
// any of its transcriptions or scripts. A merged file is found as the file
// it was merged into; deleted files are not found. Results come best first
// (the word as typed, then the same sound, then prefixes; by name within
// each), at most limit of them.
func (s *Store) Search(ctx context.Context, by intake.Staff, text string, limit int) ([]Summary, error) {
	if !by.Role.Valid() {
		return nil, fmt.Errorf("store: search: %w", ErrForbidden)
	}
	text = strings.TrimSpace(text)
	if text == "" || limit <= 0 {
		return nil, nil
	}
	var out []Summary
	err := s.read(ctx, func(t *txn) error {
		h, err := findHits(t, text)
		if err != nil {
			return err
		}
		out, err = rankHits(t, h.m, limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	return out, nil
}

func findHits(t *txn, text string) (hits, error) {
	if d, err := intake.ParseDate(text); err == nil && !d.IsZero() {
		return scanRange(t, `SELECT id, birth_date, sort_key FROM persons
			WHERE deleted = 0 AND birth_date >= ? AND birth_date < ? LIMIT ?`, d.String(), false)
	}
	if strings.ContainsFunc(text, unicode.IsDigit) {
		return identifierHits(t, intake.NormaliseIdentifier(text))
	}
	return nameHits(t, queryWords(text))
}

// identifierHits finds N and ZEMIS numbers starting with norm. Staff often
// leave out the letter of an N number, so digits alone also try "N".
func identifierHits(t *txn, norm string) (hits, error) {
	all := hits{m: map[string]hit{}, complete: true}
	if norm == "" {
		return all, nil
	}
	prefixes := []string{norm}
	if norm[0] >= '0' && norm[0] <= '9' {
		prefixes = append(prefixes, "N"+norm)
	}
	for _, col := range []string{"n_norm", "zemis_norm"} {
		q := `SELECT id, ` + col + `, sort_key FROM persons WHERE deleted = 0 AND ` +
			col + ` >= ? AND ` + col + ` < ? LIMIT ?`
		for _, pre := range prefixes {
			h, err := scanRange(t, q, pre, true)
			if err != nil {
				return hits{}, err
			}
			all.union(h)
		}
	}
	return all, nil
}

// scanRange runs q, which selects (id, key, sort key) for keys in [lo, hi)
// up to a limit, over the keys equal to key or, with prefix, starting with
// it.
func scanRange(t *txn, q, key string, prefix bool) (hits, error) {
	hi := key + "\x00"
	if prefix {
		hi = key + "\U0010FFFF"
	}
	rows, err := t.query(q, key, hi, scanCap+1)
	if err != nil {
		return hits{}, err
	}
	defer rows.Close()
	h := hits{m: map[string]hit{}, complete: true}
	n := 0
	for rows.Next() {
		if n++; n > scanCap {
			h.complete = false
			break
		}
		var id, k, sort string
		if err := rows.Scan(&id, &k, &sort); err != nil {
			return hits{}, err
		}
		score := matchScore(k, key)
		if old, ok := h.m[id]; !ok || score > old.score {
			h.m[id] = hit{score: score, sort: sort}
		}
	}
	return h, rows.Err()
}

// matchScore scores a key found by looking up want.
func matchScore(key, want string) int {
	switch {
	case key != want:
		return matchPrefix
	case strings.HasPrefix(want, names.SkeletonPrefix):
		return matchSound
	}
	return matchLiteral
}

// union adds other's candidates, keeping each one's best score.
func (h *hits) union(other hits) {
	for id, x := range other.m {
		if old, ok := h.m[id]; !ok || x.score > old.score {
			h.m[id] = x
		}
	}
	h.complete = h.complete && other.complete
}

// nameHits finds the files matching every word. Each word's scan is
// capped; the words whose scans were complete are intersected first, and
// once few candidates are left they are checked against the other words
// one by one (reading the candidates' own keys), so that a common word
// such as "Mohammed" next to a rare surname still finds the file.
func nameHits(t *txn, words [][]string) (hits, error) {
	if len(words) == 0 {
		return hits{m: map[string]hit{}, complete: true}, nil
	}
	if len(words) > maxSearchWords {
		words = words[:maxSearchWords]
	}
	scans := make([]hits, len(words))
	for i, alts := range words {
		var err error
		if scans[i], err = wordHits(t, alts); err != nil {
			return hits{}, err
		}
	}
	// Complete sets first, smallest first: the intersection shrinks fastest
	// and stays exact.
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := scans[a], scans[b]
		if x.complete != y.complete {
			if x.complete {
				return -1
			}
			return 1
		}
		return cmp.Compare(len(x.m), len(y.m))
	})
	acc := scans[order[0]]
	for _, i := range order[1:] {
		var err error
		if !scans[i].complete && len(acc.m) <= verifyMax {
			err = verifyWord(t, acc.m, words[i])
		} else {
			acc.intersect(scans[i])
		}
		if err != nil {
			return hits{}, err
		}
	}
	return acc, nil
}

// wordHits scans the index for the keys starting with any alternative of
// one query word.
func wordHits(t *txn, alts []string) (hits, error) {
	const q = `SELECT person_id, key, sort_key FROM search_keys WHERE key >= ? AND key < ? LIMIT ?`
	all := hits{m: map[string]hit{}, complete: true}
	for _, alt := range alts {
		h, err := scanRange(t, q, alt, true)
		if err != nil {
			return hits{}, err
		}
		all.union(h)
	}
	return all, nil
}

// intersect keeps the candidates other has too, adding their scores.
func (h *hits) intersect(other hits) {
	for id, x := range h.m {
		y, ok := other.m[id]
		if !ok {
			delete(h.m, id)
			continue
		}
		x.score += y.score
		h.m[id] = x
	}
	h.complete = h.complete && other.complete
}

// verifyWord keeps the candidates that have a key starting with one of the
// word's alternatives, reading the candidates' own keys.
func verifyWord(t *txn, m map[string]hit, alts []string) error {
	rows, err := t.query(`SELECT person_id, key FROM search_keys
		WHERE person_id IN (SELECT value FROM json_each(?))`, jsonList(slices.Collect(maps.Keys(m))))
	if err != nil {
		return err
	}
	defer rows.Close()
	best := map[string]int{}
	for rows.Next() {
		var id, key string
		if err := rows.Scan(&id, &key); err != nil {
			return err
		}
		for _, alt := range alts {
			if strings.HasPrefix(key, alt) {
				if old, ok := best[id]; !ok || matchScore(key, alt) > old {
					best[id] = matchScore(key, alt)
				}
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for id, h := range m {
		score, ok := best[id]
		if !ok {
			delete(m, id)
			continue
		}
		h.score += score
		m[id] = h
	}
	return nil
}

// ranked is a candidate in result order.
type ranked struct {
	id string
	hit
}

func byRank(a, b ranked) int {
	return cmp.Or(cmp.Compare(b.score, a.score), strings.Compare(a.sort, b.sort), strings.Compare(a.id, b.id))
}

// rankHits orders the candidates and reads the summaries of the first
// limit of them. Only those are looked up: a merged file is replaced by
// the file it went into, a deleted one dropped, and the next candidates
// fill the gap.
func rankHits(t *txn, m map[string]hit, limit int) ([]Summary, error) {
	order := make([]ranked, 0, len(m))
	for id, h := range m {
		order = append(order, ranked{id, h})
	}
	slices.SortFunc(order, byRank)
	var out []ranked
	shown := map[string]bool{}
	for len(order) > 0 && len(out) < limit {
		n := min(len(order), limit-len(out))
		live, err := resolveMerged(t, order[:n])
		if err != nil {
			return nil, err
		}
		order = order[n:]
		for _, r := range live {
			if !shown[r.id] {
				shown[r.id] = true
				out = append(out, r)
			}
		}
	}
	slices.SortFunc(out, byRank)
	return readSummaries(t, out)
}

// maxMergeChain bounds following merged_into, against a cycle that two
// desks merging crosswise could make.
const maxMergeChain = 8

// resolveMerged replaces merged files by the live files they went into,
// which keep the merged file's score, and drops deleted ones.
func resolveMerged(t *txn, rs []ranked) ([]ranked, error) {
	var out []ranked
	for range maxMergeChain {
		if len(rs) == 0 {
			break
		}
		byID := map[string]ranked{}
		for _, r := range rs {
			byID[r.id] = r
		}
		rows, err := t.query(`SELECT id, sort_key, merged_into, deleted FROM persons
			WHERE id IN (SELECT value FROM json_each(?))`, jsonList(slices.Collect(maps.Keys(byID))))
		if err != nil {
			return nil, err
		}
		var next []ranked
		for rows.Next() {
			var id, sort, merged string
			var deleted bool
			if err := rows.Scan(&id, &sort, &merged, &deleted); err != nil {
				rows.Close()
				return nil, err
			}
			r := byID[id]
			switch {
			case deleted:
			case merged != "":
				next = append(next, ranked{id: merged, hit: hit{score: r.score}})
			default:
				out = append(out, ranked{id: id, hit: hit{score: r.score, sort: sort}})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		rs = next
	}
	return out, nil
}

func readSummaries(t *txn, rs []ranked) ([]Summary, error) {
	ids := make([]string, len(rs))
	pos := make(map[string]int, len(rs))
	for i, r := range rs {
		ids[i], pos[r.id] = r.id, i
	}
	sums, err := summaries(t, `SELECT `+summaryCols+` FROM persons p
		WHERE p.id IN (SELECT value FROM json_each(?))`, jsonList(ids))
	if err != nil {
		return nil, err
	}
	slices.SortFunc(sums, func(a, b Summary) int { return cmp.Compare(pos[a.ID], pos[b.ID]) })
	return sums, nil
}
