package print

import (
	"image"
	"image/color"
	"image/draw"

	"github.com/go-text/render"

	"accueil/guide"
	"accueil/i18n/bidi"
	"accueil/i18n/textlayout"
)

// Options size a rendered page.
type Options struct {
	Width    int     // pixels
	Height   int     // pixels per sheet; 0 renders one sheet as tall as needed
	Margin   int     // pixels
	BodySize float32 // pixels
}

// ScreenOptions render a page as one long image, as the screen scrolls it.
var ScreenOptions = Options{Width: 1240, Margin: 90, BodySize: 30}

// A4Options render A4 portrait sheets at 150 dpi.
var A4Options = Options{Width: 1240, Height: 1754, Margin: 100, BodySize: 28}

// Texts are the newcomer interface strings a printed page needs.
type Texts struct {
	Draft       string // shown on drafts
	Placeholder string // stands for a value the office has not filled in
	Footer      string // e.g. "Printed on 23.11.2026"
}

// block is one paragraph to draw with its size and indent.
type block struct {
	text  string
	size  float32
	space float32 // blank space before, in pixels
}

// RenderPage draws a guide page in its language, title first, on as many
// sheets as it needs (one when o.Height is 0). Lines are never cut across
// sheets.
func RenderPage(g *guide.Guide, p *guide.Page, fonts *textlayout.FontSet, t Texts, o Options) []*image.RGBA {
	dir := bidi.LTR
	if IsRTL(p.Lang) {
		dir = bidi.RTL
	}
	primary := PrimaryFont(p.Lang)
	width := float32(o.Width - 2*o.Margin)
	var lines []sheetLine
	for _, b := range pageBlocks(g, p, t, o) {
		sh := textlayout.NewShaper(fonts, b.size)
		para := textlayout.Layout(b.text, textlayout.Options{Primary: primary, Direction: dir, MaxWidth: width}, fonts, sh)
		lh, ascent := sh.LineHeight(para.Fonts)
		for i, l := range para.Lines {
			space := float32(0)
			if i == 0 {
				space = b.space
			}
			lines = append(lines, sheetLine{line: l, shaper: sh, height: lh, ascent: ascent, space: space})
		}
	}
	return paginate(lines, o)
}

// sheetLine is one laid-out line waiting for a place on a sheet.
type sheetLine struct {
	line          textlayout.Line
	shaper        *textlayout.Shaper
	height        float32
	ascent, space float32
}

func paginate(lines []sheetLine, o Options) []*image.RGBA {
	var sheets [][]sheetLine
	var cur []sheetLine
	y := float32(o.Margin)
	for _, l := range lines {
		if o.Height > 0 && len(cur) > 0 && y+l.space+l.height > float32(o.Height-o.Margin) {
			sheets, cur, y = append(sheets, cur), nil, float32(o.Margin)
			l.space = 0
		}
		cur = append(cur, l)
		y += l.space + l.height
	}
	sheets = append(sheets, cur)
	out := make([]*image.RGBA, len(sheets))
	for i, s := range sheets {
		out[i] = drawSheet(s, o)
	}
	return out
}

func drawSheet(lines []sheetLine, o Options) *image.RGBA {
	h := o.Height
	if h == 0 {
		total := float32(2 * o.Margin)
		for _, l := range lines {
			total += l.space + l.height
		}
		h = int(total) + 1
	}
	img := image.NewRGBA(image.Rect(0, 0, o.Width, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	y := float32(o.Margin)
	x := float32(o.Margin)
	for _, l := range lines {
		y += l.space
		r := &render.Renderer{FontSize: l.shaper.Size, Color: color.Black}
		for _, run := range l.line.Runs {
			out := l.shaper.Shape([]rune(run.Text), run.Font, run.RTL)
			r.DrawShapedRunAt(out, img, int(x+l.line.Offset+run.X), int(y+l.ascent))
		}
		y += l.height
	}
	return img
}

func pageBlocks(g *guide.Guide, p *guide.Page, t Texts, o Options) []block {
	body := o.BodySize
	out := []block{{text: p.Title, size: body * 1.5}}
	if p.Status != guide.Reviewed && t.Draft != "" {
		out = append(out, block{text: t.Draft, size: body * 0.7, space: body * 0.3})
	}
	for _, b := range p.Blocks {
		text, _ := g.Fill(b.Text, t.Placeholder)
		switch b.Kind {
		case guide.Heading:
			out = append(out, block{text: text, size: body * 1.2, space: body * 0.8})
		case guide.Bullet:
			out = append(out, block{text: "• " + text, size: body, space: body * 0.2})
		default:
			out = append(out, block{text: text, size: body, space: body * 0.6})
		}
	}
	if t.Footer != "" {
		out = append(out, block{text: t.Footer, size: body * 0.6, space: body * 1.5})
	}
	return out
}
