package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/i18n"
	"accueil/i18n/bidi"
)

// Tile is a large button for newcomers: an optional pictogram and a label
// in the newcomer's script, drawn by ScriptText (a Button's label would use
// the theme font and break scripts). It answers to taps and, when focused,
// to Enter and Space.
type Tile struct {
	widget.BaseWidget
	Label    *ScriptText
	icon     fyne.Resource
	OnTapped func()
	focused  bool
	bg       *canvas.Rectangle
}

func (k *Kiosk) newTile(text, lang string, icon fyne.Resource, tapped func()) *Tile {
	dir := bidi.LTR
	if i18n.IsRTL(lang) {
		dir = bidi.RTL
	}
	t := &Tile{Label: NewScriptText(k.fonts, text, i18n.FontOf(lang), dir, 26), icon: icon}
	t.Label.Center = true
	t.OnTapped = func() {
		k.touch()
		tapped()
	}
	t.ExtendBaseWidget(t)
	return t
}

// Text returns the tile's label.
func (t *Tile) Text() string { return t.Label.Text }

// SetText changes the label.
func (t *Tile) SetText(s string) {
	t.Label.Text = s
	t.Label.Refresh()
}

// Tapped implements fyne.Tappable.
func (t *Tile) Tapped(*fyne.PointEvent) {
	if t.OnTapped != nil {
		t.OnTapped()
	}
}

// FocusGained implements fyne.Focusable.
func (t *Tile) FocusGained() { t.focused = true; t.Refresh() }

// FocusLost implements fyne.Focusable.
func (t *Tile) FocusLost() { t.focused = false; t.Refresh() }

// TypedRune implements fyne.Focusable.
func (t *Tile) TypedRune(r rune) {
	if r == ' ' {
		t.Tapped(nil)
	}
}

// TypedKey implements fyne.Focusable.
func (t *Tile) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		t.Tapped(nil)
	}
}

// CreateRenderer implements fyne.Widget.
func (t *Tile) CreateRenderer() fyne.WidgetRenderer {
	t.bg = canvas.NewRectangle(theme.Color(theme.ColorNameButton))
	t.bg.CornerRadius = 14
	t.bg.StrokeWidth = 3
	r := &tileRenderer{t: t}
	if t.icon != nil {
		r.icon = canvas.NewImageFromResource(theme.NewThemedResource(t.icon))
		r.icon.FillMode = canvas.ImageFillContain
	}
	return r
}

// tileIcon is the pictogram's side.
const tileIcon = 48

type tileRenderer struct {
	t    *Tile
	icon *canvas.Image
}

// Layout centres the pictogram and the label, label under the pictogram.
func (r *tileRenderer) Layout(s fyne.Size) {
	r.t.bg.Resize(s)
	pad := theme.Padding() * 2
	inner := s.Width - 2*pad
	r.t.Label.layout(inner)
	lh := r.t.Label.MinSize().Height
	total := lh
	if r.icon != nil {
		total += tileIcon + pad
	}
	y := max(pad, (s.Height-total)/2)
	if r.icon != nil {
		r.icon.Resize(fyne.NewSquareSize(tileIcon))
		r.icon.Move(fyne.NewPos((s.Width-tileIcon)/2, y))
		y += tileIcon + pad
	}
	r.t.Label.Resize(fyne.NewSize(inner, lh))
	r.t.Label.Move(fyne.NewPos(pad, y))
}

func (r *tileRenderer) MinSize() fyne.Size {
	pad := theme.Padding() * 2
	h := r.t.Label.MinSize().Height + 2*pad
	if r.icon != nil {
		h += tileIcon + pad
	}
	return fyne.NewSize(120, h)
}

func (r *tileRenderer) Refresh() {
	r.t.bg.FillColor = theme.Color(theme.ColorNameButton)
	r.t.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	if r.t.focused {
		r.t.bg.StrokeColor = theme.Color(theme.ColorNameFocus)
	}
	r.t.bg.Refresh()
	r.t.Label.Refresh()
}

func (r *tileRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.t.bg, r.t.Label}
	if r.icon != nil {
		objs = append(objs, r.icon)
	}
	return objs
}

func (r *tileRenderer) Destroy() {}
