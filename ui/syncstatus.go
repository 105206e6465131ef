package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// SyncState is what the desk shows of its sync with the central, at a
// glance on every screen: reachable or not, when it last synced, how many
// changes wait to be sent, and whether the desk's clock is off.
type SyncState struct {
	Online    bool
	LastSync  time.Time
	Waiting   int
	ClockSkew time.Duration
	// Refused is set when the central refused the desk (revoked, or the
	// application must be updated): sync stopped until staff act.
	Refused bool
}

// maxSkew is how far the desk's clock may drift before staff are told.
const maxSkew = 5 * time.Second

// ShowSync updates the sync line. Call it on the UI goroutine (fyne.Do).
func (d *Desk) ShowSync(s SyncState) {
	if d.syncLine == nil {
		return
	}
	args := map[string]any{"Count": s.Waiting, "Waiting": s.Waiting, "Time": s.LastSync.Format("15:04")}
	text := d.loc.T("sync.offline", args)
	switch {
	case s.Refused:
		text = d.loc.T("sync.refused", args)
	case s.Online:
		text = d.loc.T("sync.online", args)
	}
	if s.ClockSkew > maxSkew || s.ClockSkew < -maxSkew {
		text += " · " + d.loc.T("sync.clock", map[string]any{"Seconds": int(s.ClockSkew.Abs().Seconds())})
	}
	d.syncLine.SetText(text)
	d.lastSync = s
}

func newSyncLine() *widget.Label {
	l := widget.NewLabel("")
	l.Alignment = fyne.TextAlignTrailing
	return l
}
