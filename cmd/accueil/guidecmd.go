package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"os"
	"strings"
	"time"

	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/guide"
	"accueil/guide/print"
	"accueil/i18n"
	"accueil/i18n/textlayout"
)

// runGuide serves `accueil guide check|render|pdf`.
func runGuide(args []string) error {
	if len(args) == 0 {
		return errors.New("guide: check, render or pdf?")
	}
	switch args[0] {
	case "check":
		return guideCheck(args[1:])
	case "render":
		return guideRender(args[1:], false)
	case "pdf":
		return guideRender(args[1:], true)
	}
	return fmt.Errorf("guide: unknown command %q", args[0])
}

// loadGuide loads the guide (the one published to the data folder, else
// the embedded one), the newcomer catalogs and the bundled fonts.
func loadGuide(data string) (*guide.Guide, *i18n.Catalog, *textlayout.FontSet, error) {
	g, err := loadGuideContent(data)
	if err != nil {
		return nil, nil, nil, err
	}
	cat, err := i18n.LoadCatalog(assets.NewcomerMessages(), language.English)
	if err != nil {
		return nil, nil, nil, err
	}
	fonts, err := print.BundledFonts()
	if err != nil {
		return nil, nil, nil, err
	}
	return g, cat, fonts, nil
}

// printTexts are the newcomer strings a printed page carries, in its
// language.
func printTexts(loc *i18n.Localizer) print.Texts {
	return print.Texts{
		Draft:       loc.S("newcomer.draft_notice"),
		Placeholder: loc.S("newcomer.placeholder_notice"),
		Footer:      loc.T("newcomer.printed_on", map[string]any{"Date": time.Now().Format("02.01.2006")}),
	}
}

// guideCheck reports, per language, topics, drafts and anything that
// cannot be shown; it fails when a glyph or a message is missing.
func guideCheck(args []string) error {
	fs := flag.NewFlagSet("guide check", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object")
	data := fs.String("data", "", "data folder whose published guide to check (default: the built-in guide)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	g, cat, fonts, err := loadGuide(*data)
	if err != nil {
		return err
	}
	reports := print.Check(g, cat, fonts)
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"topics": len(g.Topics), "languages": reports}); err != nil {
			return err
		}
	} else {
		for _, r := range reports {
			fmt.Printf("%-6s topics %2d  drafts %2d  missing messages %d  missing glyphs %d  broken shaping %d\n",
				r.Tag, r.Topics, r.Drafts, r.MissingMessages, r.MissingGlyphs, r.BrokenShaping)
		}
	}
	var bad []string
	for _, r := range reports {
		if !r.OK() {
			bad = append(bad, r.Tag)
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("guide check: problems in %s", strings.Join(bad, ", "))
	}
	return nil
}

// guideRender draws a page (or, for a PDF without --topic, the whole guide)
// with the newcomer screen's text engine.
func guideRender(args []string, pdf bool) error {
	fs := flag.NewFlagSet("guide render", flag.ContinueOnError)
	lang := fs.String("lang", "", "language tag, e.g. ar, fa-AF, ti")
	topic := fs.String("topic", "", "topic id, e.g. health")
	out := fs.String("out", "", "output file (.png or .pdf)")
	data := fs.String("data", "", "data folder whose published guide to use (default: the built-in guide)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *lang == "" || *out == "" || (!pdf && *topic == "") {
		return errors.New("guide render: --lang, --topic and --out are required")
	}
	g, cat, fonts, err := loadGuide(*data)
	if err != nil {
		return err
	}
	texts := printTexts(cat.Localizer(language.Make(*lang)))
	if pdf {
		return writeGuidePDF(g, fonts, texts, *lang, *topic, *out)
	}
	page, ok := g.Page(*lang, *topic)
	if !ok {
		return fmt.Errorf("guide render: no page %s in %s", *topic, *lang)
	}
	texts.Footer = ""
	sheets := print.RenderPage(g, page, fonts, texts, print.ScreenOptions)
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := png.Encode(f, sheets[0]); err != nil {
		f.Close()
		return fmt.Errorf("guide render: %w", err)
	}
	return f.Close()
}
