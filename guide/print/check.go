package print

import (
	"golang.org/x/text/language"

	"accueil/guide"
	"accueil/i18n"
	"accueil/i18n/bidi"
	"accueil/i18n/textlayout"
)

// LanguageReport says whether a language's guide can be shown and printed.
type LanguageReport struct {
	Tag             string `json:"tag"`
	Topics          int    `json:"topics"`
	Drafts          int    `json:"drafts"`
	MissingTopics   int    `json:"missing_topics"`
	MissingMessages int    `json:"missing_messages"`
	MissingGlyphs   int    `json:"missing_glyphs"`
	BrokenShaping   int    `json:"broken_shaping"`
	// Unknown placeholders refer to values data.toml does not define.
	UnknownPlaceholders int `json:"unknown_placeholders"`
	// Glyphs lists the characters without a glyph, for the fix.
	Glyphs string `json:"glyphs,omitempty"`
}

// OK reports whether nothing is missing or broken.
func (r LanguageReport) OK() bool {
	return r.MissingTopics == 0 && r.MissingMessages == 0 && r.MissingGlyphs == 0 &&
		r.BrokenShaping == 0 && r.UnknownPlaceholders == 0
}

// Check lays out every page and newcomer message of every language with
// the bundled fonts and counts what cannot be drawn.
func Check(g *guide.Guide, messages *i18n.Catalog, fonts *textlayout.FontSet) []LanguageReport {
	var out []LanguageReport
	sh := textlayout.NewShaper(fonts, 24)
	for _, lang := range g.Languages() {
		r := LanguageReport{Tag: lang}
		r.Drafts = len(g.Drafts(lang))
		r.MissingTopics = len(g.Missing(lang))
		r.Topics = len(g.Topics) - r.MissingTopics
		tag := language.Make(lang)
		r.MissingMessages = len(messages.Missing(tag))
		var texts []string
		for _, t := range g.Topics {
			if p, ok := g.Page(lang, t.ID); ok {
				texts = append(texts, p.Text()...)
				r.UnknownPlaceholders += len(g.UnknownPlaceholders(p))
			}
		}
		loc := messages.Localizer(tag)
		for _, id := range messages.MessageIDs(language.English) {
			texts = append(texts, loc.S(id))
		}
		checkTexts(&r, texts, PrimaryFont(lang), fonts, sh)
		out = append(out, r)
	}
	return out
}

func checkTexts(r *LanguageReport, texts []string, primary string, fonts *textlayout.FontSet, sh *textlayout.Shaper) {
	seen := map[rune]bool{}
	for _, text := range texts {
		p := textlayout.Layout(text, textlayout.Options{Primary: primary, Direction: bidi.Auto}, fonts, sh)
		for _, c := range p.Missing {
			r.MissingGlyphs++
			if !seen[c] {
				seen[c] = true
				r.Glyphs += string(c)
			}
		}
		for _, l := range p.Lines {
			for _, run := range l.Runs {
				if sh.DottedCircles([]rune(run.Text), run.Font, run.RTL) {
					r.BrokenShaping++
				}
			}
		}
	}
}
