package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Catalog holds the message files of one interface (staff or newcomer) in
// every language it ships.
type Catalog struct {
	bundle   *goi18n.Bundle
	tags     []language.Tag
	ids      map[language.Tag]map[string]bool
	fallback language.Tag
}

// LoadCatalog reads every <part>.<tag>.toml file at the root of fsys
// (active.fr.toml, counselling.fr.toml, …): one catalog per language, made
// of as many files as the application has areas. An ID defined twice for
// one language is an error, so that two areas never fight over a message.
// fallback is the language whose text is shown when a message is missing
// in the requested one.
func LoadCatalog(fsys fs.FS, fallback language.Tag) (*Catalog, error) {
	c := &Catalog{
		bundle:   goi18n.NewBundle(fallback),
		ids:      map[language.Tag]map[string]bool{},
		fallback: fallback,
	}
	c.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	files, err := fs.Glob(fsys, "*.*.toml")
	if err != nil {
		return nil, fmt.Errorf("i18n: list catalogs: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("i18n: no catalog files")
	}
	for _, name := range files {
		if err := c.load(fsys, name); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// pluralAlias maps languages go-i18n has no CLDR plural rules for to a
// language with the same rules: Kurmanji (kmr) counts like Kurdish (ku).
var pluralAlias = map[string]string{"kmr": "ku"}

// bundleTag returns the tag under which a language's messages live in the
// go-i18n bundle.
func bundleTag(tag language.Tag) language.Tag {
	if alias, ok := pluralAlias[tag.String()]; ok {
		return language.MustParse(alias)
	}
	return tag
}

func (c *Catalog) load(fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("i18n: read %s: %w", name, err)
	}
	tag, err := fileTag(name)
	if err != nil {
		return fmt.Errorf("i18n: %s: %w", name, err)
	}
	mf, err := c.bundle.ParseMessageFileBytes(data, "active."+bundleTag(tag).String()+".toml")
	if err != nil {
		return fmt.Errorf("i18n: parse %s: %w", name, err)
	}
	ids, seen := c.ids[tag], c.ids[tag] != nil
	if !seen {
		ids = map[string]bool{}
		c.ids[tag] = ids
		c.tags = append(c.tags, tag)
	}
	for _, m := range mf.Messages {
		if ids[m.ID] {
			return fmt.Errorf("i18n: %s: message %q is defined in another file too", name, m.ID)
		}
		ids[m.ID] = true
	}
	slices.SortFunc(c.tags, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	return nil
}

// fileTag reads the language of a catalog file named <part>.<tag>.toml.
func fileTag(name string) (language.Tag, error) {
	base := strings.TrimSuffix(path.Base(name), ".toml")
	_, tag, ok := strings.Cut(base, ".")
	if !ok {
		return language.Tag{}, fmt.Errorf("name must be <part>.<language>.toml")
	}
	return language.Parse(tag)
}

// Languages returns the languages the catalog has, sorted by tag.
func (c *Catalog) Languages() []language.Tag { return slices.Clone(c.tags) }

// MessageIDs returns the IDs the catalog defines for tag, sorted.
func (c *Catalog) MessageIDs(tag language.Tag) []string {
	var out []string
	for id := range c.ids[tag] {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// Missing returns the IDs the fallback language defines but tag lacks.
func (c *Catalog) Missing(tag language.Tag) []string {
	var out []string
	for _, id := range c.MessageIDs(c.fallback) {
		if !c.ids[tag][id] {
			out = append(out, id)
		}
	}
	return out
}

// Has reports whether the fallback language defines id.
func (c *Catalog) Has(id string) bool { return c.ids[c.fallback][id] }
