package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"accueil/intake"
)

// Candidate is a stored file that may be the same person as the one being
// entered, and why.
type Candidate struct {
	Summary Summary
	Reasons []intake.Reason
}

// nameWindowDays bounds the dates of birth read for name candidates: the
// duplicate rule accepts at most a year's difference (approximate dates).
const nameWindowDays = 366

// maxNameCandidates bounds the files read for a common name skeleton.
const maxNameCandidates = 500

// Duplicates returns the live files that may be the same person as p: the
// same N or ZEMIS number, or a name sharing a skeleton key with a close
// date of birth, as intake.MatchReasons decides. p itself and pairs staff
// marked as different persons are left out. Numbers first, then by name.
func (s *Store) Duplicates(ctx context.Context, by intake.Staff, p intake.Person) ([]Candidate, error) {
	if !by.Role.Valid() {
		return nil, fmt.Errorf("store: duplicates: %w", ErrForbidden)
	}
	x, err := s.currentIndex(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: duplicates: %w", err)
	}
	defer x.mu.RUnlock()
	ids := x.candidateIDs(p)
	if err := dropDistinct(s.reader(ctx), p.ID, ids); err != nil {
		return nil, fmt.Errorf("store: duplicates: %w", err)
	}
	return x.matchCandidates(p, ids), nil
}

// candidateIDs collects the files to compare with p: same N or ZEMIS
// number, or a name skeleton with a year of birth close to p's. Merged
// files are dropped later, when the candidates are read.
func (x *index) candidateIDs(p intake.Person) map[string]bool {
	ids := map[string]bool{}
	add := func(ps *postings, key string, keep func(*pentry) bool, max int) {
		n := 0
		ps.scan(key, key+"\x00", func(e kentry) bool {
			if keep(e.p) {
				ids[e.p.id()] = true
				n++
			}
			return n < max
		})
	}
	all := func(*pentry) bool { return true }
	for _, num := range []string{p.NNumber, p.ZEMISNumber} {
		if n := intake.NormaliseIdentifier(num); n != "" {
			add(&x.nums, n, all, scanCap)
		}
	}
	if !p.BirthDate.IsZero() {
		from := intake.DateOf(p.BirthDate.Time().AddDate(0, 0, -nameWindowDays)).String()
		to := intake.DateOf(p.BirthDate.Time().AddDate(0, 0, nameWindowDays)).String()
		near := func(q *pentry) bool {
			b := q.Summary.BirthDate.String()
			return b >= from && b <= to
		}
		for _, k := range dedupe(duplicateLookupKeys(p)) {
			add(&x.skels, k, near, maxNameCandidates)
		}
	}
	delete(ids, p.ID)
	return ids
}

// dropDistinct removes the files staff already said are not p.
func dropDistinct(q querier, id string, ids map[string]bool) error {
	if id == "" || len(ids) == 0 {
		return nil
	}
	others, err := idList(q, `SELECT b FROM distinct_pairs WHERE a = ? UNION SELECT a FROM distinct_pairs WHERE b = ?`, id, id)
	for _, o := range others {
		delete(ids, o)
	}
	return err
}

// matchCandidates keeps the live candidates the duplicate rule accepts,
// numbers first, then by name.
func (x *index) matchCandidates(p intake.Person, ids map[string]bool) []Candidate {
	var out []Candidate
	sortKeys := map[string]string{}
	for id := range ids {
		c := x.byID[id]
		if c == nil || !c.Live {
			continue
		}
		if reasons := intake.MatchReasons(p, summaryPerson(c.Summary, c.ZEMIS)); len(reasons) > 0 {
			out = append(out, Candidate{Summary: c.Summary, Reasons: reasons})
			sortKeys[id] = c.Sort
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(len(b.Reasons), len(a.Reasons)),
			cmp.Compare(sortKeys[a.Summary.ID], sortKeys[b.Summary.ID]), cmp.Compare(a.Summary.ID, b.Summary.ID))
	})
	return out
}

// MarkDistinct records that a and b are different persons, so that the
// pair is never offered as a duplicate again. Marking a pair twice is
// harmless.
func (s *Store) MarkDistinct(ctx context.Context, by intake.Staff, a, b string) error {
	if !by.Role.CanEditPersons() {
		return fmt.Errorf("store: mark distinct: %w", ErrForbidden)
	}
	if a == b || a == "" || b == "" {
		return fmt.Errorf("store: mark distinct: %w", ErrInvalid)
	}
	a, b = orderedPair(a, b)
	err := s.write(ctx, func(t *txn) error {
		var n int
		if err := t.queryRow(`SELECT count(*) FROM persons WHERE id IN (?, ?)`, a, b).Scan(&n); err != nil {
			return err
		}
		if n != 2 {
			return ErrNotFound
		}
		var known int
		if err := t.queryRow(`SELECT count(*) FROM distinct_pairs WHERE a = ? AND b = ?`, a, b).Scan(&known); err != nil || known > 0 {
			return err
		}
		return t.decideDistinct(by, a, b)
	})
	if err != nil {
		return fmt.Errorf("store: mark distinct: %w", err)
	}
	return nil
}

func (t *txn) decideDistinct(by intake.Staff, a, b string) error {
	id, err := newID()
	if err != nil {
		return err
	}
	ev, err := t.newEvent(intake.EntityDecision, id, by, []intake.Change{
		{Field: FieldDecision, Value: DecisionDistinct},
		{Field: FieldPersonA, Value: a},
		{Field: FieldPersonB, Value: b},
	})
	if err != nil {
		return err
	}
	if err := t.record(ev); err != nil {
		return err
	}
	for _, p := range []string{a, b} {
		if err := t.audit(by, ActionDistinct, intake.EntityPerson, p, ev.ID); err != nil {
			return err
		}
	}
	return nil
}

// summaryPerson is the part of a person the duplicate rule reads.
func summaryPerson(s Summary, zemis string) intake.Person {
	return intake.Person{
		ID: s.ID, Surname: s.Surname, GivenNames: s.GivenNames,
		SurnameOriginal: s.SurnameOriginal, GivenNamesOriginal: s.GivenNamesOriginal,
		BirthDate: s.BirthDate, BirthDateApprox: s.BirthDateApprox, Nationality: s.Nationality,
		NNumber: s.NNumber, ZEMISNumber: zemis,
	}
}
