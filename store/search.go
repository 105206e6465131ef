package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"accueil/intake"
	"accueil/intake/names"
)

// Search bounds. A short prefix such as "m" matches a good part of the
// files; the scans stop at these caps so that every query stays fast, and
// the order of the index (exact keys first, then alphabetical) decides
// which candidates a capped scan sees.
const (
	scanCap   = 2000 // rows read per key range
	verifyMax = 400  // candidates checked one by one against other words
)

// maxSearchWords bounds the words of a query, against pasted text.
const maxSearchWords = 6

// hit is a candidate file and how well the query words matched its keys:
// per word, matchLiteral for a key equal to the word's folded or Latin
// form, matchSound for an equal skeleton (same sound, other spelling), 0
// for a prefix only.
type hit struct {
	exact int
}

// Scores of one word's best match.
const (
	matchSound   = 1
	matchLiteral = 2
)

// matchScore scores a key found by the alternative alt.
func matchScore(key, alt string) int {
	switch {
	case key != alt:
		return 0
	case strings.HasPrefix(alt, names.SkeletonPrefix):
		return matchSound
	}
	return matchLiteral
}

// Search finds files from one text box: a date finds dates of birth, text
// with a digit finds N and ZEMIS numbers by prefix (any separators), and
// anything else finds names, every word matching the start of a name in
// any of its transcriptions or scripts. A merged file is found as the file
// it was merged into; deleted files are not found. Results come best first
// (exact words, then by name), at most limit of them.
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
		hits, err := findHits(t, text)
		if err != nil {
			return err
		}
		out, err = rankHits(t, hits, limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	return out, nil
}

func findHits(t *txn, text string) (map[string]hit, error) {
	if d, err := intake.ParseDate(text); err == nil && !d.IsZero() {
		return birthHits(t, d)
	}
	if strings.ContainsFunc(text, unicode.IsDigit) {
		return identifierHits(t, intake.NormaliseIdentifier(text))
	}
	return nameHits(t, queryWords(text))
}

func birthHits(t *txn, d intake.Date) (map[string]hit, error) {
	rows, err := t.query(`SELECT id FROM persons WHERE birth_date = ? LIMIT ?`, d.String(), scanCap)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := map[string]hit{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		hits[id] = hit{exact: matchLiteral}
	}
	return hits, rows.Err()
}

// identifierHits finds N and ZEMIS numbers starting with norm. Staff often
// leave out the letter of an N number, so digits alone also try "N".
func identifierHits(t *txn, norm string) (map[string]hit, error) {
	hits := map[string]hit{}
	if norm == "" {
		return hits, nil
	}
	prefixes := []string{norm}
	if norm[0] >= '0' && norm[0] <= '9' {
		prefixes = append(prefixes, "N"+norm)
	}
	for _, col := range []string{"n_norm", "zemis_norm"} {
		q := `SELECT id, ` + col + ` FROM persons WHERE ` + col + ` >= ? AND ` + col + ` < ? LIMIT ?`
		for _, pre := range prefixes {
			if err := scanPrefix(t, q, pre, func(id, key string) {
				if key == pre {
					hits[id] = hit{exact: matchLiteral}
				} else if _, ok := hits[id]; !ok {
					hits[id] = hit{}
				}
			}); err != nil {
				return nil, err
			}
		}
	}
	return hits, nil
}

// scanPrefix runs q, which selects (id, key) for keys in [lo, hi), over
// the keys starting with prefix.
func scanPrefix(t *txn, q, prefix string, fn func(id, key string)) error {
	rows, err := t.query(q, prefix, prefix+"\U0010FFFF", scanCap)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, key string
		if err := rows.Scan(&id, &key); err != nil {
			return err
		}
		fn(id, key)
	}
	return rows.Err()
}

// nameHits intersects the files matching each word. It starts from the
// word most likely to be selective (the longest), and once few candidates
// are left it checks them against the other words directly instead of
// scanning those words' (possibly huge) key ranges.
func nameHits(t *txn, words [][]string) (map[string]hit, error) {
	if len(words) == 0 {
		return map[string]hit{}, nil
	}
	if len(words) > maxSearchWords {
		words = words[:maxSearchWords]
	}
	slices.SortStableFunc(words, func(a, b []string) int { return cmp.Compare(shortest(b), shortest(a)) })
	hits, err := wordHits(t, words[0])
	if err != nil {
		return nil, err
	}
	for _, alts := range words[1:] {
		if len(hits) == 0 {
			break
		}
		if len(hits) <= verifyMax {
			err = verifyWord(t, hits, alts)
		} else {
			err = intersectWord(t, hits, alts)
		}
		if err != nil {
			return nil, err
		}
	}
	return hits, nil
}

func shortest(alts []string) int {
	n := -1
	for _, a := range alts {
		if l := len(a); n < 0 || l < n {
			n = l
		}
	}
	return n
}

// wordHits scans the index for the keys starting with any alternative of
// one query word.
func wordHits(t *txn, alts []string) (map[string]hit, error) {
	hits := map[string]hit{}
	const q = `SELECT person_id, key FROM search_keys WHERE key >= ? AND key < ? LIMIT ?`
	for _, alt := range alts {
		err := scanPrefix(t, q, alt, func(id, key string) {
			h := hits[id]
			h.exact = max(h.exact, matchScore(key, alt))
			hits[id] = h
		})
		if err != nil {
			return nil, err
		}
	}
	return hits, nil
}

func intersectWord(t *txn, hits map[string]hit, alts []string) error {
	more, err := wordHits(t, alts)
	if err != nil {
		return err
	}
	for id, h := range hits {
		m, ok := more[id]
		if !ok {
			delete(hits, id)
			continue
		}
		h.exact += m.exact
		hits[id] = h
	}
	return nil
}

// verifyWord keeps the candidates that have a key starting with one of the
// word's alternatives, reading the candidates' own keys.
func verifyWord(t *txn, hits map[string]hit, alts []string) error {
	ids := make([]string, 0, len(hits))
	for id := range hits {
		ids = append(ids, id)
	}
	rows, err := t.query(`SELECT person_id, key FROM search_keys
		WHERE person_id IN (SELECT value FROM json_each(?))`, jsonList(ids))
	if err != nil {
		return err
	}
	defer rows.Close()
	matched := map[string]hit{}
	for rows.Next() {
		var id, key string
		if err := rows.Scan(&id, &key); err != nil {
			return err
		}
		for _, alt := range alts {
			if strings.HasPrefix(key, alt) {
				m := matched[id]
				m.exact = max(m.exact, matchScore(key, alt))
				matched[id] = m
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for id, h := range hits {
		m, ok := matched[id]
		if !ok {
			delete(hits, id)
			continue
		}
		h.exact += m.exact
		hits[id] = h
	}
	return nil
}

// ranked is a live file found by a search, with its sort order.
type ranked struct {
	id    string
	exact int
	sort  string
}

// rankHits resolves merged files to the file they were merged into, drops
// deleted ones, orders the rest and reads the first limit summaries.
func rankHits(t *txn, hits map[string]hit, limit int) ([]Summary, error) {
	found, err := resolveHits(t, hits)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(found, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.exact, a.exact), strings.Compare(a.sort, b.sort), strings.Compare(a.id, b.id))
	})
	if len(found) > limit {
		found = found[:limit]
	}
	ids := make([]string, len(found))
	for i, r := range found {
		ids[i] = r.id
	}
	sums, err := summaries(t, `SELECT `+summaryCols+` FROM persons p
		WHERE p.id IN (SELECT value FROM json_each(?))`, jsonList(ids))
	if err != nil {
		return nil, err
	}
	pos := make(map[string]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	slices.SortFunc(sums, func(a, b Summary) int { return cmp.Compare(pos[a.ID], pos[b.ID]) })
	return sums, nil
}

// maxMergeChain bounds following merged_into, against a cycle that two
// desks merging crosswise could make.
const maxMergeChain = 8

func resolveHits(t *txn, hits map[string]hit) ([]ranked, error) {
	best := map[string]ranked{}
	pending := hits
	for range maxMergeChain {
		if len(pending) == 0 {
			break
		}
		next := map[string]hit{}
		if err := lookupHits(t, pending, func(id string, h hit, sort, mergedInto string, deleted bool) {
			switch {
			case deleted:
			case mergedInto != "":
				if n, ok := next[mergedInto]; !ok || h.exact > n.exact {
					next[mergedInto] = h
				}
			default:
				if b, ok := best[id]; !ok || h.exact > b.exact {
					best[id] = ranked{id: id, exact: h.exact, sort: sort}
				}
			}
		}); err != nil {
			return nil, err
		}
		pending = next
	}
	out := make([]ranked, 0, len(best))
	for _, r := range best {
		out = append(out, r)
	}
	return out, nil
}

func lookupHits(t *txn, hits map[string]hit, fn func(id string, h hit, sort, mergedInto string, deleted bool)) error {
	ids := make([]string, 0, len(hits))
	for id := range hits {
		ids = append(ids, id)
	}
	rows, err := t.query(`SELECT id, sort_key, merged_into, deleted FROM persons
		WHERE id IN (SELECT value FROM json_each(?))`, jsonList(ids))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, sort, merged string
		var deleted bool
		if err := rows.Scan(&id, &sort, &merged, &deleted); err != nil {
			return err
		}
		fn(id, hits[id], sort, merged, deleted)
	}
	return rows.Err()
}
