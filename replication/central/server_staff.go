package central

import (
	"net/http"
	"strconv"

	"accueil/replication"
)

// staff answers a desk's pull of the accounts changed after its version.
// Only enrolled desks in service reach it (authed); the log names the
// desk and counts, never names or hashes.
func (s *Server) staff(w http.ResponseWriter, r *http.Request, desk string) error {
	after, err := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	if err != nil || after < 0 {
		return refuse(http.StatusBadRequest, replication.CodeMalformed, "after must be a staff version (a number, 0 at first)")
	}
	recs, err := s.store.StaffAfter(r.Context(), after, replication.MaxStaffPage+1)
	if err != nil {
		return err
	}
	page := replication.StaffPage{Staff: []replication.StaffAccount{}}
	if len(recs) > replication.MaxStaffPage {
		recs, page.More = recs[:replication.MaxStaffPage], true
	}
	for _, rec := range recs {
		page.Staff = append(page.Staff, replication.AccountOf(rec))
	}
	s.log.Debug("staff", "desk", desk, "after", after, "accounts", len(page.Staff))
	writeJSON(w, http.StatusOK, page)
	return nil
}
