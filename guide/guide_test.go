package guide

import (
	"strings"
	"testing"

	"accueil/assets"
)

func TestParsePage(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr bool
		blocks  []Block
	}{
		{
			name: "all constructs",
			in:   "---\ntitle: T\nstatus: draft\n---\nOne line\ncontinues.\n\n- a\n- b\n## Sub\nText {{contacts.x}}.\n",
			blocks: []Block{
				{Paragraph, "One line continues."}, {Bullet, "a"}, {Bullet, "b"},
				{Heading, "Sub"}, {Paragraph, "Text {{contacts.x}}."},
			},
		},
		{name: "byte order mark", in: "\ufeff---\ntitle: T\nstatus: reviewed\n---\nx\n", blocks: []Block{{Paragraph, "x"}}},
		{name: "no front matter", in: "title: T\n", wantErr: true},
		{name: "unclosed front matter", in: "---\ntitle: T\nstatus: draft\n", wantErr: true},
		{name: "no title", in: "---\nstatus: draft\n---\n", wantErr: true},
		{name: "unknown status", in: "---\ntitle: T\nstatus: final\n---\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePage(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if len(p.Blocks) != len(tt.blocks) {
				t.Fatalf("blocks = %+v, want %+v", p.Blocks, tt.blocks)
			}
			for i := range p.Blocks {
				if p.Blocks[i] != tt.blocks[i] {
					t.Errorf("block %d = %+v, want %+v", i, p.Blocks[i], tt.blocks[i])
				}
			}
		})
	}
}

// TestShippedGuide checks the guide the app embeds: every language has
// every topic, every placeholder is defined, English is the full source.
func TestShippedGuide(t *testing.T) {
	g, err := Load(assets.Guide())
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Topics) < 11 {
		t.Errorf("%d topics, want at least 11", len(g.Topics))
	}
	for _, lang := range g.Languages() {
		if m := g.Missing(lang); len(m) > 0 {
			t.Errorf("%s lacks topics %v", lang, m)
		}
		for _, topic := range g.Topics {
			p, ok := g.Page(lang, topic.ID)
			if !ok {
				continue
			}
			if u := g.UnknownPlaceholders(p); len(u) > 0 {
				t.Errorf("%s/%s uses undefined placeholders %v", lang, topic.ID, u)
			}
			if len(p.Blocks) == 0 {
				t.Errorf("%s/%s is empty", lang, topic.ID)
			}
		}
	}
}

func TestFillNeverShowsRawPlaceholder(t *testing.T) {
	g, err := Load(assets.Guide())
	if err != nil {
		t.Fatal(err)
	}
	got, filled := g.Fill("Call {{contacts.emergency_medical}} or {{contacts.office_phone}}.", "(soon)")
	if filled {
		t.Error("an office phone still marked as placeholder counts as filled")
	}
	if got != "Call 144 or (soon)." {
		t.Errorf("Fill = %q", got)
	}
	if got, _ := g.Fill("Phone: {{contacts.office_phone}}.", "To be completed."); got != "Phone: To be completed." {
		t.Errorf("full stop doubled: %q", got)
	}
	if _, filled := g.Fill("Call {{contacts.emergency_police}}.", "(soon)"); !filled {
		t.Error("a real value counts as unfilled")
	}
}
