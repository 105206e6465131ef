package ui

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
)

// authGate runs password checks off the UI goroutine. A login opens the
// desk's keys and builds its search index (about two seconds for 100,000
// files), and the window must keep drawing meanwhile: the button waits,
// a bar moves, and a second press is ignored.
type authGate struct {
	busy atomic.Bool
}

// authenticate checks name and password in the background and calls done
// on the UI goroutine with the result. While it runs, button is disabled
// and bar (if any) moves.
func (d *Desk) authenticate(button *widget.Button, bar *widget.ProgressBarInfinite, name, password string,
	done func(intake.Staff, error)) {
	if !d.auth.busy.CompareAndSwap(false, true) {
		return
	}
	button.Disable()
	if bar != nil {
		bar.Show()
		bar.Start()
	}
	go func() {
		staff, err := d.store.Authenticate(d.ctx, name, password)
		fyne.Do(func() {
			button.Enable()
			if bar != nil {
				bar.Stop()
				bar.Hide()
			}
			done(staff, err)
			d.auth.busy.Store(false)
		})
	}()
}

// Authenticating reports whether a login is being checked.
func (d *Desk) Authenticating() bool { return d.auth.busy.Load() }

// newAuthBar is the bar shown while a login is checked, hidden until then.
func newAuthBar() *widget.ProgressBarInfinite {
	b := widget.NewProgressBarInfinite()
	b.Stop()
	b.Hide()
	return b
}
