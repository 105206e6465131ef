package main

import (
	"context"
	"flag"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/i18n"
	"accueil/ui"
)

// prefStaffLanguage remembers the staff language between runs. Only
// settings live in preferences; case data stays in the database.
const prefStaffLanguage = "staff.language"

func runDesk(args []string) error {
	fs := flag.NewFlagSet("accueil", flag.ContinueOnError)
	var c common
	c.register(fs)
	if err := fs.Parse(args); err != nil {
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
	desk := ui.NewDesk(win, st, cat, ui.Options{
		Language:   lang,
		OnLanguage: func(t language.Tag) { prefs.SetString(prefStaffLanguage, t.String()) },
	})
	desk.Start()
	win.ShowAndRun()
	if err := st.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}
