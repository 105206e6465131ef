package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyEntry is an Entry that hands Escape to the screen: Fyne delivers keys
// to the focused widget only, and a plain Entry ignores Escape, so without
// this a form could not be cancelled from the keyboard.
type keyEntry struct {
	widget.Entry
	onEscape func()
}

func newKeyEntry(onEscape func()) *keyEntry {
	e := &keyEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

func newPasswordEntry(onEscape func()) *keyEntry {
	e := newKeyEntry(onEscape)
	e.Password = true
	return e
}

// TypedKey implements fyne.Focusable.
func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}
