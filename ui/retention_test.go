package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/intake"
)

func TestRetentionScreenPreviewsAndValidates(t *testing.T) {
	f := newFixture(t, language.Italian)
	f.loginAs("admin", intake.RoleAdmin)
	f.desk.showRetention()
	r := f.desk.Retention()
	if r == nil {
		t.Fatal("no retention screen for an administrator")
	}
	if r.Years.Text != "2" {
		t.Errorf("default period %q, want 2 years", r.Years.Text)
	}
	typeInto(r.Years, "0")
	test.Tap(r.Preview)
	if r.Error.Text == "" {
		t.Error("a period of 0 years is accepted")
	}
	typeInto(r.Years, "3")
	test.Tap(r.Preview)
	if r.Error.Text != "" || !strings.Contains(r.Summary.Text, "Nessun incarto") || !r.Run.Disabled() {
		t.Errorf("preview with nothing due: error %q, summary %q", r.Error.Text, r.Summary.Text)
	}
	f.desk.showRetention()
	if got := f.desk.Retention().Years.Text; got != "3" {
		t.Errorf("period after reopening %q, want 3", got)
	}
}

func TestReceptionHasNoRetentionScreen(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	f.desk.showRetention()
	if f.desk.Retention() != nil {
		t.Error("reception reached the retention screen")
	}
}
