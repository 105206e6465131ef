package ui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// keyEntry is an Entry that hands Escape to the screen and refuses text
// beyond a maximum length. Fyne delivers keys to the focused widget only,
// and a plain Entry ignores Escape, so without this a form could not be
// cancelled from the keyboard; and a pasted 10 MB document would freeze
// the window while it is measured, so it is refused before it lands.
type keyEntry struct {
	widget.Entry
	onEscape  func()
	maxLen    int           // 0: no limit
	onTooLong func(max int) // told when typing or a paste is refused
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

// limit sets the maximum length in characters and who is told of refusals.
func (e *keyEntry) limit(max int, onTooLong func(int)) *keyEntry {
	e.maxLen, e.onTooLong = max, onTooLong
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

// TypedRune implements fyne.Focusable.
func (e *keyEntry) TypedRune(r rune) {
	if e.maxLen > 0 && utf8.RuneCountInString(e.Text) >= e.maxLen {
		e.refuse()
		return
	}
	e.Entry.TypedRune(r)
}

// TypedShortcut implements fyne.Shortcutable. The focused widget receives
// every shortcut and an Entry swallows those it does not know, so the
// desk's own shortcuts (Ctrl+F, Ctrl+N, Ctrl+S) are handed on to the
// canvas, where the desk registered them.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && isDeskShortcut(cs) {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(interface{ TypedShortcut(fyne.Shortcut) }); ok {
			c.TypedShortcut(s)
			return
		}
	}
	if p, ok := s.(*fyne.ShortcutPaste); ok && e.maxLen > 0 && p.Clipboard != nil {
		if utf8.RuneCountInString(e.Text)+utf8.RuneCountInString(p.Clipboard.Content()) > e.maxLen {
			e.refuse()
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

func (e *keyEntry) refuse() {
	if e.onTooLong != nil {
		e.onTooLong(e.maxLen)
	}
}
