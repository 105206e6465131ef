package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"accueil/guide"
	"accueil/i18n"
	"accueil/i18n/bidi"
	"accueil/intake"
)

// Authenticator checks a staff login; the kiosk needs nothing else of the
// store, so nothing of the staff side is reachable from it.
type Authenticator interface {
	Authenticate(ctx context.Context, name, password string) (intake.Staff, error)
}

// KioskOptions configure the newcomer screen.
type KioskOptions struct {
	// Idle is how long without a touch before the screen returns to the
	// language picker and forgets the choice.
	Idle time.Duration
	// OnExit is called after a staff login leaves newcomer mode.
	OnExit func(intake.Staff)
	// OnTakeHome writes a page (topic "" for the whole guide) as a PDF.
	OnTakeHome func(lang, topic string) error
	// Staff is the staff language, for the staff login that leaves the
	// newcomer mode.
	Staff *i18n.Localizer
}

// navTile is the size of the Home and Back tiles.
var navTile = fyne.NewSize(180, 110)

// DefaultIdle returns the newcomer screen to the start after two minutes.
const DefaultIdle = 2 * time.Minute

// Kiosk is the locked newcomer screen: language picker, topic tiles and
// guide pages, in the newcomer's language and script.
type Kiosk struct {
	win   fyne.Window
	guide *guide.Guide
	cat   *i18n.Catalog
	fonts *Fonts
	auth  Authenticator
	opts  KioskOptions

	lang      string
	loc       *i18n.Localizer
	lastTouch time.Time
	watch     sync.Once

	// The tiles on display, for keyboard, tests and screenshots.
	Languages []*Tile
	Topics    []*Tile
	Page      []*ScriptText
	Home      *Tile
	Back      *Tile
	TakeHome  *Tile
	StaffExit *widget.Button
	// StaffDialog is the open staff login, if any.
	StaffDialog *StaffLogin
}

// NewKiosk prepares the newcomer screen in win.
func NewKiosk(win fyne.Window, g *guide.Guide, cat *i18n.Catalog, fonts *Fonts, auth Authenticator, opts KioskOptions) *Kiosk {
	if opts.Idle == 0 {
		opts.Idle = DefaultIdle
	}
	return &Kiosk{win: win, guide: g, cat: cat, fonts: fonts, auth: auth, opts: opts}
}

// Start shows the language picker; the first start also starts the idle
// watch, which runs for the life of the window.
func (k *Kiosk) Start() {
	k.ShowLanguages()
	k.watch.Do(func() { go k.watchIdle() })
}

func (k *Kiosk) ctx() context.Context { return context.Background() }

// Guide returns the guide the kiosk shows.
func (k *Kiosk) Guide() *guide.Guide { return k.guide }

// Language returns the chosen language, "" on the picker.
func (k *Kiosk) Language() string { return k.lang }

// touch records activity: every tap resets the idle timer.
func (k *Kiosk) touch() { k.lastTouch = time.Now() }

// CheckIdle returns to the picker when the screen was left alone for the
// idle time, forgetting the language. It reports whether it did.
func (k *Kiosk) CheckIdle(now time.Time) bool {
	if k.lang == "" || now.Sub(k.lastTouch) < k.opts.Idle {
		return false
	}
	k.ShowLanguages()
	return true
}

func (k *Kiosk) watchIdle() {
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for now := range tick.C {
		fyne.Do(func() { k.CheckIdle(now) })
	}
}

// ShowLanguages shows the language picker: every language in its own name
// and script, big tiles, no flags.
func (k *Kiosk) ShowLanguages() {
	k.lang, k.loc = "", nil
	k.clear()
	grid := container.New(&tileGrid{cell: fyne.NewSize(230, 100), gap: 12})
	for _, l := range k.guideLanguages() {
		lang := l
		tile := k.newTile(lang.Native, lang.Tag.String(), nil, func() { k.ChooseLanguage(lang.Tag.String()) })
		k.Languages = append(k.Languages, tile)
		grid.Add(tile)
	}
	k.StaffExit = &widget.Button{Text: "⚙", Importance: widget.LowImportance, OnTapped: k.askStaffLogin}
	top := container.NewBorder(nil, nil, nil, k.StaffExit, layout.NewSpacer())
	k.win.SetContent(container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(grid))))
}

// guideLanguages lists the languages that have guide pages, national
// languages first, in the registry's order.
func (k *Kiosk) guideLanguages() []i18n.Language {
	have := map[string]bool{}
	for _, l := range k.guide.Languages() {
		have[l] = true
	}
	var out []i18n.Language
	for _, l := range i18n.Languages() {
		if have[l.Tag.String()] {
			out = append(out, l)
		}
	}
	return out
}

// ChooseLanguage switches the screen to a language and shows its topics.
func (k *Kiosk) ChooseLanguage(tag string) {
	k.touch()
	k.lang = tag
	k.loc = k.cat.Localizer(language.Make(tag))
	k.ShowTopics()
}

// ShowTopics shows the topic tiles with pictograms.
func (k *Kiosk) ShowTopics() {
	k.touch()
	k.clear()
	grid := container.New(&tileGrid{cell: fyne.NewSize(280, 150), gap: 12, rtl: k.direction() == bidi.RTL})
	for _, t := range k.guide.Topics {
		topic := t
		page, ok := k.guide.Page(k.lang, topic.ID)
		if !ok {
			continue
		}
		tile := k.newTile(page.Title, k.lang, pictogram(topic.Pictogram), func() { k.ShowPage(topic.ID) })
		k.Topics = append(k.Topics, tile)
		grid.Add(tile)
	}
	k.TakeHome = k.newTile(k.loc.S("newcomer.take_home_all"), k.lang, theme.DocumentPrintIcon(), func() { k.takeHome("") })
	take := container.NewGridWrap(fyne.NewSize(320, 110), k.TakeHome)
	bottom := container.NewHBox(layout.NewSpacer(), take)
	if k.direction() == bidi.RTL {
		bottom = container.NewHBox(take, layout.NewSpacer())
	}
	k.win.SetContent(container.NewBorder(k.navBar(false), bottom, nil, nil, container.NewVScroll(container.NewPadded(grid))))
}

// ShowPage shows one topic's page.
func (k *Kiosk) ShowPage(topic string) {
	k.touch()
	k.clear()
	page, ok := k.guide.Page(k.lang, topic)
	if !ok {
		k.ShowTopics()
		return
	}
	column := &wrapColumn{gap: 10}
	body := container.New(column)
	// Generous side margins keep text clear of the scroll bar.
	scroll := container.NewVScroll(container.New(layout.NewCustomPaddedLayout(12, 24, 40, 40), body))
	column.onResized = func() { fyne.Do(scroll.Refresh) }
	for _, b := range k.pageBlocks(page) {
		k.Page = append(k.Page, b)
		body.Add(b)
	}
	k.TakeHome = k.newTile(k.loc.S("newcomer.take_home"), k.lang, theme.DocumentPrintIcon(), func() { k.takeHome(topic) })
	take := container.NewGridWrap(fyne.NewSize(320, 110), k.TakeHome)
	bottom := container.NewHBox(layout.NewSpacer(), take)
	if k.direction() == bidi.RTL {
		bottom = container.NewHBox(take, layout.NewSpacer())
	}
	k.win.SetContent(container.NewBorder(k.navBar(true), bottom, nil, nil, scroll))
}

func (k *Kiosk) takeHome(topic string) {
	k.touch()
	if k.opts.OnTakeHome != nil {
		if err := k.opts.OnTakeHome(k.lang, topic); err != nil {
			k.TakeHome.SetText(k.loc.S("newcomer.ask_staff"))
		}
	}
}

// pageBlocks turns a page into script paragraphs: title, headings,
// paragraphs and bullets, placeholders filled, drafts marked.
func (k *Kiosk) pageBlocks(p *guide.Page) []*ScriptText {
	dir, font := k.direction(), k.primaryFont()
	var out []*ScriptText
	title := NewScriptText(k.fonts, p.Title, font, dir, 34)
	title.Bold = true
	out = append(out, title)
	if p.Status != guide.Reviewed {
		notice := NewScriptText(k.fonts, k.loc.S("newcomer.draft_notice"), font, dir, 18)
		notice.Color = theme.Color(theme.ColorNameWarning)
		out = append(out, notice)
	}
	for _, b := range p.Blocks {
		text, _ := k.guide.Fill(b.Text, k.loc.S("newcomer.placeholder_notice"))
		size := float32(24)
		switch b.Kind {
		case guide.Heading:
			size = 28
		case guide.Bullet:
			text = "• " + text
		}
		st := NewScriptText(k.fonts, text, font, dir, size)
		st.Bold = b.Kind == guide.Heading
		out = append(out, st)
	}
	return out
}

// navBar holds Home and Back, always visible, in the newcomer's language.
func (k *Kiosk) navBar(withBack bool) fyne.CanvasObject {
	k.Home = k.newTile(k.loc.S("newcomer.home"), k.lang, theme.HomeIcon(), k.ShowLanguages)
	items := []fyne.CanvasObject{container.NewGridWrap(navTile, k.Home)}
	if withBack {
		back := theme.NavigateBackIcon()
		if k.direction() == bidi.RTL {
			back = theme.NavigateNextIcon() // "back" points right in a right-to-left reading
		}
		k.Back = k.newTile(k.loc.S("newcomer.back"), k.lang, back, k.ShowTopics)
		items = append(items, container.NewGridWrap(navTile, k.Back))
	}
	if k.direction() == bidi.RTL {
		// Right-to-left readers look for "back" on the right.
		return container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, reverse(items)...)...)
	}
	return container.NewHBox(items...)
}

func (k *Kiosk) direction() bidi.Direction {
	if i18n.IsRTL(k.lang) {
		return bidi.RTL
	}
	return bidi.LTR
}

func (k *Kiosk) primaryFont() string { return i18n.FontOf(k.lang) }

func (k *Kiosk) clear() {
	k.Languages, k.Topics, k.Page = nil, nil, nil
	k.Home, k.Back, k.TakeHome = nil, nil, nil
}

func reverse(xs []fyne.CanvasObject) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(xs))
	for i, x := range xs {
		out[len(xs)-1-i] = x
	}
	return out
}
