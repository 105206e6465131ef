package casefile

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"

	"github.com/go-text/render"

	"accueil/guide/print"
	"accueil/i18n/bidi"
	"accueil/i18n/textlayout"
)

// Page sizes of A4 portrait at 150 dpi, as the guide prints.
const (
	pageWidth  = 1240
	pageHeight = 1754
	margin     = 100
	bodySize   = 24
)

// block is one paragraph to lay out.
type block struct {
	text        string
	size, space float32
	heading     bool // kept on the same sheet as the line after it
}

type placed struct {
	heading       bool
	line          textlayout.Line
	shaper        *textlayout.Shaper
	height        float32
	ascent, space float32
}

// Render lays the sheet out on A4 sheets. Names in any bundled script
// keep their letters: each character gets a font of the bundled set.
func Render(title string, sections []Section, footer string, fonts *textlayout.FontSet) []*image.RGBA {
	blocks := []block{{text: title, size: bodySize * 1.4}}
	for _, s := range sections {
		blocks = append(blocks, block{text: s.Title, size: bodySize * 1.1, space: bodySize * 0.9, heading: true})
		for _, l := range s.Lines {
			blocks = append(blocks, block{text: l, size: bodySize, space: bodySize * 0.2})
		}
	}
	if footer != "" {
		blocks = append(blocks, block{text: footer, size: bodySize * 0.7, space: bodySize * 1.5})
	}
	var lines []placed
	width := float32(pageWidth - 2*margin)
	shapers := map[float32]*textlayout.Shaper{} // one per size: they cache advances
	for _, b := range blocks {
		sh := shapers[b.size]
		if sh == nil {
			sh = textlayout.NewShaper(fonts, b.size)
			shapers[b.size] = sh
		}
		para := textlayout.Layout(b.text, textlayout.Options{Primary: print.FontFiles[0], Direction: bidi.LTR, MaxWidth: width}, fonts, sh)
		h, asc := sh.LineHeight(para.Fonts)
		for i, l := range para.Lines {
			p := placed{line: l, shaper: sh, height: h, ascent: asc, heading: b.heading}
			if i == 0 {
				p.space = b.space
			}
			lines = append(lines, p)
		}
	}
	return paginate(lines)
}

func paginate(lines []placed) []*image.RGBA {
	var sheets [][]placed
	var cur []placed
	y := float32(margin)
	for i, l := range lines {
		need := l.space + l.height
		if l.heading && i+1 < len(lines) {
			need += lines[i+1].space + lines[i+1].height // no heading alone at the foot of a sheet
		}
		if len(cur) > 0 && y+need > pageHeight-margin {
			sheets, cur, y = append(sheets, cur), nil, margin
			l.space = 0
		}
		cur = append(cur, l)
		y += l.space + l.height
	}
	sheets = append(sheets, cur)
	out := make([]*image.RGBA, len(sheets))
	for i, s := range sheets {
		out[i] = draw1(s)
	}
	return out
}

func draw1(lines []placed) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, pageWidth, pageHeight))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	y := float32(margin)
	for _, l := range lines {
		y += l.space
		r := &render.Renderer{FontSize: l.shaper.Size, Color: color.Black}
		// The renderer rasterises over its whole destination: giving it the
		// line's strip rather than the sheet makes a sheet ten times faster.
		// It draws relative to the strip's corner.
		top := int(y) - int(l.height)
		strip := img.SubImage(image.Rect(0, top, pageWidth, int(y+2*l.height))).(*image.RGBA)
		for _, run := range l.line.Runs {
			out := l.shaper.Shape([]rune(run.Text), run.Font, run.RTL)
			r.DrawShapedRunAt(out, strip, int(margin+l.line.Offset+run.X), int(y+l.ascent)-top)
		}
		y += l.height
	}
	return img
}

// WritePDF prints the sheet as an A4 PDF.
func WritePDF(w io.Writer, title string, sections []Section, footer string, fonts *textlayout.FontSet) error {
	if err := print.WritePDF(w, Render(title, sections, footer, fonts)); err != nil {
		return fmt.Errorf("casefile: write pdf: %w", err)
	}
	return nil
}
