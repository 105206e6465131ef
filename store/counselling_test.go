package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/i18n"
	"accueil/intake"
	"accueil/intake/counselling"
)

// household saves a household of fictitious persons and returns their IDs.
func household(t testing.TB, s *Store, names ...string) (string, []string) {
	t.Helper()
	ctx := context.Background()
	h, err := s.SaveHousehold(ctx, reception, intake.Household{Name: "Testperson"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i, n := range names {
		p := person("Testperson", n, "N 000 000 0"+string(rune('1'+i)))
		p.HouseholdID = h.ID
		out, _ := save(t, s, reception, p, nil)
		ids = append(ids, out.ID)
	}
	return h.ID, ids
}

func TestCounsellingRoles(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	_, ids := household(t, s, "Alpha")
	c, err := s.OpenCase(ctx, counsellor, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(ctx, counsellor, c.ID, "Synthetic note text"); err != nil {
		t.Fatal(err)
	}
	calls := map[string]func(by intake.Staff) error{
		"open case": func(by intake.Staff) error { _, err := s.OpenCase(ctx, by, ids[0]); return err },
		"case of":   func(by intake.Staff) error { _, _, err := s.CaseOf(ctx, by, ids[0]); return err },
		"case file": func(by intake.Staff) error { _, err := s.CaseFile(ctx, by, c.ID); return err },
		"notes":     func(by intake.Staff) error { _, err := s.Notes(ctx, by, c.ID); return err },
		"add note":  func(by intake.Staff) error { _, err := s.AddNote(ctx, by, c.ID, "x"); return err },
		"advance": func(by intake.Staff) error {
			_, err := s.AdvanceCase(ctx, by, c.ID, counselling.StepWithdrawn, "test")
			return err
		},
		"agenda": func(by intake.Staff) error {
			_, err := s.Agenda(ctx, by, time.Now(), time.Now().Add(time.Hour))
			return err
		},
		"sheet export": func(by intake.Staff) error { return s.RecordSheetExport(ctx, by, c.ID) },
	}
	for name, call := range calls {
		for _, by := range []intake.Staff{reception, health, admin} {
			t.Run(name+"/"+string(by.Role), func(t *testing.T) {
				if err := call(by); !errors.Is(err, ErrForbidden) {
					t.Fatalf("err = %v, want ErrForbidden", err)
				}
			})
		}
	}
	t.Run("statistics for admin", func(t *testing.T) {
		st, err := s.CounsellingStatistics(ctx, admin)
		if err != nil || st.Cases != 1 {
			t.Fatalf("stats = %+v, %v", st, err)
		}
		if _, err := s.CounsellingStatistics(ctx, reception); !errors.Is(err, ErrForbidden) {
			t.Fatalf("reception stats: %v", err)
		}
	})
}

func TestNotesNotExported(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	_, ids := household(t, s, "Alpha")
	c, err := s.OpenCase(ctx, counsellor, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	const secret = "Synthetic confidential remark"
	if _, err := s.AddNote(ctx, counsellor, c.ID, secret); err != nil {
		t.Fatal(err)
	}
	for _, by := range []intake.Staff{reception, health, admin, counsellor} {
		t.Run(string(by.Role), func(t *testing.T) {
			persons, err := s.Export(ctx, by)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range persons {
				for f, v := range p.Values() {
					if strings.Contains(v, secret) {
						t.Fatalf("export field %s holds the note", f)
					}
				}
			}
		})
	}
}

func TestNotesKeepAuthor(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	_, ids := household(t, s, "Alpha")
	c, _ := s.OpenCase(ctx, counsellor, ids[0])
	other := intake.Staff{ID: "staff-counsellor-2", Name: "counsellor2", Role: intake.RoleCounsellor}
	for _, by := range []intake.Staff{counsellor, other} {
		if _, err := s.AddNote(ctx, by, c.ID, "Note by "+by.Name); err != nil {
			t.Fatal(err)
		}
	}
	notes, err := s.Notes(ctx, counsellor, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || notes[0].Author != counsellor.ID || notes[1].Author != other.ID || notes[1].Text != "Note by counsellor2" {
		t.Fatalf("notes = %+v", notes)
	}
	if _, err := s.AddNote(ctx, counsellor, c.ID, "   "); counselling.MessageID(err) != counselling.MsgTextRequired {
		t.Fatalf("empty note: %v", err)
	}
	mustCheck(t, s)
}

func TestCaseSurvivesHouseholdChange(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	hh, ids := household(t, s, "Alpha", "Beta")
	c, err := s.OpenCase(ctx, counsellor, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AdvanceCase(ctx, counsellor, c.ID, counselling.StepSituationAnalysis, ""); err != nil {
		t.Fatal(err)
	}
	// Beta leaves the household, Gamma joins it.
	beta, vers, err := s.Person(ctx, reception, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	beta.HouseholdID = ""
	save(t, s, reception, beta, vers)
	g := person("Testperson", "Gamma", "N 000 000 09")
	g.HouseholdID = hh
	gamma, _ := save(t, s, reception, g, nil)

	again, err := s.OpenCase(ctx, counsellor, gamma.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != c.ID || len(again.History) != 2 || again.Step != counselling.StepSituationAnalysis {
		t.Fatalf("case after the change = %+v", again)
	}
	f, err := s.CaseFile(ctx, counsellor, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range f.Members {
		names = append(names, m.GivenNames)
	}
	if strings.Join(names, ",") != "Alpha,Gamma" {
		t.Fatalf("members = %v", names)
	}
	if other, _ := s.OpenCase(ctx, counsellor, beta.ID); other.ID == c.ID {
		t.Fatal("a person who left the household still finds its case")
	}
	mustCheck(t, s)
}

func TestAdvanceCaseStore(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	_, ids := household(t, s, "Alpha")
	c, _ := s.OpenCase(ctx, counsellor, ids[0])
	if _, err := s.AdvanceCase(ctx, counsellor, c.ID, counselling.StepTravelDocuments, ""); !errors.Is(err, &counselling.Error{ID: counselling.MsgSkipNeedsReason}) {
		t.Fatalf("skip without reason: %v", err)
	}
	got, err := s.AdvanceCase(ctx, counsellor, c.ID, counselling.StepDeparturePaid, "Documents already at hand")
	if err != nil {
		t.Fatal(err)
	}
	if got.Step != counselling.StepDeparturePaid || got.History[1].Reason != "Documents already at hand" || got.History[1].By != counsellor.ID {
		t.Fatalf("case = %+v", got)
	}
	if err := s.SaveCaseDetails(ctx, counsellor, c.ID, counselling.Details{Country: "SY", Granted: 4100,
		Documents: map[counselling.DocumentKind]counselling.DocumentStatus{counselling.DocTravelDocument: counselling.DocReceived}}); err != nil {
		t.Fatal(err)
	}
	st, err := s.CounsellingStatistics(ctx, counsellor)
	if err != nil {
		t.Fatal(err)
	}
	month := s.today().String()[:7]
	if st.Granted != 4100 || st.ByStep[counselling.StepDeparturePaid] != 1 || st.Departures[month] != 1 || st.ByCountry["SY"] != 1 {
		t.Fatalf("stats = %+v", st)
	}
	f, _ := s.CaseFile(ctx, counsellor, c.ID)
	if f.Details.Document(counselling.DocTravelDocument) != counselling.DocReceived || f.Details.Document(counselling.DocCivilStatus) != counselling.DocMissing {
		t.Fatalf("documents = %+v", f.Details.Documents)
	}
	mustCheck(t, s)
}

func TestAgendaAndAudit(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	_, ids := household(t, s, "Alpha")
	c, _ := s.OpenCase(ctx, counsellor, ids[0])
	monday := time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)
	for _, at := range []time.Time{monday.Add(33 * time.Hour), monday.Add(9 * time.Hour), monday.AddDate(0, 0, 8)} {
		if _, err := s.SaveAppointment(ctx, counsellor, counselling.Appointment{CaseID: c.ID, At: at, Place: "Office 2", InterpreterLanguage: "ti"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SaveAppointment(ctx, counsellor, counselling.Appointment{CaseID: c.ID, At: monday}); counselling.MessageID(err) != counselling.MsgPlaceRequired {
		t.Fatalf("no place: %v", err)
	}
	week, err := s.Agenda(ctx, counsellor, monday, monday.AddDate(0, 0, 7))
	if err != nil {
		t.Fatal(err)
	}
	if len(week) != 2 || week[0].At.Hour() != 9 || week[0].Name != "Testperson Alpha" || week[0].Counsellor != counsellor.ID {
		t.Fatalf("week = %+v", week)
	}
	if _, err := s.Notes(ctx, counsellor, c.ID); err != nil {
		t.Fatal(err)
	}
	log, err := s.Audit(ctx, admin, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[Action]bool{}
	for _, e := range log {
		seen[e.Action] = true
	}
	for _, a := range []Action{ActionCaseOpen, ActionCaseWrite, ActionAgendaRead, ActionNoteRead} {
		if !seen[a] {
			t.Errorf("no audit row %s", a)
		}
	}
	mustCheck(t, s)
}

func TestCounsellingSyncsToAnotherDesk(t *testing.T) {
	a, b := openTest(t), openTest(t)
	ctx := context.Background()
	_, ids := household(t, a, "Alpha")
	c, _ := a.OpenCase(ctx, counsellor, ids[0])
	if _, err := a.AddNote(ctx, counsellor, c.ID, "Synthetic note"); err != nil {
		t.Fatal(err)
	}
	evs, err := a.Outbox(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.ApplyRemote(ctx, evs); err != nil {
		t.Fatal(err)
	}
	got, found, err := b.CaseOf(ctx, counsellor, ids[0])
	if err != nil || !found || got.ID != c.ID || got.Step != counselling.StepFirstContact {
		t.Fatalf("case on the other desk = %+v %v %v", got, found, err)
	}
	if notes, err := b.Notes(ctx, counsellor, c.ID); err != nil || len(notes) != 1 {
		t.Fatalf("notes = %v %v", notes, err)
	}
	mustCheck(t, b)
}

func TestCounsellorNames(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	first, err := s.CreateStaff(ctx, nil, "admin", "long enough password", intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateStaff(ctx, &first, "counsellor1", "long enough password", intake.RoleCounsellor)
	if err != nil {
		t.Fatal(err)
	}
	names, err := s.CounsellorNames(ctx, c)
	if err != nil || len(names) != 1 || names[c.ID] != "counsellor1" {
		t.Fatalf("names = %v, %v", names, err)
	}
	if _, err := s.CounsellorNames(ctx, reception); !errors.Is(err, ErrForbidden) {
		t.Fatalf("reception: %v", err)
	}
}

// TestCounsellingActionNames keeps the audit viewer's names complete: every
// counselling action and entity type has a message in the staff catalogs.
func TestCounsellingActionNames(t *testing.T) {
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, a := range []Action{ActionCaseOpen, ActionCaseRead, ActionCaseWrite, ActionNoteRead, ActionNoteWrite,
		ActionAgendaRead, ActionSheetExport, ActionCounselStats} {
		ids = append(ids, "audit.action."+string(a))
	}
	for _, et := range intake.CounsellingEntityTypes() {
		ids = append(ids, "audit.entity."+string(et))
	}
	for _, id := range ids {
		if !cat.Has(id) {
			t.Errorf("no message %s", id)
		}
	}
}
