package guide

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Status is a page's translation status.
type Status string

// Translation statuses. Only a qualified translator sets Reviewed.
const (
	Draft    Status = "draft"
	Reviewed Status = "reviewed"
)

// Kind is the kind of a block of text.
type Kind int

// Block kinds.
const (
	Paragraph Kind = iota
	Bullet
	Heading
)

// Block is one paragraph, bullet item or subheading.
type Block struct {
	Kind Kind
	Text string
}

// Page is one topic in one language.
type Page struct {
	Lang   string
	Topic  string
	Title  string
	Status Status
	Blocks []Block
}

// maxPageBytes bounds a page file; real pages are a few kilobytes.
const maxPageBytes = 256 << 10

// ParsePage reads a page: a front matter block (--- / title: / status: /
// ---) followed by paragraphs separated by blank lines, "- " bullets and
// "## " subheadings.
func ParsePage(r io.Reader) (*Page, error) {
	sc := bufio.NewScanner(io.LimitReader(r, maxPageBytes))
	sc.Buffer(make([]byte, 64<<10), maxPageBytes)
	p := &Page{}
	if err := p.readFrontMatter(sc); err != nil {
		return nil, err
	}
	var para []string
	flush := func() {
		if len(para) > 0 {
			p.Blocks = append(p.Blocks, Block{Kind: Paragraph, Text: strings.Join(para, " ")})
			para = nil
		}
	}
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			flush()
		case strings.HasPrefix(line, "## "):
			flush()
			p.Blocks = append(p.Blocks, Block{Kind: Heading, Text: strings.TrimSpace(line[3:])})
		case strings.HasPrefix(line, "- "):
			flush()
			p.Blocks = append(p.Blocks, Block{Kind: Bullet, Text: strings.TrimSpace(line[2:])})
		default:
			para = append(para, line)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("guide: read page: %w", err)
	}
	return p, nil
}

func (p *Page) readFrontMatter(sc *bufio.Scanner) error {
	if !sc.Scan() || strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff")) != "---" {
		return fmt.Errorf("guide: page does not start with ---")
	}
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "---" {
			return p.checkFrontMatter()
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("guide: front matter line %q has no colon", line)
		}
		switch strings.TrimSpace(key) {
		case "title":
			p.Title = strings.TrimSpace(value)
		case "status":
			p.Status = Status(strings.TrimSpace(value))
		}
	}
	return fmt.Errorf("guide: front matter not closed by ---")
}

func (p *Page) checkFrontMatter() error {
	if p.Title == "" {
		return fmt.Errorf("guide: page has no title")
	}
	if p.Status != Draft && p.Status != Reviewed {
		return fmt.Errorf("guide: status %q is neither draft nor reviewed", p.Status)
	}
	return nil
}

var placeholder = regexp.MustCompile(`\{\{\s*([a-z0-9_.-]+)\s*\}\}`)

// Placeholders returns the keys the page refers to, in order of use.
func (p *Page) Placeholders() []string {
	var keys []string
	for _, b := range append([]Block{{Text: p.Title}}, p.Blocks...) {
		for _, m := range placeholder.FindAllStringSubmatch(b.Text, -1) {
			keys = append(keys, m[1])
		}
	}
	return keys
}

// Text returns every string of the page, title first: what must render.
func (p *Page) Text() []string {
	out := []string{p.Title}
	for _, b := range p.Blocks {
		out = append(out, b.Text)
	}
	return out
}
