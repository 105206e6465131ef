package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"accueil/intake"
	"accueil/store"
)

const attributionList = "nom;prénom;date de naissance;sexe;nationalité;numéro N;remarque\n" +
	"Testari;Yonas;12.05.1993;M;ER;N 901 001;x\n" +
	"Testari;Selam;31.02.1995;F;ER;N 901 002;x\n" + // impossible date
	"Testova;Iryna;03.03.1980;F;UA;N 901 003;x\n" +
	"Testova;Iryna;03.03.1980;F;UA;N901003;x\n" // same person twice

func TestImportPreviewsConfirmsAndUndoes(t *testing.T) {
	f := newFixture(t, language.French)
	f.loginAs("desk1", intake.RoleReception)
	test.Tap(f.desk.Home.Import)
	s := f.desk.Import
	loadAndWait(t, f.desk, s, attributionList)
	ctx := context.Background()
	if n, _ := f.store.Count(ctx); n != 0 {
		t.Fatal("the preview wrote to the database")
	}
	if rows, _ := f.desk.previewSize(s); rows != 5 {
		t.Fatalf("preview has %d table rows, want header + 4", rows)
	}
	if got := f.desk.previewCell(s, cell(2, 6)); !strings.Contains(got, "31.02.1995") {
		t.Errorf("row 2 remarks %q should explain the bad date", got)
	}
	if got := f.desk.previewCell(s, cell(4, 6)); !strings.Contains(got, "3") {
		t.Errorf("row 4 remarks %q should point to row 3", got)
	}
	if len(s.plan.result.Unmapped) != 1 || s.Mapping.Objects == nil {
		t.Errorf("the unknown column should be offered for mapping: %v", s.plan.result.Unmapped)
	}
	if s.Confirm.Disabled() {
		t.Fatal("confirm disabled although one row is clean")
	}

	test.Tap(s.Confirm)
	waitFor(t, func() bool { return !s.busy.Load() })
	if n, _ := f.store.Count(ctx); n != 1 {
		t.Fatalf("%d persons imported, want 1 (errors and suspected duplicates held back)", n)
	}
	expected, _, err := f.store.List(ctx, *f.desk.staff, store.ListExpected, testToday, 10, 0)
	if err != nil || len(expected) != 1 || expected[0].Surname != "Testari" {
		t.Fatalf("expected arrivals = %v (%v)", expected, err)
	}

	infos, err := f.store.Imports(ctx, *f.desk.staff)
	if err != nil || len(infos) != 1 {
		t.Fatalf("imports = %v (%v)", infos, err)
	}
	f.desk.UndoImport(s, infos[0].ID)
	if n, _ := f.store.Count(ctx); n != 0 {
		t.Fatalf("%d persons left after undo", n)
	}
}

func TestImportRefusesUnreadableFile(t *testing.T) {
	f := newFixture(t, language.German)
	f.loginAs("desk1", intake.RoleReception)
	f.desk.showImport()
	s := f.desk.Import
	utf16 := "\xff\xfes\x00u\x00r\x00"
	loadAndWait(t, f.desk, s, utf16)
	if !s.Confirm.Disabled() || strings.HasPrefix(s.Summary.Text, "[") || s.Summary.Text == f.desk.loc.S("import.intro") {
		t.Fatalf("summary %q: a UTF-16 file must be refused with a translated reason", s.Summary.Text)
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func cell(row, col int) widget.TableCellID { return widget.TableCellID{Row: row, Col: col} }

func TestImportWithoutSurnameColumnAsksForMapping(t *testing.T) {
	f := newFixture(t, language.English)
	f.loginAs("desk1", intake.RoleReception)
	f.desk.showImport()
	s := f.desk.Import
	list := "Familienname (Transkription);Vorname\nTestari;Yonas\n"
	loadAndWait(t, f.desk, s, list)
	if !s.Confirm.Disabled() || !strings.Contains(s.Summary.Text, f.desk.loc.S("field.surname")) {
		t.Fatalf("summary %q: a list without a surname column must say so and import nothing", s.Summary.Text)
	}
	if len(s.plan.result.Unmapped) == 0 {
		t.Fatal("the unknown header should be offered for mapping")
	}
	f.desk.planImport(s, map[string]intake.Field{s.plan.result.Unmapped[0]: intake.FieldSurname})
	waitFor(t, func() bool { return !s.busy.Load() })
	if s.Confirm.Disabled() {
		t.Fatalf("after mapping the surname column the import should be possible: %q", s.Summary.Text)
	}
}

// loadAndWait loads a list into the preview and waits for the background
// check to finish.
func loadAndWait(t *testing.T, d *Desk, s *ImportScreen, list string) {
	t.Helper()
	if err := d.LoadImport(s, strings.NewReader(list), "list.csv"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return !s.busy.Load() })
}
