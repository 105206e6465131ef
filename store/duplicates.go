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
	var out []Candidate
	err := s.read(ctx, func(t *txn) error {
		ids, err := candidateIDs(t, p)
		if err != nil {
			return err
		}
		if err := dropDistinct(t, p.ID, ids); err != nil {
			return err
		}
		out, err = matchCandidates(t, p, ids)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: duplicates: %w", err)
	}
	return out, nil
}

// candidateIDs collects the files to compare with p. Merged files are
// dropped later, when the candidates are read. (A unary plus keeps SQLite
// from choosing the index on live, which every file shares, over the
// selective one: the desk runs without ANALYZE statistics.)
func candidateIDs(t *txn, p intake.Person) (map[string]bool, error) {
	ids := map[string]bool{}
	add := func(q string, args ...any) error {
		rows, err := t.query(q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids[id] = true
		}
		return rows.Err()
	}
	if n := intake.NormaliseIdentifier(p.NNumber); n != "" {
		if err := add(`SELECT id FROM persons WHERE deleted = 0 AND n_norm = ?`, n); err != nil {
			return nil, err
		}
	}
	if z := intake.NormaliseIdentifier(p.ZEMISNumber); z != "" {
		if err := add(`SELECT id FROM persons WHERE deleted = 0 AND zemis_norm = ?`, z); err != nil {
			return nil, err
		}
	}
	if !p.BirthDate.IsZero() {
		skeleton := duplicateLookupKeys(p)
		from := p.BirthDate.Time().AddDate(0, 0, -nameWindowDays)
		to := p.BirthDate.Time().AddDate(0, 0, nameWindowDays)
		if err := add(`SELECT DISTINCT k.person_id FROM skeleton_keys k JOIN persons p ON p.id = k.person_id
			WHERE k.key IN (SELECT value FROM json_each(?)) AND p.birth_date BETWEEN ? AND ? LIMIT ?`,
			jsonList(skeleton), intake.DateOf(from).String(), intake.DateOf(to).String(), maxNameCandidates); err != nil {
			return nil, err
		}
	}
	delete(ids, p.ID)
	return ids, nil
}

// dropDistinct removes the files staff already said are not p.
func dropDistinct(t *txn, id string, ids map[string]bool) error {
	if id == "" || len(ids) == 0 {
		return nil
	}
	rows, err := t.query(`SELECT b FROM distinct_pairs WHERE a = ? UNION SELECT a FROM distinct_pairs WHERE b = ?`, id, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var other string
		if err := rows.Scan(&other); err != nil {
			return err
		}
		delete(ids, other)
	}
	return rows.Err()
}

func matchCandidates(t *txn, p intake.Person, ids map[string]bool) ([]Candidate, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	rows, err := t.query(`SELECT `+summaryCols+`, p.zemis_number, p.sort_key FROM persons p
		WHERE p.id IN (SELECT value FROM json_each(?)) AND +p.live = 1`, jsonList(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Candidate
	sortKeys := map[string]string{}
	for rows.Next() {
		var zemis, sk string
		sum, err := scanSummary(rows, &zemis, &sk)
		if err != nil {
			return nil, err
		}
		if reasons := intake.MatchReasons(p, summaryPerson(sum, zemis)); len(reasons) > 0 {
			out = append(out, Candidate{Summary: sum, Reasons: reasons})
			sortKeys[sum.ID] = sk
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(len(b.Reasons), len(a.Reasons)),
			cmp.Compare(sortKeys[a.Summary.ID], sortKeys[b.Summary.ID]), cmp.Compare(a.Summary.ID, b.Summary.ID))
	})
	return out, nil
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
