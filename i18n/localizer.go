package i18n

import (
	"fmt"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Localizer speaks one language for one view. It is cheap to make: switch
// language by making another. Like the collator inside it, a Localizer is
// for one goroutine at a time (the UI's).
type Localizer struct {
	tag      language.Tag
	loc      *goi18n.Localizer
	fallback *goi18n.Localizer
	catalog  *Catalog
	collator *collate.Collator
	printer  *message.Printer
}

// Localizer returns a localizer for tag (falling back to the catalog's
// fallback language for messages tag lacks).
func (c *Catalog) Localizer(tag language.Tag) *Localizer {
	return &Localizer{
		tag:      tag,
		loc:      goi18n.NewLocalizer(c.bundle, bundleTag(tag).String()),
		fallback: goi18n.NewLocalizer(c.bundle, c.fallback.String()),
		catalog:  c,
		collator: collate.New(tag, collate.IgnoreCase),
		printer:  message.NewPrinter(numberTag(tag)),
	}
}

// numberTag is the tag whose conventions format numbers: the office is in
// Switzerland, so German and Italian group thousands with an apostrophe
// (12’400) as Swiss readers write them, not with a German or Italian
// point; French keeps its space. A region given in the tag wins.
func numberTag(tag language.Tag) language.Tag {
	base, _ := tag.Base()
	if _, conf := tag.Region(); conf == language.Exact {
		return tag
	}
	switch base.String() {
	case "de", "fr", "it", "rm":
		if ch, err := language.Compose(base, language.MustParseRegion("CH")); err == nil {
			return ch
		}
	}
	return tag
}

// Tag returns the language of the localizer.
func (l *Localizer) Tag() language.Tag { return l.tag }

// T translates a message. args fill the template ({{.Name}}); a "Count"
// argument selects the CLDR plural form. A missing message yields its ID in
// brackets, visible in tests and screenshots, never an empty label.
func (l *Localizer) T(id string, args map[string]any) string {
	cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: args}
	if n, ok := args["Count"]; ok {
		cfg.PluralCount = n
		if i, ok := asInt(n); ok {
			// The count picks the plural form as a number and is shown
			// as the reader writes numbers (12’400, 12 400, 12,400).
			data := make(map[string]any, len(args))
			for k, v := range args {
				data[k] = v
			}
			data["Count"] = l.Number(i)
			cfg.TemplateData = data
		}
	}
	// go-i18n settles on one language per localizer; a message missing in
	// that language is looked up in the fallback language explicitly.
	for _, loc := range []*goi18n.Localizer{l.loc, l.fallback} {
		if s, err := loc.Localize(cfg); err == nil && s != "" {
			return s
		}
	}
	return "[" + id + "]"
}

func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	}
	return 0, false
}

// S translates a message without arguments.
func (l *Localizer) S(id string) string { return l.T(id, nil) }

// Date formats a civil date as the reader of the language writes it.
// Times are passed at midnight UTC; only the date part is shown.
func (l *Localizer) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	base, _ := l.tag.Base()
	switch base.String() {
	case "de", "fr", "it", "rm":
		// Swiss usage in all national languages: 23.11.2026.
		return t.Format("02.01.2006")
	case "en":
		return t.Format("2 Jan 2006")
	}
	return t.Format("2006-01-02")
}

// Number formats an integer with the language's grouping, in Swiss usage
// for the national languages (see numberTag).
func (l *Localizer) Number(n int) string { return l.printer.Sprintf("%d", n) }

// Compare orders two names by the language's collation: -1, 0 or +1.
// Accents sort with their base letter as readers of the language expect.
func (l *Localizer) Compare(a, b string) int { return l.collator.CompareString(a, b) }

// String implements fmt.Stringer for logs and tests.
func (l *Localizer) String() string { return fmt.Sprintf("Localizer(%s)", l.tag) }
