package store

import (
	"context"
	"fmt"

	"accueil/intake"
)

// CounsellorNames maps the staff IDs of counsellors to their login names,
// so that sheets and agendas say who wrote or will hold what. Counsellors
// only; the login names of other roles are not their business.
func (s *Store) CounsellorNames(ctx context.Context, by intake.Staff) (map[string]string, error) {
	if !isCounsellor(by.Role) {
		return nil, fmt.Errorf("store: counsellor names: %w", ErrForbidden)
	}
	rows, err := s.reader(ctx).query(`SELECT id, name FROM staff WHERE role = ?`, string(intake.RoleCounsellor))
	if err != nil {
		return nil, fmt.Errorf("store: counsellor names: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("store: counsellor names: %w", err)
		}
		out[id] = name
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: counsellor names: %w", err)
	}
	return out, nil
}
