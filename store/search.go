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
	x, err := s.currentIndex(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	defer x.mu.RUnlock()
	return x.rankHits(x.findHits(text).m, limit), nil
}

func (x *index) findHits(text string) hits {
	if d, err := intake.ParseDate(text); err == nil && !d.IsZero() {
		return x.births.scanRange(d.String(), false)
	}
	if strings.ContainsFunc(text, unicode.IsDigit) {
		return x.identifierHits(intake.NormaliseIdentifier(text))
	}
	return x.nameHits(queryWords(text))
}

// identifierHits finds N and ZEMIS numbers starting with norm. Staff often
// leave out the letter of an N number, so digits alone also try "N".
func (x *index) identifierHits(norm string) hits {
	all := hits{m: map[string]hit{}, complete: true}
	if norm == "" {
		return all
	}
	prefixes := []string{norm}
	if norm[0] >= '0' && norm[0] <= '9' {
		prefixes = append(prefixes, "N"+norm)
	}
	for _, pre := range prefixes {
		all.union(x.nums.scanRange(pre, true))
	}
	return all
}

// scanRange collects, up to scanCap, the files under keys equal to key
// or, with prefix, starting with it.
func (ps *postings) scanRange(key string, prefix bool) hits {
	hi := key + "\x00"
	if prefix {
		hi = key + "\U0010FFFF"
	}
	h := hits{m: map[string]hit{}, complete: true}
	n := 0
	ps.scan(key, hi, func(e kentry) bool {
		if n++; n > scanCap {
			h.complete = false
			return false
		}
		score := matchScore(e.key, key)
		if old, ok := h.m[e.p.id()]; !ok || score > old.score {
			h.m[e.p.id()] = hit{score: score, sort: e.p.Sort}
		}
		return true
	})
	return h
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
func (x *index) nameHits(words [][]string) hits {
	if len(words) == 0 {
		return hits{m: map[string]hit{}, complete: true}
	}
	if len(words) > maxSearchWords {
		words = words[:maxSearchWords]
	}
	scans := make([]hits, len(words))
	for i, alts := range words {
		scans[i] = x.wordHits(alts)
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
		if !scans[i].complete && len(acc.m) <= verifyMax {
			x.verifyWord(acc.m, words[i])
		} else {
			acc.intersect(scans[i])
		}
	}
	return acc
}

// wordHits scans the index for the keys starting with any alternative of
// one query word.
func (x *index) wordHits(alts []string) hits {
	all := hits{m: map[string]hit{}, complete: true}
	for _, alt := range alts {
		all.union(x.names.scanRange(alt, true))
	}
	return all
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
func (x *index) verifyWord(m map[string]hit, alts []string) {
	for id, h := range m {
		best, found := 0, false
		if p := x.byID[id]; p != nil {
			for _, key := range p.Keys {
				for _, alt := range alts {
					if sc := matchScore(key, alt); strings.HasPrefix(key, alt) && (!found || sc > best) {
						best, found = sc, true
					}
				}
			}
		}
		if !found {
			delete(m, id)
			continue
		}
		h.score += best
		m[id] = h
	}
}

// ranked is a candidate in result order.
type ranked struct {
	id string
	hit
}

func byRank(a, b ranked) int {
	return cmp.Or(cmp.Compare(b.score, a.score), strings.Compare(a.sort, b.sort), strings.Compare(a.id, b.id))
}

// rankHits orders the candidates and returns the summaries of the first
// limit of them: a merged file is replaced by the file it went into, a
// deleted one dropped, and the next candidates fill the gap.
func (x *index) rankHits(m map[string]hit, limit int) []Summary {
	order := make([]ranked, 0, len(m))
	for id, h := range m {
		order = append(order, ranked{id, h})
	}
	slices.SortFunc(order, byRank)
	var out []ranked
	shown := map[string]bool{}
	for _, r := range order {
		if len(out) >= limit {
			break
		}
		if p := x.resolve(r.id); p != nil && !shown[p.id()] {
			shown[p.id()] = true
			out = append(out, ranked{id: p.id(), hit: hit{score: r.score, sort: p.Sort}})
		}
	}
	slices.SortFunc(out, byRank)
	sums := make([]Summary, len(out))
	for i, r := range out {
		sums[i] = x.byID[r.id].Summary
	}
	return sums
}

// maxMergeChain bounds following merged_into, against a cycle that two
// desks merging crosswise could make.
const maxMergeChain = 8

// resolve follows merges to the live file id went into; nil for a
// deleted file or a chain that does not end.
func (x *index) resolve(id string) *pentry {
	for range maxMergeChain {
		p := x.byID[id]
		switch {
		case p == nil, p.Deleted:
			return nil
		case p.Merged == "":
			return p
		}
		id = p.Merged
	}
	return nil
}
