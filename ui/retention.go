package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accueil/intake"
	"accueil/store"
)

// retentionStore is what the retention screen needs.
type retentionStore interface {
	RetentionYears(ctx context.Context) (int, error)
	SetRetentionYears(ctx context.Context, by intake.Staff, years int) error
	RetentionPreview(ctx context.Context, by intake.Staff) (store.RetentionPlan, error)
	Anonymise(ctx context.Context, by intake.Staff, plan store.RetentionPlan) (int, error)
}

var _ retentionStore = (*store.Store)(nil)

// RetentionScreen lets an administrator set the retention period, see
// which files are due and what will be removed, and anonymise them.
type RetentionScreen struct {
	Years   *keyEntry
	Preview *widget.Button
	Run     *widget.Button
	Back    *widget.Button
	Summary *widget.Label
	Error   *widget.Label
	plan    store.RetentionPlan
	store   retentionStore
}

// Plan returns the preview shown.
func (r *RetentionScreen) Plan() store.RetentionPlan { return r.plan }

func (d *Desk) showRetention() { d.show(d.buildRetention) }

func (d *Desk) buildRetention() fyne.CanvasObject {
	rs, ok := d.store.(retentionStore)
	if !ok || d.staff == nil || d.staff.Role != intake.RoleAdmin {
		return widget.NewLabel(d.loc.S("error.forbidden"))
	}
	l := d.loc
	r := &RetentionScreen{Years: newKeyEntry(d.showHome), Summary: widget.NewLabel(""), Error: widget.NewLabel(""), store: rs}
	d.sec.retention = r
	r.Summary.Wrapping = fyne.TextWrapWord
	r.Error.Importance = widget.DangerImportance
	if y, err := rs.RetentionYears(d.ctx); err == nil {
		r.Years.SetText(strconv.Itoa(y))
	}
	r.Preview = &widget.Button{Text: l.S("retention.preview"), Icon: theme.SearchIcon(), OnTapped: func() { d.retentionPreview(r) }}
	r.Run = &widget.Button{Text: l.S("retention.run"), Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: func() { d.retentionAsk(r) }}
	r.Run.Disable()
	r.Back = &widget.Button{Text: l.S("form.back"), Icon: theme.NavigateBackIcon(), OnTapped: d.showHome}
	title := widget.NewLabelWithStyle(l.S("retention.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	form := widget.NewForm(widget.NewFormItem(l.S("retention.years"), r.Years))
	d.focus = r.Years
	return container.NewVBox(container.NewHBox(r.Back, title), form, container.NewHBox(r.Preview, r.Run), r.Error, r.Summary)
}

// retentionPreview saves the period if it changed and shows what is due.
func (d *Desk) retentionPreview(r *RetentionScreen) {
	years, err := strconv.Atoi(strings.TrimSpace(r.Years.Text))
	if err != nil || years < store.MinRetentionYears || years > store.MaxRetentionYears {
		r.Error.SetText(d.loc.S("retention.setting.invalid"))
		return
	}
	r.Error.SetText("")
	if cur, err := r.store.RetentionYears(d.ctx); err == nil && cur != years {
		if err := r.store.SetRetentionYears(d.ctx, *d.staff, years); err != nil {
			d.fail(err)
			return
		}
	}
	plan, err := r.store.RetentionPreview(d.ctx, *d.staff)
	if err != nil {
		d.fail(err)
		return
	}
	r.plan = plan
	if len(plan.Persons) == 0 {
		r.Summary.SetText(d.loc.S("retention.none"))
		r.Run.Disable()
		return
	}
	names := make([]string, len(plan.Fields))
	for i, f := range plan.Fields {
		names[i] = d.loc.S("field." + string(f))
	}
	r.Summary.SetText(d.loc.T("retention.due", map[string]any{"Count": len(plan.Persons), "Before": d.loc.Date(plan.Before)}) +
		"\n" + d.loc.T("retention.fields", map[string]any{"Fields": strings.Join(names, ", ")}))
	r.Run.Enable()
}

func (d *Desk) retentionAsk(r *RetentionScreen) {
	dialog.ShowConfirm(d.loc.S("retention.run"), d.loc.S("retention.confirm"), func(ok bool) {
		if ok {
			d.RetentionRun(r)
		}
	}, d.win)
}

// RetentionRun anonymises the previewed files (after the confirmation).
func (d *Desk) RetentionRun(r *RetentionScreen) {
	n, err := r.store.Anonymise(d.ctx, *d.staff, r.plan)
	if err != nil {
		d.fail(err)
	}
	r.plan = store.RetentionPlan{}
	r.Run.Disable()
	r.Summary.SetText(d.loc.T("retention.done", map[string]any{"Count": n}))
}

// retentionButton opens the retention screen; administrators only.
func (d *Desk) retentionButton() *widget.Button {
	b := &widget.Button{Text: d.loc.S("home.retention"), Icon: theme.DeleteIcon(), OnTapped: d.showRetention}
	if _, ok := d.store.(retentionStore); !ok || d.staff.Role != intake.RoleAdmin {
		b.Hide()
	}
	return b
}

// Retention returns the retention screen on display, or nil.
func (d *Desk) Retention() *RetentionScreen { return d.sec.retention }
