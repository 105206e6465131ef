package ui

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// conflictStore returns the part of the store that knows conflicts, nil
// for a store without it.
func (d *Desk) conflictStore() ConflictStore {
	cs, _ := d.store.(ConflictStore)
	return cs
}

// countConflicts counts the conflicts the logged-in staff member may
// resolve (none for a role that does not edit files), off the UI goroutine (the count reads the whole log), and shows
// the count on the sync line and the home screen. Call it on the UI
// goroutine; a newer count overtakes an older one.
func (d *Desk) countConflicts() {
	cs := d.conflictStore()
	d.countGen++
	// Only roles that edit files decide; the others are not asked.
	if cs == nil || d.staff == nil || !d.staff.Role.CanEditPersons() {
		d.conflictCount = 0
		d.showConflictCount()
		return
	}
	gen, by, ctx := d.countGen, *d.staff, d.ctx
	go func() {
		list, err := cs.Conflicts(ctx, by)
		fyne.Do(func() {
			if gen != d.countGen {
				return
			}
			if err != nil {
				log.Printf("accueil: count conflicts: %v", err)
			} else {
				d.conflictCount = len(list)
				d.showConflictCount()
			}
			if d.onCounted != nil {
				d.onCounted()
			}
		})
	}()
}

// showConflictCount shows or hides the ways to the conflict screen.
func (d *Desk) showConflictCount() {
	n := d.conflictCount
	if d.staff == nil {
		n = 0
	}
	text := d.loc.T("sync.conflicts", map[string]any{"Count": n})
	for _, b := range []*widget.Button{d.syncLine.Conflicts, d.homeConflicts()} {
		if b == nil {
			continue
		}
		b.SetText(text)
		if n > 0 {
			b.Show()
		} else {
			b.Hide()
		}
	}
	d.syncLine.relayout()
}

func (d *Desk) homeConflicts() *widget.Button {
	if d.Home == nil {
		return nil
	}
	return d.Home.Conflicts
}

// newConflictsButton is the home screen's way to the conflicts, shown
// while there are some.
func (d *Desk) newConflictsButton() *widget.Button {
	b := &widget.Button{Icon: theme.WarningIcon(), Importance: widget.WarningImportance, OnTapped: d.showConflicts}
	b.Hide()
	return b
}

// refreshConflictCount counts the conflicts again for a staff member who
// just logged in, else shows the last count.
func (d *Desk) refreshConflictCount() {
	if d.staff != nil && d.countedFor != d.staff {
		d.countedFor = d.staff
		d.countConflicts()
		return
	}
	d.showConflictCount()
}
