package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"accueil/intake"
)

func TestRetentionAnonymisesFilesOfPeopleWhoLeft(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	clock := pinClock(s)

	left := person("Testperson", "Alpha", "N 000 000 01")
	left.ZEMISNumber = "00000001"
	left.HealthNotes = "synthetic health note"
	left.DietaryNeeds = "synthetic diet"
	left, vers := save(t, s, health, left, nil)
	left.Status = intake.StatusLeft
	save(t, s, health, left, vers)
	stays, _ := save(t, s, reception, person("Testperson", "Beta", "N 000 000 02"), nil)
	recent, rv := save(t, s, reception, person("Testperson", "Gamma", "N 000 000 03"), nil)

	clock.add(2*365*24*time.Hour + 48*time.Hour) // the first left over two years ago
	recent.Status = intake.StatusLeft
	save(t, s, reception, recent, rv) // left today

	if _, err := s.RetentionPreview(ctx, reception); !errors.Is(err, ErrForbidden) {
		t.Errorf("reception preview: %v", err)
	}
	plan, err := s.RetentionPreview(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(plan.Persons, []string{left.ID}) || !slices.Contains(plan.Fields, intake.FieldHealthNotes) {
		t.Fatalf("preview = %+v, want only the file that left two years ago", plan)
	}
	sent, err := s.Outbox(ctx, 1000) // as the central holds them
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.Anonymise(ctx, admin, plan)
	if err != nil || n != 1 {
		t.Fatalf("Anonymise = %d, %v", n, err)
	}

	t.Run("identity gone, statistics kept", func(t *testing.T) {
		got, _, err := s.Person(ctx, health, left.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Surname != "" || got.GivenNames != "" || got.NNumber != "" || got.ZEMISNumber != "" ||
			got.HealthNotes != "" || got.DietaryNeeds != "" {
			t.Errorf("identity left: %+v", got)
		}
		if got.BirthDate.String() != "1990-01-01" || !got.BirthDateApprox || got.Nationality != "SY" ||
			got.Permit != intake.PermitN || got.Status != intake.StatusLeft {
			t.Errorf("statistics fields lost: %+v", got)
		}
	})
	t.Run("not found by search", func(t *testing.T) {
		for _, q := range []string{"Testperson Alpha", "Alpha", "N 000 000 01", "00000001"} {
			res, err := s.Search(ctx, admin, q, 10)
			if err != nil {
				t.Fatal(err)
			}
			if slices.Contains(ids(res), left.ID) {
				t.Errorf("search %q finds the anonymised file", q)
			}
		}
		if res, _ := s.Search(ctx, admin, "Beta", 10); !slices.Contains(ids(res), stays.ID) {
			t.Error("search lost another file")
		}
	})
	t.Run("history shows no old identity", func(t *testing.T) {
		for _, by := range []intake.Staff{reception, health, admin} {
			evs, err := s.History(ctx, by, left.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range evs {
				for _, c := range ev.Changes {
					if strings.Contains(c.Value, "Alpha") || strings.Contains(c.Value, "000 000 01") ||
						strings.Contains(c.Value, "synthetic") || c.Value == "1990-04-12" {
						t.Errorf("%s sees %s = %q in the history", by.Role, c.Field, c.Value)
					}
				}
			}
		}
	})
	t.Run("old events cannot be opened any more", func(t *testing.T) {
		// Below every history filter: the log itself, read with the
		// desk's keys, gives nothing of the events before anonymisation.
		evs, err := entityEvents(s.reader(ctx), left.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) < 3 {
			t.Fatalf("%d events in the log, want the two saves and the anonymisation", len(evs))
		}
		for _, ev := range evs[:len(evs)-1] {
			if len(ev.Changes) != 0 {
				t.Errorf("event %s before anonymisation still opens: %v", ev.ID, ev.Changes)
			}
		}
		if last := evs[len(evs)-1]; len(last.Changes) == 0 {
			t.Error("the anonymisation event does not open under the new key")
		}
	})
	t.Run("the central sending old events again is no conflict", func(t *testing.T) {
		if _, err := s.ApplyRemote(ctx, sent); err != nil {
			t.Fatalf("replay of the events from before anonymisation: %v", err)
		}
		if got, _, err := s.Person(ctx, admin, left.ID); err != nil || got.Surname != "" {
			t.Fatalf("replay brought the identity back: %q, %v", got.Surname, err)
		}
	})
	t.Run("audited, and not due again", func(t *testing.T) {
		got, err := s.AuditQuery(ctx, admin, AuditQuery{PersonID: left.ID, Actions: []Action{ActionAnonymise}})
		if err != nil || len(got) != 1 {
			t.Errorf("anonymisation audit: %v, %v", got, err)
		}
		again, err := s.RetentionPreview(ctx, admin)
		if err != nil || len(again.Persons) != 0 {
			t.Errorf("second preview: %+v, %v", again, err)
		}
		mustCheck(t, s)
	})
}

func TestRetentionYearsSetting(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if y, err := s.RetentionYears(ctx); err != nil || y != DefaultRetentionYears {
		t.Fatalf("default = %d, %v", y, err)
	}
	tests := []struct {
		by    intake.Staff
		years int
		want  error
	}{{admin, 5, nil}, {reception, 3, ErrForbidden}, {admin, 0, ErrInvalid}, {admin, 31, ErrInvalid}}
	for _, tt := range tests {
		t.Run(string(tt.by.Role), func(t *testing.T) {
			if err := s.SetRetentionYears(ctx, tt.by, tt.years); !errors.Is(err, tt.want) {
				t.Errorf("SetRetentionYears(%d): %v, want %v", tt.years, err, tt.want)
			}
		})
	}
	if y, _ := s.RetentionYears(ctx); y != 5 {
		t.Errorf("years = %d, want 5", y)
	}
}

// A file anonymised at one desk is anonymised at every desk that applies
// the event: their own key of it is destroyed too, so that no history and
// no readable event there keeps the old identity.
func TestAnonymisationReachesOtherDesks(t *testing.T) {
	ctx := context.Background()
	here, there := openTest(t), openTest(t)
	clock, clockThere := pinClock(here), pinClock(there)
	p := person("Testperson", "Omega", "N 000 000 09")
	p.Status = intake.StatusLeft
	p, _ = save(t, here, reception, p, nil)
	send := func(from, to *Store) {
		t.Helper()
		evs, err := from.Outbox(ctx, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := to.ApplyRemote(ctx, evs); err != nil {
			t.Fatal(err)
		}
		ids := make([]string, len(evs))
		for i, ev := range evs {
			ids[i] = ev.ID
		}
		if err := from.Acknowledge(ctx, ids); err != nil {
			t.Fatal(err)
		}
	}
	send(here, there)
	if got, _, err := there.Person(ctx, admin, p.ID); err != nil || got.GivenNames != "Omega" {
		t.Fatalf("the other desk before anonymisation: %q, %v", got.GivenNames, err)
	}
	clock.add(3 * 365 * 24 * time.Hour)
	clockThere.add(3 * 365 * 24 * time.Hour)
	plan, err := here.RetentionPreview(ctx, admin)
	if err != nil || len(plan.Persons) != 1 {
		t.Fatalf("preview: %+v, %v", plan, err)
	}
	if _, err := here.Anonymise(ctx, admin, plan); err != nil {
		t.Fatal(err)
	}
	send(here, there)
	got, _, err := there.Person(ctx, health, p.ID)
	if err != nil || got.GivenNames != "" || got.NNumber != "" || got.Nationality != p.Nationality {
		t.Fatalf("the other desk after anonymisation: %+v, %v", got, err)
	}
	evs, err := entityEvents(there.reader(ctx), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs[:len(evs)-1] {
		if len(ev.Changes) != 0 {
			t.Errorf("the other desk still opens event %s: %v", ev.ID, ev.Changes)
		}
	}
	if res, _ := there.Search(ctx, admin, "Omega", 10); len(res) != 0 {
		t.Errorf("the other desk still finds the old name: %v", res)
	}
	mustCheck(t, there)
}
