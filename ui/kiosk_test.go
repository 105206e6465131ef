package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/guide"
	"accueil/guide/print"
	"accueil/i18n"
	"accueil/intake"
	"accueil/store"
)

func bundledFonts(t testing.TB) *Fonts {
	t.Helper()
	set, err := print.BundledFonts()
	if err != nil {
		t.Fatal(err)
	}
	return NewFonts(set)
}

type kioskFixture struct {
	kiosk  *Kiosk
	win    fyne.Window
	store  *store.Store
	exited *intake.Staff
}

func newKioskFixture(t testing.TB) *kioskFixture {
	t.Helper()
	test.NewTempApp(t)
	g, err := guide.Load(assets.Guide())
	if err != nil {
		t.Fatal(err)
	}
	cat, err := i18n.LoadCatalog(assets.NewcomerMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	staffCat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.CreateStaff(context.Background(), nil, "admin", testPassword, intake.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(1024, 768))
	f := &kioskFixture{win: win, store: st}
	f.kiosk = NewKiosk(win, g, cat, bundledFonts(t), st, KioskOptions{
		Idle:   time.Minute,
		Staff:  staffCat.Localizer(language.French),
		OnExit: func(s intake.Staff) { f.exited = &s },
	})
	f.kiosk.ShowLanguages()
	return f
}

func TestLanguagePickerShowsNativeNames(t *testing.T) {
	f := newKioskFixture(t)
	var names []string
	for _, tile := range f.kiosk.Languages {
		names = append(names, tile.Text())
	}
	joined := strings.Join(names, " ")
	for _, want := range []string{"العربية", "دری", "پښتو", "ትግርኛ", "தமிழ்", "Українська", "Deutsch", "Kurmancî", "کوردی"} {
		if !strings.Contains(joined, want) {
			t.Errorf("language picker lacks %q: %v", want, names)
		}
	}
	if len(f.kiosk.Languages) < 20 {
		t.Errorf("%d languages offered, want at least 20", len(f.kiosk.Languages))
	}
}

func TestArabicPageIsRightToLeft(t *testing.T) {
	f := newKioskFixture(t)
	f.kiosk.ChooseLanguage("ar")
	if len(f.kiosk.Topics) < 11 {
		t.Fatalf("%d topic tiles, want at least 11", len(f.kiosk.Topics))
	}
	test.Tap(f.kiosk.Topics[3]) // health: emergency numbers between Arabic words
	if len(f.kiosk.Page) < 3 {
		t.Fatal("no page shown")
	}
	if f.kiosk.Home == nil || f.kiosk.Back == nil {
		t.Fatal("home and back must always be visible on a page")
	}
	f.win.Resize(fyne.NewSize(1000, 760)) // lays the page out
	for _, st := range f.kiosk.Page {
		p := st.Paragraph()
		if len(p.Missing) > 0 {
			t.Errorf("missing glyphs %q in %q", string(p.Missing), st.Text)
		}
		if !p.RTL {
			t.Errorf("Arabic paragraph %q laid out left to right", st.Text)
		}
		for _, l := range p.Lines {
			if len(l.Runs) > 0 && l.Offset+l.Width > st.width+0.5 {
				t.Errorf("line overflows its box: %.1f > %.1f", l.Offset+l.Width, st.width)
			}
		}
	}
}

func TestIdleReturnsToLanguagePicker(t *testing.T) {
	f := newKioskFixture(t)
	f.kiosk.ChooseLanguage("ti")
	if f.kiosk.CheckIdle(time.Now().Add(30 * time.Second)) {
		t.Fatal("returned to the start before the idle time")
	}
	if !f.kiosk.CheckIdle(time.Now().Add(2 * time.Minute)) {
		t.Fatal("did not return to the start after the idle time")
	}
	if f.kiosk.Language() != "" || len(f.kiosk.Languages) == 0 {
		t.Fatal("the language choice must be forgotten and the picker shown")
	}
}

func TestLeavingNewcomerModeNeedsStaffLogin(t *testing.T) {
	f := newKioskFixture(t)
	test.Tap(f.kiosk.StaffExit)
	s := f.kiosk.StaffDialog
	if s == nil {
		t.Fatal("no staff login offered")
	}
	test.Type(s.Name, "admin")
	test.Type(s.Password, "not the password")
	s.Submit()
	waitChecked(t, s)
	if f.exited != nil {
		t.Fatal("left newcomer mode with a wrong password")
	}
	if s.Error.Text == "" || strings.HasPrefix(s.Error.Text, "[") {
		t.Fatalf("no translated error: %q", s.Error.Text)
	}
	test.Type(s.Password, testPassword)
	s.Submit()
	waitChecked(t, s)
	if f.exited == nil || f.exited.Name != "admin" {
		t.Fatal("a valid staff login should leave newcomer mode")
	}
}

func TestNewcomerStringsInEveryGuideLanguage(t *testing.T) {
	f := newKioskFixture(t)
	for _, lang := range f.kiosk.guide.Languages() {
		f.kiosk.ChooseLanguage(lang)
		if lang != "en" && f.kiosk.Home.Text() == "Home" {
			t.Errorf("%s: the home tile is in English", lang)
		}
		if strings.HasPrefix(f.kiosk.Home.Text(), "[") {
			t.Errorf("%s: home tile %q is a missing message", lang, f.kiosk.Home.Text())
		}
	}
}

func TestStaffSeeDraftsPerLanguage(t *testing.T) {
	f := newFixture(t, language.German)
	g, err := guide.Load(assets.Guide())
	if err != nil {
		t.Fatal(err)
	}
	f.desk.opts.Guide = g
	f.loginAs("desk1", intake.RoleReception)
	test.Tap(f.desk.Home.Drafts)
	s := f.desk.Drafts
	if s == nil || len(s.rows) != len(g.Languages()) {
		t.Fatal("drafts screen should list every guide language")
	}
	for i := range s.rows {
		row := s.Row(i)
		if strings.HasPrefix(row[1], "[") || row[0] == "" {
			t.Errorf("row %v not translated", row)
		}
	}
	ti := -1
	for i, r := range s.rows {
		if strings.HasSuffix(r[0], "(ti)") {
			ti = i
		}
	}
	if ti < 0 || !strings.Contains(s.Row(ti)[0], "Tigrinya") {
		t.Fatalf("Tigrinya should be named in German: %v", s.rows)
	}
	if !strings.Contains(s.Row(ti)[2], "welcome") {
		t.Errorf("draft topics of Tigrinya: %q", s.Row(ti)[2])
	}
}

// TestScriptTextNeverClips: every run of a laid-out paragraph lies inside
// the widget, in scripts with tall ascenders and stacked marks.
func TestScriptTextNeverClips(t *testing.T) {
	test.NewTempApp(t)
	fonts := bundledFonts(t)
	texts := []struct{ text, font string }{
		{"إِنَّ الْمُسَاعَدَةَ مُتَاحَةٌ لَكُمْ فِي كُلِّ وَقْتٍ (144)", "NotoSansArabic-Regular.ttf"},
		{"ஸ்ரீ முருகன் கோயிலுக்குச் செல்லுங்கள்", "NotoSansTamil-Regular.ttf"},
		{"ሓገዝ ንምርካብ ንሰራሕተኛታት ሕተቱ።", "NotoSansEthiopic-Regular.ttf"},
		{"Ѓ Ќ Ї Ё Й — Ẫ Ḝ Ǻ", "NotoSans-Regular.ttf"},
	}
	for _, tt := range texts {
		st := NewScriptText(fonts, tt.text, tt.font, 0, 28)
		w := test.NewTempWindow(t, container.New(&wrapColumn{}, st))
		w.Resize(fyne.NewSize(300, 400))
		size := st.Size()
		r := test.TempWidgetRenderer(t, st)
		if len(r.Objects()) == 0 {
			t.Fatalf("%q: nothing drawn", tt.text)
		}
		for _, o := range r.Objects() {
			p, s := o.Position(), o.Size()
			if p.Y < 0 || p.Y+s.Height > size.Height+0.5 || p.X < -0.5 || p.X+s.Width > size.Width+0.5 {
				t.Errorf("%q: run at %v size %v outside the widget %v", tt.text, p, s, size)
			}
		}
	}
}

func TestTakeHomeWholeGuide(t *testing.T) {
	f := newKioskFixture(t)
	var asked []string
	f.kiosk.opts.OnTakeHome = func(lang, topic string) error {
		asked = append(asked, lang+"/"+topic)
		return nil
	}
	f.kiosk.ChooseLanguage("ps")
	test.Tap(f.kiosk.TakeHome)
	f.kiosk.ShowPage("return")
	test.Tap(f.kiosk.TakeHome)
	if strings.Join(asked, ",") != "ps/,ps/return" {
		t.Fatalf("take home asked for %v, want the whole guide then one page", asked)
	}
}

// waitChecked waits until the staff login dialog has checked a login.
func waitChecked(t *testing.T, s *StaffLogin) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for s.Checking() {
		if time.Now().After(deadline) {
			t.Fatal("staff login not checked within 10 s")
		}
		time.Sleep(2 * time.Millisecond)
	}
}
