package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/casefile"
	"accueil/guide/print"
	"accueil/i18n"
	"accueil/intake"
	"accueil/intake/counselling"
	"accueil/ui"
)

// counsellingOptions wires the counselling screens: the reference figures
// from the data folder (or the shipped ones) and a save dialog for sheets.
func counsellingOptions(win fyne.Window, data string) ui.CounsellingOptions {
	ref, err := casefile.LoadReference(data)
	return ui.CounsellingOptions{
		Reference: ref, RefErr: err,
		SavePDF: func(name string, write func(io.Writer) error) {
			d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
				if err != nil || w == nil {
					return
				}
				defer w.Close()
				_ = write(w) // the desk reports a failure on its status line

			}, win)
			d.SetFileName(name)
			d.Show()
		},
	}
}

// runCounselling serves `accueil counselling sheet --person ID --out F.pdf`:
// the preparation sheet of the person's open case, as a counsellor.
func runCounselling(args []string) error {
	if len(args) == 0 || args[0] != "sheet" {
		return errors.New("counselling: usage: accueil counselling sheet --user NAME --person ID --out FILE.pdf")
	}
	fs := flag.NewFlagSet("counselling sheet", flag.ContinueOnError)
	var c common
	c.register(fs)
	personID := fs.String("person", "", "ID of a person of the case")
	out := fs.String("out", "", "PDF file to write")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *personID == "" || *out == "" {
		return errors.New("counselling sheet: --person and --out are required")
	}
	if err := writeSheet(c, *personID, *out); err != nil {
		return fmt.Errorf("counselling sheet: %w", err)
	}
	return nil
}

func writeSheet(c common, personID, out string) error {
	ctx := context.Background()
	st, staff, err := c.session(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	cs, found, err := st.CaseOf(ctx, staff, personID)
	if err != nil {
		return err
	}
	if !found {
		return errors.New("this person has no open counselling case")
	}
	file, err := st.CaseFile(ctx, staff, cs.ID)
	if err != nil {
		return err
	}
	ref, err := casefile.LoadReference(c.data)
	if err != nil {
		return err
	}
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		return err
	}
	loc := cat.Localizer(pickLanguage(c.lang, cat.Languages()))
	names, _ := st.CounsellorNames(ctx, staff) // names are a courtesy; IDs stand in
	sheet := counselling.Prepare(file, ref, intake.DateOf(time.Now()))
	fonts, err := print.BundledFonts()
	if err != nil {
		return err
	}
	if err := st.RecordSheetExport(ctx, staff, cs.ID); err != nil {
		return err
	}
	f, err := os.OpenFile(out, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	footer := loc.T("counselling.sheet.footer", map[string]any{"Date": loc.Date(sheet.Today.Time())})
	sections := casefile.Sections(sheet, loc, func(id string) string { return names[id] })
	if err := casefile.WritePDF(f, casefile.Title(sheet, loc), sections, footer, fonts); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
