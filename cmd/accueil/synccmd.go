package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"accueil/internal/cli"
	"accueil/replication"
)

// runEnroll enrols this desk with a central, pinning the CA the code names.
func runEnroll(args []string) error {
	fs := flag.NewFlagSet("enroll", flag.ContinueOnError)
	var c common
	c.register(fs)
	pos, err := cli.ParseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return errors.New("enroll: usage: accueil enroll --data DIR --user ADMIN https://HOST:PORT CODE")
	}
	desk, err := c.enrollDesk(context.Background(), pos[0], pos[1])
	if err != nil {
		return fmt.Errorf("enroll: %w", err)
	}
	fmt.Printf("Desk %s enrolled with %s.\n", desk, pos[0])
	return nil
}

// runSync pushes this desk's outbox and pulls the other desks' events.
// Background sync belongs to the app; this is for scripts. Events are
// sealed at rest, so the command logs in as --user to open them.
func runSync(args []string) error {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	var c common
	c.register(fs)
	once := fs.Bool("once", false, "sync until both sides agree, then exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !*once {
		return errors.New("sync: only --once is available from the command line; the app syncs in the background")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	st, err := c.openStore(ctx)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	defer st.Close()
	cfg, err := st.SyncConfig(ctx)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	if _, err := c.login(ctx, st); err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	cl, err := replication.NewClient(st, cfg)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	shareWith(cl, st, c.data)
	sum, err := cl.Sync(ctx)
	warnRefusals(cl)
	fmt.Printf("pushed %d, pulled %d (%d new)\n", sum.Pushed, sum.Pulled, sum.New)
	if sum.ClockSkew > replication.MaxClockSkew || sum.ClockSkew < -replication.MaxClockSkew {
		fmt.Fprintf(os.Stderr, "warning: this computer's clock is %v off the central's; please set it right\n", sum.ClockSkew.Round(time.Second))
	}
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	return nil
}
