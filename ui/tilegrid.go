package ui

import "fyne.io/fyne/v2"

// tileGrid places tiles of one size in rows that fill the width, in
// reading order: left to right, or right to left for Arabic-script
// languages, whose readers look for the first topic at the top right.
type tileGrid struct {
	cell  fyne.Size
	gap   float32
	rtl   bool
	width float32 // last laid-out width
}

func (g *tileGrid) columns(width float32) int {
	return max(1, int((width+g.gap)/(g.cell.Width+g.gap)))
}

func (g *tileGrid) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	cols := g.columns(size.Width)
	used := float32(cols)*g.cell.Width + float32(cols-1)*g.gap
	left := (size.Width - used) / 2
	for i, o := range objects {
		col, row := i%cols, i/cols
		if g.rtl {
			col = cols - 1 - col
		}
		o.Move(fyne.NewPos(left+float32(col)*(g.cell.Width+g.gap), float32(row)*(g.cell.Height+g.gap)))
		o.Resize(g.cell)
	}
}

func (g *tileGrid) MinSize(objects []fyne.CanvasObject) fyne.Size {
	// The height depends on the width: use the last width (a screen's
	// width before the first layout) to count rows.
	w := g.width
	if w == 0 {
		w = 1200
	}
	cols := g.columns(w)
	rows := (len(objects) + cols - 1) / cols
	return fyne.NewSize(g.cell.Width, float32(rows)*(g.cell.Height+g.gap))
}
