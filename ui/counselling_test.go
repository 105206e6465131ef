package ui

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/casefile"
	"accueil/intake"
	"accueil/intake/counselling"
	"accueil/store"
)

func auditActions(log []store.AuditEntry) string {
	var b strings.Builder
	for _, e := range log {
		b.WriteString(string(e.Action) + " ")
	}
	return b.String()
}

// counselFixture is a desk with one fictitious household on file and a
// case opened by a counsellor with one note.
func counselFixture(t *testing.T) (*fixture, intake.Person, string) {
	t.Helper()
	f := newFixture(t, language.English)
	ctx := context.Background()
	if _, err := f.store.CreateStaff(ctx, nil, "admin", testPassword, intake.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	admin, _ := f.store.Authenticate(ctx, "admin", testPassword)
	if _, err := f.store.CreateStaff(ctx, &admin, "counsellor", testPassword, intake.RoleCounsellor); err != nil {
		t.Fatal(err)
	}
	cs, _ := f.store.Authenticate(ctx, "counsellor", testPassword)
	h, _ := f.store.SaveHousehold(ctx, admin, intake.Household{Name: "Testperson"})
	p, _, err := f.store.SavePerson(ctx, admin, intake.Person{
		Surname: "Testperson", GivenNames: "Alpha", SurnameOriginal: "تست", GivenNamesOriginal: "ألفا",
		BirthDate: intake.MustDate("1985-03-01"), Nationality: "ER", NNumber: "N 000 000 01",
		HouseholdID: h.ID, Permit: intake.PermitN,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.store.OpenCase(ctx, cs, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.AddNote(ctx, cs, c.ID, "Synthetic confidential remark"); err != nil {
		t.Fatal(err)
	}
	return f, p, c.ID
}

func TestReceptionCannotReachCounselling(t *testing.T) {
	for _, role := range []intake.Role{intake.RoleReception, intake.RoleHealth, intake.RoleAdmin} {
		t.Run(string(role), func(t *testing.T) {
			f, p, caseID := counselFixture(t)
			name := string(role) + "1"
			if role == intake.RoleAdmin {
				name = "admin"
			}
			f.loginAs(name, role)
			f.desk.openPerson(p.ID)
			if f.desk.Form == nil || f.desk.Form.CounsellingButton.Visible() {
				t.Fatal("the counselling button shows for a non-counsellor")
			}
			// Even reached directly, the case refuses and shows nothing.
			f.desk.showCase(caseID)
			if f.desk.Case != nil {
				t.Fatal("the case screen opened")
			}
			if got := f.desk.status.Text; got != f.desk.loc.S("error.forbidden") {
				t.Fatalf("status = %q", got)
			}
			f.desk.showHome()
			if containsText(f, "Synthetic confidential remark") {
				t.Fatal("the note is on screen")
			}
		})
	}
}

// containsText reports whether any label on the window shows s.
func containsText(f *fixture, s string) bool {
	return strings.Contains(test.RenderToMarkup(f.win.Canvas()), s)
}

func TestCounsellorPreparesAConsultation(t *testing.T) {
	f, p, caseID := counselFixture(t)
	var pdf bytes.Buffer
	f.desk.SetCounselling(CounsellingOptions{
		Reference: mustShippedReference(t),
		SavePDF:   func(_ string, write func(io.Writer) error) { _ = write(&pdf) },
	})
	f.desk.Start()
	test.Type(f.desk.Login.Name, "counsellor")
	test.Type(f.desk.Login.Password, testPassword)
	test.Tap(f.desk.Login.Submit)
	waitAuth(t, f.desk)
	f.desk.openPerson(p.ID)
	b := f.desk.Form.CounsellingButton
	if !b.Visible() {
		t.Fatal("no counselling button for a counsellor")
	}
	test.Tap(b)
	s := f.desk.Case
	if s == nil || s.File().Case.ID != caseID {
		t.Fatalf("case screen = %+v", s)
	}
	if !containsText(f, "Synthetic confidential remark") || !containsText(f, "CHF") {
		t.Fatal("the sheet lacks the note or the amounts")
	}

	// Skipping two steps without a reason is refused in the dialog.
	test.Tap(s.Advance)
	dlg := f.desk.Case.Dialog
	dlg.Items[0].Widget.(*choice).SetValue(string(counselling.StepHomeCountryEnquiry))
	test.Tap(dlg.Save)
	if dlg.Problem.Text != f.desk.loc.S(counselling.MsgSkipNeedsReason) {
		t.Fatalf("problem = %q", dlg.Problem.Text)
	}
	typeInto(dlg.Items[1].Widget.(*keyEntry), "Situation known from the first talk")
	test.Tap(dlg.Save)
	if got := f.desk.Case.File().Case.Step; got != counselling.StepHomeCountryEnquiry {
		t.Fatalf("step = %s", got)
	}

	test.Tap(f.desk.Case.PDF)
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Fatal("no PDF written")
	}
	ctx := context.Background()
	admin, _ := f.store.Authenticate(ctx, "admin", testPassword)
	log, _ := f.store.Audit(ctx, admin, "", 0)
	if !strings.Contains(auditActions(log), "counselling_sheet_export") {
		t.Fatal("the PDF export is not audited")
	}
}

func mustShippedReference(t *testing.T) counselling.Reference {
	t.Helper()
	ref, err := casefile.LoadReference("")
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

func loginCounsellor(f *fixture) {
	f.desk.Start()
	test.Type(f.desk.Login.Name, "counsellor")
	test.Type(f.desk.Login.Password, testPassword)
	test.Tap(f.desk.Login.Submit)
	waitAuth(f.t, f.desk)
}

func TestWeekAndStatistics(t *testing.T) {
	f, _, caseID := counselFixture(t)
	ctx := context.Background()
	cs, _ := f.store.Authenticate(ctx, "counsellor", testPassword)
	monday := f.desk.todayLocal() // 23.11.2026 is a Monday
	for _, at := range []time.Time{monday.Add(34 * time.Hour), monday.AddDate(0, 0, 9)} {
		if _, err := f.store.SaveAppointment(ctx, cs, counselling.Appointment{CaseID: caseID, At: at, Place: "Office 2"}); err != nil {
			t.Fatal(err)
		}
	}
	loginCounsellor(f)
	test.Tap(f.desk.Home.Week)
	a := f.desk.Agenda
	if a == nil || len(a.Entries) != 1 || a.Entries[0].Name != "Testperson Alpha" {
		t.Fatalf("this week = %+v", a)
	}
	test.Tap(a.Next)
	if a = f.desk.Agenda; len(a.Entries) != 1 || a.Entries[0].At.Day() != 2 {
		t.Fatalf("next week = %+v", a.Entries)
	}
	// Esc on a focused button goes home.
	f.win.Canvas().Focus(a.Next)
	a.Next.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.desk.Home == nil {
		t.Fatal("Esc did not leave the week")
	}
	test.Tap(f.desk.Home.Stats)
	s := f.desk.Stats
	if s == nil || s.Stats.Cases != 1 || s.Bars["step"][f.desk.loc.S("counselling.step.first_contact")] != 1 || s.Bars["country"]["ER"] != 1 {
		t.Fatalf("stats = %+v", s)
	}
}

func TestAdminSeesStatisticsOnly(t *testing.T) {
	f, _, _ := counselFixture(t)
	f.loginAs("admin", intake.RoleAdmin)
	if f.desk.Home.Week.Visible() || !f.desk.Home.Stats.Visible() {
		t.Fatal("admin: want statistics and no week")
	}
	test.Tap(f.desk.Home.Stats)
	if f.desk.Stats == nil || f.desk.Stats.Stats.Cases != 1 {
		t.Fatal("admin statistics not shown")
	}
}

func TestTickAQuestionAnswered(t *testing.T) {
	f, p, caseID := counselFixture(t)
	ctx := context.Background()
	cs, _ := f.store.Authenticate(ctx, "counsellor", testPassword)
	if err := f.store.AddQuestion(ctx, cs, caseID, "Synthetic question"); err != nil {
		t.Fatal(err)
	}
	loginCounsellor(f)
	f.desk.openPerson(p.ID)
	test.Tap(f.desk.Form.CounsellingButton)
	qs := f.desk.Case.Questions
	if len(qs) != 1 || qs[0].Checked {
		t.Fatalf("questions = %v", qs)
	}
	test.Tap(qs[0])
	file, err := f.store.CaseFile(ctx, cs, caseID)
	if err != nil || !file.Questions[0].Resolved {
		t.Fatalf("question not resolved: %+v %v", file.Questions, err)
	}
}
