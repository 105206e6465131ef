package store

import (
	"context"
	"encoding/json"
	"fmt"

	"accueil/intake"
)

// Summary is what lists and search results show of a person.
type Summary struct {
	ID                 string
	Surname            string
	GivenNames         string
	SurnameOriginal    string
	GivenNamesOriginal string
	BirthDate          intake.Date
	BirthDateApprox    bool
	Nationality        string
	Permit             intake.Permit
	Status             intake.Status
	ArrivalDate        intake.Date
	NNumber            string
	HouseholdID        string
	Relation           intake.Relation
}

// ListFilter chooses the persons a list shows.
type ListFilter int

// Lists of the desk's home screen.
const (
	// ListAll: every file neither deleted nor merged.
	ListAll ListFilter = iota
	// ListArrivedToday: checked in today.
	ListArrivedToday
	// ListExpected: attributed but not yet checked in.
	ListExpected
)

// summaryCols are the persons columns scanSummary reads, prefixed p.
const summaryCols = `p.id, p.surname, p.given_names, p.surname_original, p.given_names_original,
	p.birth_date, p.birth_date_approx, p.nationality, p.permit, p.status, p.arrival_date,
	p.n_number, p.household_id, p.relation`

func scanSummary(r rowScanner, extra ...any) (Summary, error) {
	var s Summary
	var birth, arrival, permit, status, relation string
	dest := append([]any{&s.ID, &s.Surname, &s.GivenNames, &s.SurnameOriginal, &s.GivenNamesOriginal,
		&birth, &s.BirthDateApprox, &s.Nationality, &permit, &status, &arrival,
		&s.NNumber, &s.HouseholdID, &relation}, extra...)
	if err := r.Scan(dest...); err != nil {
		return s, err
	}
	s.BirthDate, _ = intake.ParseDate(birth)
	s.ArrivalDate, _ = intake.ParseDate(arrival)
	s.Permit, s.Status, s.Relation = intake.Permit(permit), intake.Status(status), intake.Relation(relation)
	return s, nil
}

// List returns one page of a list, ordered by name, and the list's length.
func (s *Store) List(ctx context.Context, by intake.Staff, f ListFilter, today intake.Date, limit, offset int) ([]Summary, int, error) {
	if !by.Role.Valid() {
		return nil, 0, fmt.Errorf("store: list: %w", ErrForbidden)
	}
	where, args := listWhere(f, today)
	r := s.reader(ctx)
	var total int
	if err := r.queryRow(`SELECT count(*) FROM persons p WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: list: %w", err)
	}
	out, err := summaries(r, `SELECT `+summaryCols+` FROM persons p WHERE `+where+
		` ORDER BY p.sort_key, p.id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: list: %w", err)
	}
	return out, total, nil
}

func listWhere(f ListFilter, today intake.Date) (string, []any) {
	switch f {
	case ListArrivedToday:
		return `p.live = 1 AND p.arrival_date = ? AND p.status = ?`, []any{today.String(), string(intake.StatusArrived)}
	case ListExpected:
		return `p.live = 1 AND p.status = ?`, []any{string(intake.StatusExpected)}
	}
	return `p.live = 1`, nil
}

func summaries(q querier, query string, args ...any) ([]Summary, error) {
	rows, err := q.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		s, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Count returns the number of files neither deleted nor merged.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.reader(ctx).queryRow(`SELECT count(*) FROM persons WHERE live = 1`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	return n, nil
}

// jsonList encodes ids for json_each, which lets one prepared statement
// take a list of any length.
func jsonList(ids []string) string {
	b, _ := json.Marshal(ids)
	return string(b)
}
