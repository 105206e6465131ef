// Command synthdesk fills a desk data folder with synthetic persons, for
// screenshots, demonstrations and load measurements. Every name, date and
// number it writes is invented.
//
//	synthdesk -data DIR -n 100000 -arrived 40
//
// The first admin is "admin" with the password in ACCUEIL_PASSWORD.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"accueil/intake"
	"accueil/internal/synth"
	"accueil/store"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "synthdesk:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "", "data folder")
	n := flag.Int("n", 1000, "persons imported as expected arrivals")
	arrived := flag.Int("arrived", 30, "persons saved one by one as arrived today")
	seed := flag.Int64("seed", 1, "generator seed")
	flag.Parse()
	pw := os.Getenv("ACCUEIL_PASSWORD")
	if *data == "" || pw == "" {
		return fmt.Errorf("need -data and ACCUEIL_PASSWORD")
	}
	ctx := context.Background()
	if err := os.MkdirAll(*data, 0o700); err != nil {
		return err
	}
	st, err := store.Open(ctx, filepath.Join(*data, "desk.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	admin, err := adminOf(ctx, st, pw)
	if err != nil {
		return err
	}
	today := intake.DateOf(time.Now())
	persons := synth.PersonsOn(*seed, *n+*arrived, today)
	start := time.Now()
	if _, err := st.Import(ctx, admin, "synthetic", persons[*arrived:], nil); err != nil {
		return err
	}
	for _, p := range persons[:*arrived] {
		p.Status, p.ArrivalDate = intake.StatusArrived, today
		if _, _, err := st.SavePerson(ctx, admin, p, nil); err != nil {
			return err
		}
	}
	fmt.Printf("%d persons written in %s\n", *n+*arrived, time.Since(start).Round(time.Millisecond))
	return nil
}

func adminOf(ctx context.Context, st *store.Store, pw string) (intake.Staff, error) {
	has, err := st.HasStaff(ctx)
	if err != nil {
		return intake.Staff{}, err
	}
	if !has {
		if _, err := st.CreateStaff(ctx, nil, "admin", pw, intake.RoleAdmin); err != nil {
			return intake.Staff{}, err
		}
	}
	return st.Authenticate(ctx, "admin", pw)
}
