package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
	"accueil/store"
)

// lockAdminStore is what the staff screen's security part needs.
type lockAdminStore interface {
	IdleLock(ctx context.Context) (time.Duration, error)
	SetIdleLock(ctx context.Context, by intake.Staff, d time.Duration) error
	LockedStaff(ctx context.Context, by intake.Staff) (map[string]time.Time, error)
	UnlockStaff(ctx context.Context, by intake.Staff, id string) error
}

var _ lockAdminStore = (*store.Store)(nil)

// StaffSecurity is the staff screen's part for the idle lock and the
// accounts locked after failed logins.
type StaffSecurity struct {
	IdleMinutes *keyEntry
	SaveIdle    *widget.Button
	// Unlock has a button per locked account, by staff ID.
	Unlock map[string]*widget.Button
	Error  *widget.Label
}

// staffSecurity builds the part, or an empty box for a store without it.
func (d *Desk) staffSecurity(s *StaffScreen) fyne.CanvasObject {
	ls, ok := d.store.(lockAdminStore)
	if !ok {
		return container.NewVBox()
	}
	l := d.loc
	sec := &StaffSecurity{IdleMinutes: newKeyEntry(d.showHome), Unlock: map[string]*widget.Button{}, Error: widget.NewLabel("")}
	s.Security = sec
	sec.Error.Importance = widget.DangerImportance
	if idle, err := ls.IdleLock(d.ctx); err == nil {
		sec.IdleMinutes.SetText(strconv.Itoa(int(idle / time.Minute)))
	}
	sec.SaveIdle = &widget.Button{Text: l.S("lock.setting.save"), OnTapped: func() { d.saveIdle(ls, sec) }}
	box := container.NewVBox(widget.NewForm(widget.NewFormItem(l.S("lock.setting"),
		container.NewBorder(nil, nil, nil, sec.SaveIdle, sec.IdleMinutes))))
	locked, err := ls.LockedStaff(d.ctx, *d.staff)
	if err != nil {
		d.fail(err)
	}
	for _, st := range s.staff {
		if _, ok := locked[st.ID]; ok {
			b := &widget.Button{Text: l.S("staff.unlock") + " " + st.Name + " (" + l.S("staff.locked") + ")",
				Importance: widget.WarningImportance}
			b.OnTapped = func() { d.unlockStaff(ls, st.ID, b) }
			sec.Unlock[st.ID] = b
			box.Add(b)
		}
	}
	box.Add(sec.Error)
	return box
}

func (d *Desk) saveIdle(ls lockAdminStore, sec *StaffSecurity) {
	n, err := strconv.Atoi(strings.TrimSpace(sec.IdleMinutes.Text))
	idle := time.Duration(n) * time.Minute
	if err != nil || idle < store.MinIdleLock || idle > store.MaxIdleLock {
		sec.Error.SetText(d.loc.S("lock.setting.invalid"))
		return
	}
	if err := ls.SetIdleLock(d.ctx, *d.staff, idle); err != nil {
		d.fail(err)
		return
	}
	sec.Error.SetText("")
	d.sec.idle = idle
	d.say("lock.setting.saved", map[string]any{"Minutes": n})
}

func (d *Desk) unlockStaff(ls lockAdminStore, id string, b *widget.Button) {
	if err := ls.UnlockStaff(d.ctx, *d.staff, id); err != nil {
		d.fail(err)
		return
	}
	b.Hide()
}
