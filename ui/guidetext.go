package ui

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/i18n/bidi"
	"accueil/i18n/textlayout"
)

// Script text goes through this widget, never through Label or Entry: it
// chooses a bundled font per character, wraps by measured width and places
// each line's runs in visual (bidi) order, one canvas.Text per run with its
// FontSource, so measuring and drawing use the same font and nothing clips.

// Fonts is the bundled font set with a Fyne resource per font.
type Fonts struct {
	Set       *textlayout.FontSet
	resources map[string]fyne.Resource
}

// NewFonts wraps a font set for drawing with Fyne.
func NewFonts(set *textlayout.FontSet) *Fonts {
	f := &Fonts{Set: set, resources: map[string]fyne.Resource{}}
	for _, name := range set.Names() {
		f.resources[name] = fyne.NewStaticResource(name, set.Data(name))
	}
	return f
}

// fyneMeasurer measures with Fyne's own text renderer so that layout and
// drawing agree to the pixel.
type fyneMeasurer struct {
	fonts *Fonts
	size  float32
	style fyne.TextStyle
}

func (m fyneMeasurer) Advance(text []rune, font string, rtl bool) float32 {
	s, _ := fyne.CurrentApp().Driver().RenderedTextSize(drawnText(string(text), rtl), m.size, m.style, m.fonts.resources[font])
	return s.Width
}

// drawnText prefixes a right-to-left run with RLM so that Fyne shapes it
// right to left and mirrors its brackets.
func drawnText(s string, rtl bool) string {
	if rtl {
		return "\u200f" + s
	}
	return s
}

// ScriptText shows one paragraph of newcomer text.
type ScriptText struct {
	widget.BaseWidget
	Text      string
	Primary   string // the language's font
	Direction bidi.Direction
	TextSize  float32
	Bold      bool
	Center    bool
	Color     color.Color

	fonts *Fonts
	mu    sync.Mutex
	para  textlayout.Paragraph
	width float32
}

// NewScriptText makes a paragraph widget.
func NewScriptText(fonts *Fonts, text, primary string, dir bidi.Direction, size float32) *ScriptText {
	t := &ScriptText{Text: text, Primary: primary, Direction: dir, TextSize: size, fonts: fonts}
	t.ExtendBaseWidget(t)
	return t
}

// Paragraph returns the last layout, for tests.
func (t *ScriptText) Paragraph() textlayout.Paragraph {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.para
}

func (t *ScriptText) layout(width float32) textlayout.Paragraph {
	t.mu.Lock()
	defer t.mu.Unlock()
	m := fyneMeasurer{fonts: t.fonts, size: t.TextSize, style: fyne.TextStyle{Bold: t.Bold}}
	t.para = textlayout.Layout(t.Text, textlayout.Options{Primary: t.Primary, Direction: t.Direction, MaxWidth: width, Center: t.Center}, t.fonts.Set, m)
	t.width = width
	return t.para
}

// CreateRenderer implements fyne.Widget.
func (t *ScriptText) CreateRenderer() fyne.WidgetRenderer {
	return &scriptRenderer{t: t}
}

type scriptRenderer struct {
	t       *ScriptText
	objects []fyne.CanvasObject
	height  float32
	placed  bool // objects match the text at placedW
	placedW float32
}

func (r *scriptRenderer) Layout(size fyne.Size) {
	r.place(size.Width)
}

// place lays the paragraph out at width and positions one text per run,
// lines stacked by the tallest run, baselines aligned.
func (r *scriptRenderer) place(width float32) {
	t := r.t
	if r.placed && r.placedW == width {
		return
	}
	r.placed, r.placedW = true, width
	para := t.layout(width)
	col := t.Color
	if col == nil {
		col = theme.Color(theme.ColorNameForeground)
	}
	style := fyne.TextStyle{Bold: t.Bold}
	r.objects = r.objects[:0]
	y := float32(0)
	for _, line := range para.Lines {
		height, ascent := r.lineMetrics(line, style)
		for _, run := range line.Runs {
			txt := canvas.NewText(drawnText(run.Text, run.RTL), col)
			txt.TextSize, txt.TextStyle = t.TextSize, style
			txt.FontSource = t.fonts.resources[run.Font]
			s, base := fyne.CurrentApp().Driver().RenderedTextSize(txt.Text, t.TextSize, style, txt.FontSource)
			txt.Resize(s)
			txt.Move(fyne.NewPos(line.Offset+run.X, y+ascent-base))
			r.objects = append(r.objects, txt)
		}
		if height == 0 {
			height, _ = r.emptyLine(style)
		}
		y += height
	}
	r.height = y
}

func (r *scriptRenderer) lineMetrics(line textlayout.Line, style fyne.TextStyle) (height, ascent float32) {
	var descent float32
	for _, run := range line.Runs {
		s, base := fyne.CurrentApp().Driver().RenderedTextSize(drawnText(run.Text, run.RTL), r.t.TextSize, style, r.t.fonts.resources[run.Font])
		ascent = max(ascent, base)
		descent = max(descent, s.Height-base)
	}
	return ascent + descent, ascent
}

func (r *scriptRenderer) emptyLine(style fyne.TextStyle) (float32, float32) {
	s, base := fyne.CurrentApp().Driver().RenderedTextSize("M", r.t.TextSize, style, r.t.fonts.resources[r.t.Primary])
	return s.Height, base
}

func (r *scriptRenderer) MinSize() fyne.Size {
	w := r.t.width
	if w <= 0 {
		// Before the first layout: a natural width; wrapColumn sets the
		// real one before asking again.
		w = 600
	}
	r.place(w)
	return fyne.NewSize(min(w, 120), r.height)
}

func (r *scriptRenderer) Refresh() {
	r.placed = false
	r.place(r.t.width)
	canvas.Refresh(r.t)
}

func (r *scriptRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *scriptRenderer) Destroy()                     {}
