package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/storage"
	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/guide"
	"accueil/i18n"
	"accueil/i18n/textlayout"
	"accueil/intake"
	"accueil/store"
	"accueil/ui"
)

// prefStaffLanguage remembers the staff language between runs. Only
// settings live in preferences; case data stays in the database.
const prefStaffLanguage = "staff.language"

func runDesk(args []string) error {
	fs := flag.NewFlagSet("accueil", flag.ContinueOnError)
	var c common
	c.register(fs)
	newcomer := fs.Bool("newcomer", false, "start on the locked newcomer screen")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkDisplay(); err != nil {
		return err
	}
	ctx := context.Background()
	st, err := c.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		return err
	}
	a := app.NewWithID("ch.vs.asile.accueil")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	prefs := a.Preferences()
	lang := pickLanguage(prefs.StringWithFallback(prefStaffLanguage, c.lang), cat.Languages())
	if c.lang != "" {
		lang = pickLanguage(c.lang, cat.Languages())
	}
	win := a.NewWindow("Accueil")
	win.Resize(fyne.NewSize(1200, 800))
	var desk *ui.Desk
	kiosk, err := newKiosk(a, win, st, c.data, cat.Localizer(lang), func(s intake.Staff) { desk.ResumeAs(s) })
	if err != nil {
		return err
	}
	var nudge func()
	desk = ui.NewDesk(win, st, cat, ui.Options{
		Language:   lang,
		OnLanguage: func(t language.Tag) { prefs.SetString(prefStaffLanguage, t.String()) },
		OnNewcomer: kiosk.Start,
		Guide:      kiosk.Guide(),
		OnSaved:    func() { nudge() },
	})
	desk.SetCounselling(counsellingOptions(win, c.data))
	syncCtx, stopSync := context.WithCancel(ctx)
	defer stopSync()
	nudge = startSync(syncCtx, st, desk, c.data)
	desk.StartIdleLock()
	defer desk.StopIdleLock()
	if *newcomer {
		kiosk.Start()
	} else {
		desk.Start()
	}
	win.ShowAndRun()
	return nil
}

// newKiosk prepares the newcomer screen: guide, newcomer catalogs, bundled
// fonts, and "take home" PDFs written to the data folder and opened with
// the system's viewer for printing.
func newKiosk(a fyne.App, win fyne.Window, st *store.Store, data string, staff *i18n.Localizer, onExit func(intake.Staff)) (*ui.Kiosk, error) {
	g, messages, fonts, err := loadGuide(data)
	if err != nil {
		return nil, err
	}
	takeHome := func(lang, topic string) error {
		return printGuide(a, g, fonts, messages.Localizer(language.Make(lang)), data, lang, topic)
	}
	return ui.NewKiosk(win, g, messages, ui.NewFonts(fonts), st, ui.KioskOptions{
		Staff: staff, OnExit: onExit, OnTakeHome: takeHome,
	}), nil
}

func printGuide(a fyne.App, g *guide.Guide, fonts *textlayout.FontSet, loc *i18n.Localizer, data, lang, topic string) error {
	texts := printTexts(loc)
	dir := filepath.Join(data, "printouts")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	name := fmt.Sprintf("guide-%s-%s-%s.pdf", lang, orAll(topic), time.Now().Format("20060102-150405"))
	path := filepath.Join(dir, name)
	if err := writeGuidePDF(g, fonts, texts, lang, topic, path); err != nil {
		return err
	}
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return a.OpenURL(u)
}

func orAll(topic string) string {
	if topic == "" {
		return "all"
	}
	return topic
}

// checkDisplay turns the window system's panic without a display into a
// plain message: on Linux the desk needs an X11 or Wayland session.
func checkDisplay() error {
	if runtime.GOOS != "linux" || os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	return errors.New("no display: start the desk app in a desktop session (DISPLAY or WAYLAND_DISPLAY is not set); the commands init, import, export and guide work without one")
}
