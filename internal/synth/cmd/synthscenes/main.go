// Command synthscenes adds to a desk data folder filled by synthdesk what
// the screenshots of the administrator's screens need: open conflicts with
// a second desk, files of people who left years ago (due for retention),
// and two more accounts, "marie" (reception) and "statistique"
// (statistics role). The second desk is a store in a temporary folder;
// events pass between the two through ApplyRemote, as they would through
// the central. Every name, date and number it writes is invented.
//
//	synthscenes -data DIR
//
// The accounts take the password in ACCUEIL_PASSWORD.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"accueil/intake"
	"accueil/store"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "synthscenes:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "", "data folder made by synthdesk")
	flag.Parse()
	pw := os.Getenv("ACCUEIL_PASSWORD")
	if *data == "" || pw == "" {
		return fmt.Errorf("need -data and ACCUEIL_PASSWORD")
	}
	ctx := context.Background()
	here, err := store.Open(ctx, filepath.Join(*data, "desk.db"))
	if err != nil {
		return err
	}
	defer here.Close()
	admin, err := here.Authenticate(ctx, "admin", pw)
	if err != nil {
		return err
	}
	marie, err := here.CreateStaff(ctx, &admin, "marie", pw, intake.RoleReception)
	if err != nil {
		return err
	}
	if _, err := here.CreateStaff(ctx, &admin, "statistique", pw, intake.RoleStatistics); err != nil {
		return err
	}

	tmp, err := os.MkdirTemp("", "synthscenes")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	other, err := store.Open(ctx, filepath.Join(tmp, "other.db"))
	if err != nil {
		return err
	}
	defer other.Close()
	// The other desk's first account makes its data key and unlocks it;
	// its events are handed over as marie's, an account both desks know.
	otherAdmin, err := other.CreateStaff(ctx, nil, "otheradmin", "other-desk-password", intake.RoleAdmin)
	if err != nil {
		return err
	}
	if err := send(ctx, here, other, nil); err != nil {
		return err
	}

	// Conflicts: three files edited at both desks before either synced.
	today := intake.DateOf(time.Now())
	rows, _, err := here.List(ctx, admin, store.ListArrivedToday, today, 3, 0)
	if err != nil {
		return err
	}
	if len(rows) < 3 {
		return fmt.Errorf("need at least 3 persons arrived today, found %d", len(rows))
	}
	edits := []func(p *intake.Person, here bool){
		func(p *intake.Person, h bool) { p.GivenNames += map[bool]string{true: " Leyla", false: " Layla"}[h] },
		func(p *intake.Person, h bool) {
			p.BirthDate = intake.MustDate(map[bool]string{true: "1991-03-04", false: "1991-04-03"}[h])
		},
		func(p *intake.Person, h bool) { p.Surname += map[bool]string{true: "e", false: "i"}[h] },
	}
	for i, r := range rows {
		for _, d := range []struct {
			st *store.Store
			by intake.Staff
			h  bool
		}{{here, admin, true}, {other, otherAdmin, false}} {
			p, vers, err := d.st.Person(ctx, d.by, r.ID)
			if err != nil {
				return err
			}
			edits[i](&p, d.h)
			if _, _, err := d.st.SavePerson(ctx, d.by, p, vers); err != nil {
				return err
			}
		}
	}

	// Retention: three files written at the other desk as left three years ago.
	long := time.Now().AddDate(-3, 0, 0).UnixMilli()
	old := map[string]bool{}
	for i, name := range []string{"Alpha", "Beta", "Gamma"} {
		p := intake.Person{Surname: "Testdépart", GivenNames: name,
			BirthDate: intake.MustDate(fmt.Sprintf("198%d-0%d-1%d", i, i+1, i)), Nationality: "IQ",
			Status: intake.StatusLeft}
		p, _, err := other.SavePerson(ctx, otherAdmin, p, nil)
		if err != nil {
			return err
		}
		old[p.ID] = true
	}
	if err := send(ctx, other, here, func(e *intake.Event) {
		e.Staff = marie.ID
		if old[e.EntityID] {
			e.Time.Wall = long
		}
	}); err != nil {
		return err
	}
	cs, err := here.Conflicts(ctx, admin)
	if err != nil {
		return err
	}
	plan, err := here.RetentionPreview(ctx, admin)
	if err != nil {
		return err
	}
	fmt.Printf("%d open conflicts, %d files due for retention\n", len(cs), len(plan.Persons))
	return nil
}

// send applies from's outbox to to, as the central would pass it on,
// through edit first when it is not nil.
func send(ctx context.Context, from, to *store.Store, edit func(*intake.Event)) error {
	evs, err := from.Outbox(ctx, 1_000_000)
	if err != nil {
		return err
	}
	if edit != nil {
		for i := range evs {
			edit(&evs[i])
		}
	}
	_, err = to.ApplyRemote(ctx, evs)
	return err
}
