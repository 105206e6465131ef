package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
	// Changed tells that the sync brought or sent changes: conflicts
	// between desks may have appeared or closed, and are counted again.
	Changed bool
}

// SyncProgress is how far a pull has come: Received of Total changes the
// central had after this desk's position when it began.
type SyncProgress struct {
	Received, Total int
}

// progressFrom is the size of a pull worth a progress bar: smaller ones
// end before a bar could say anything.
const progressFrom = 1000

// maxSkew is how far the desk's clock may drift before staff are told.
const maxSkew = 5 * time.Second

// SyncLine is the bottom-right corner of every screen: the sync state in
// words, a progress bar during a long first sync, and the way to the
// conflicts when there are any.
type SyncLine struct {
	Text      *widget.Label
	Progress  *widget.ProgressBar
	Conflicts *widget.Button
	box       *fyne.Container
	// row is the bottom row the line sits in, with the status message:
	// laid out again when the line's width changes.
	row *fyne.Container
	// stale tells that syncs moved changes since conflicts were last
	// counted after a sync, at counted.
	stale   bool
	counted time.Time
}

// recountEvery spaces the conflict counts that syncs cause: a count reads
// the whole log (about a second per 20,000 changes on a busy desk), and an
// online desk syncs every second.
const recountEvery = 15 * time.Second

// bottomRow is every screen's last row: the status message, then the
// sync line on the right.
func (d *Desk) bottomRow() *fyne.Container {
	d.syncLine.row = container.NewBorder(nil, nil, d.lockButton(), d.syncLine.box, d.status)
	return d.syncLine.row
}

// relayout gives the line the width its new text or buttons need.
func (l *SyncLine) relayout() {
	if l.row != nil {
		l.row.Refresh()
	}
}

func newSyncLine(onConflicts func()) *SyncLine {
	l := &SyncLine{
		Text:      &widget.Label{Alignment: fyne.TextAlignTrailing},
		Progress:  widget.NewProgressBar(),
		Conflicts: &widget.Button{Icon: theme.WarningIcon(), Importance: widget.WarningImportance, OnTapped: onConflicts},
	}
	l.Progress.Hide()
	l.Conflicts.Hide()
	l.box = container.NewHBox(l.Conflicts, container.NewGridWrap(fyne.NewSize(180, l.Progress.MinSize().Height), l.Progress), l.Text)
	return l
}

// SyncLine returns the desk's sync line, for tests.
func (d *Desk) SyncLine() *SyncLine { return d.syncLine }

// ShowSync updates the sync line after a sync attempt and ends any
// progress display. Call it on the UI goroutine (fyne.Do).
func (d *Desk) ShowSync(s SyncState) {
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
	d.syncLine.Progress.Hide()
	d.syncLine.Text.SetText(text)
	d.syncLine.relayout()
	d.lastSync, d.progress = s, SyncProgress{}
	d.recountAfterSync(s.Changed)
}

// recountAfterSync counts conflicts again when syncs moved changes, at
// most every recountEvery.
func (d *Desk) recountAfterSync(changed bool) {
	l := d.syncLine
	l.stale = l.stale || changed
	if l.stale && time.Since(l.counted) >= recountEvery {
		l.stale, l.counted = false, time.Now()
		d.countConflicts()
	}
}

// ShowSyncProgress shows how far a long pull has come: a bar and
// "Receiving 12,400 of 100,000 changes". Short pulls show nothing. The
// sync client reports at most every replication.ProgressEvery; call it on
// the UI goroutine (fyne.Do).
func (d *Desk) ShowSyncProgress(p SyncProgress) {
	if p.Total < progressFrom || p.Received >= p.Total {
		return
	}
	d.progress = p
	d.syncLine.Progress.Max = float64(p.Total)
	d.syncLine.Progress.SetValue(float64(p.Received))
	d.syncLine.Progress.Show()
	d.syncLine.Text.SetText(d.loc.T("sync.progress", map[string]any{
		"Received": d.loc.Number(p.Received), "Total": d.loc.Number(p.Total),
	}))
	d.syncLine.relayout()
}

// showSyncLine redraws the line in the current language after a screen
// change.
func (d *Desk) showSyncLine() {
	if d.progress.Total > 0 {
		d.ShowSyncProgress(d.progress)
	} else if d.syncLine.Text.Text != "" {
		d.ShowSync(SyncState{Online: d.lastSync.Online, LastSync: d.lastSync.LastSync, Waiting: d.lastSync.Waiting,
			ClockSkew: d.lastSync.ClockSkew, Refused: d.lastSync.Refused})
	}
	d.showConflictCount()
}
