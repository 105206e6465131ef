package main

import (
	"fmt"
	"image"
	"os"

	"accueil/guide"
	"accueil/guide/print"
	"accueil/i18n/textlayout"
)

// writeGuidePDF writes one topic, or every topic when topic is "", to a PDF.
func writeGuidePDF(g *guide.Guide, fonts *textlayout.FontSet, texts print.Texts, lang, topic, out string) error {
	sheets, err := GuideSheets(g, fonts, texts, lang, topic)
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := print.WritePDF(f, sheets); err != nil {
		f.Close()
		return fmt.Errorf("guide pdf: %w", err)
	}
	return f.Close()
}

// GuideSheets renders a topic, or all topics in order, on A4 sheets.
func GuideSheets(g *guide.Guide, fonts *textlayout.FontSet, texts print.Texts, lang, topic string) ([]*image.RGBA, error) {
	var sheets []*image.RGBA
	for _, t := range g.Topics {
		if topic != "" && t.ID != topic {
			continue
		}
		p, ok := g.Page(lang, t.ID)
		if !ok {
			continue
		}
		sheets = append(sheets, print.RenderPage(g, p, fonts, texts, print.A4Options)...)
	}
	if len(sheets) == 0 {
		return nil, fmt.Errorf("guide pdf: no page %q in %s", topic, lang)
	}
	return sheets, nil
}
