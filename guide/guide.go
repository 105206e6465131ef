package guide

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// Topic is one subject of the guide.
type Topic struct {
	ID        string `toml:"id"`
	Pictogram string `toml:"pictogram"`
}

// Guide is the whole guide: topics, pages by language and the values
// placeholders stand for.
type Guide struct {
	Topics []Topic
	pages  map[string]map[string]*Page // lang -> topic -> page
	values map[string]string           // "contacts.office_phone" -> value
}

// Load reads topics.toml, data.toml and every <lang>/<topic>.md of fsys.
func Load(fsys fs.FS) (*Guide, error) {
	g := &Guide{pages: map[string]map[string]*Page{}, values: map[string]string{}}
	if err := g.loadTopics(fsys); err != nil {
		return nil, err
	}
	if err := g.loadValues(fsys); err != nil {
		return nil, err
	}
	dirs, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("guide: list languages: %w", err)
	}
	for _, d := range dirs {
		if d.IsDir() {
			if err := g.loadLanguage(fsys, d.Name()); err != nil {
				return nil, err
			}
		}
	}
	return g, nil
}

func (g *Guide) loadTopics(fsys fs.FS) error {
	var doc struct {
		Topic []Topic `toml:"topic"`
	}
	if err := decodeTOML(fsys, "topics.toml", &doc); err != nil {
		return err
	}
	if len(doc.Topic) == 0 {
		return fmt.Errorf("guide: topics.toml lists no topic")
	}
	g.Topics = doc.Topic
	return nil
}

func (g *Guide) loadValues(fsys fs.FS) error {
	var doc map[string]map[string]string
	if err := decodeTOML(fsys, "data.toml", &doc); err != nil {
		return err
	}
	for section, kv := range doc {
		for k, v := range kv {
			g.values[section+"."+k] = v
		}
	}
	return nil
}

func decodeTOML(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("guide: read %s: %w", name, err)
	}
	if err := toml.Unmarshal(data, v); err != nil {
		return fmt.Errorf("guide: parse %s: %w", name, err)
	}
	return nil
}

func (g *Guide) loadLanguage(fsys fs.FS, lang string) error {
	for _, t := range g.Topics {
		name := path.Join(lang, t.ID+".md")
		f, err := fsys.Open(name)
		if err != nil {
			continue // a missing page is reported by Missing, not fatal
		}
		p, err := ParsePage(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("guide: %s: %w", name, err)
		}
		p.Lang, p.Topic = lang, t.ID
		if g.pages[lang] == nil {
			g.pages[lang] = map[string]*Page{}
		}
		g.pages[lang][t.ID] = p
	}
	return nil
}

// Languages returns the tags that have at least one page, sorted.
func (g *Guide) Languages() []string {
	out := make([]string, 0, len(g.pages))
	for l := range g.pages {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// Page returns a topic's page in a language.
func (g *Guide) Page(lang, topic string) (*Page, bool) {
	p, ok := g.pages[lang][topic]
	return p, ok
}

// Missing returns the topics a language has no page for.
func (g *Guide) Missing(lang string) []string {
	var out []string
	for _, t := range g.Topics {
		if _, ok := g.pages[lang][t.ID]; !ok {
			out = append(out, t.ID)
		}
	}
	return out
}

// Drafts returns the topics whose page in lang is not reviewed.
func (g *Guide) Drafts(lang string) []string {
	var out []string
	for _, t := range g.Topics {
		if p, ok := g.pages[lang][t.ID]; ok && p.Status != Reviewed {
			out = append(out, t.ID)
		}
	}
	return out
}

// UnknownPlaceholders returns the placeholders of a page that data.toml
// does not define.
func (g *Guide) UnknownPlaceholders(p *Page) []string {
	var out []string
	for _, k := range p.Placeholders() {
		if _, ok := g.values[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

// unfilledPrefix marks a value the office has not confirmed yet.
const unfilledPrefix = "[PLACEHOLDER"

// Fill replaces the placeholders of s with their values. A value not yet
// filled in by the office is replaced by notice (never shown raw to a
// newcomer), and filled reports whether every value was real. When the
// notice is a sentence and the text goes on with the same full stop, the
// stop is not doubled.
func (g *Guide) Fill(s, notice string) (out string, filled bool) {
	filled = true
	var b strings.Builder
	last := 0
	for _, m := range placeholder.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		v, ok := g.values[s[m[2]:m[3]]]
		if !ok || strings.HasPrefix(v, unfilledPrefix) {
			filled = false
			v = notice
			if rest := s[m[1]:]; v != "" && rest != "" && strings.HasSuffix(v, rest[:1]) && strings.ContainsAny(rest[:1], ".!?。።") {
				v = strings.TrimSuffix(v, rest[:1])
			}
		}
		b.WriteString(v)
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String(), filled
}
