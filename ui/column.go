package ui

import "fyne.io/fyne/v2"

// wrapColumn stacks objects vertically at the full width of the box and
// tells width-dependent widgets (ScriptText) the width before asking their
// height, so wrapped script text takes exactly the height it needs.
type wrapColumn struct {
	gap       float32
	width     float32
	onResized func() // the content's height changed with the width
}

func (c *wrapColumn) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	changed := size.Width != c.width
	c.width = size.Width
	y := float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		if st, ok := o.(*ScriptText); ok {
			st.layout(size.Width)
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + c.gap
	}
	if changed && c.onResized != nil {
		c.onResized()
	}
}

func (c *wrapColumn) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		if st, ok := o.(*ScriptText); ok && c.width > 0 {
			st.layout(c.width)
		}
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height + c.gap
	}
	return fyne.NewSize(w, h)
}
