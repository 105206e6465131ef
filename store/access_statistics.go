package store

import (
	"context"
	"fmt"

	"accueil/intake"
)

// IntakeStatistics are aggregate counts over the live person files: no
// name, date of birth or identifier, only the columns kept in clear for
// lists and statistics.
type IntakeStatistics struct {
	Total         int
	ByStatus      map[intake.Status]int
	ByPermit      map[intake.Permit]int
	ByNationality map[string]int
	// ArrivalsByMonth counts arrival dates by month, "2026-03".
	ArrivalsByMonth map[string]int
}

// IntakeStatistics counts the live person files. For the statistics role
// and admins; audited.
func (s *Store) IntakeStatistics(ctx context.Context, by intake.Staff) (IntakeStatistics, error) {
	if !by.Role.CanReadStatistics() {
		return IntakeStatistics{}, fmt.Errorf("store: statistics: %w", ErrForbidden)
	}
	st := IntakeStatistics{ByStatus: map[intake.Status]int{}, ByPermit: map[intake.Permit]int{},
		ByNationality: map[string]int{}, ArrivalsByMonth: map[string]int{}}
	err := s.write(ctx, func(t *txn) error {
		if err := t.queryRow(`SELECT count(*) FROM persons WHERE live = 1`).Scan(&st.Total); err != nil {
			return err
		}
		if err := countBy(t, `status`, func(k string, n int) { st.ByStatus[intake.Status(k)] = n }); err != nil {
			return err
		}
		if err := countBy(t, `permit`, func(k string, n int) { st.ByPermit[intake.Permit(k)] = n }); err != nil {
			return err
		}
		if err := countBy(t, `nationality`, func(k string, n int) { st.ByNationality[k] = n }); err != nil {
			return err
		}
		if err := countBy(t, `substr(arrival_date, 1, 7)`, func(k string, n int) {
			if k != "" {
				st.ArrivalsByMonth[k] = n
			}
		}); err != nil {
			return err
		}
		return t.audit(by, ActionStatistics, "statistics", "", "")
	})
	if err != nil {
		return IntakeStatistics{}, fmt.Errorf("store: statistics: %w", err)
	}
	return st, nil
}

// countBy counts live files grouped by expr, one of the fixed expressions
// above (never caller input).
func countBy(t *txn, expr string, put func(string, int)) error {
	rows, err := t.query(`SELECT ` + expr + `, count(*) FROM persons WHERE live = 1 GROUP BY 1`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		put(k, n)
	}
	return rows.Err()
}
