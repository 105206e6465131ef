package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"golang.org/x/term"

	"accueil/intake"
	"accueil/internal/cli"
	"accueil/replication/central"
)

const userUsage = `usage:
  accueil-central user add --data DIR --name NAME --role reception|counsellor|health|admin
  accueil-central user disable --data DIR NAME
  accueil-central user enable --data DIR NAME
  accueil-central user password --data DIR NAME
  accueil-central user list --data DIR
The password comes from ACCUEIL_PASSWORD, or is asked twice on the terminal`

// runUser manages the staff accounts every desk receives on sync.
func runUser(args []string) error {
	if len(args) == 0 {
		return errors.New("user: name a command\n" + userUsage)
	}
	switch args[0] {
	case "add":
		return runUserAdd(args[1:])
	case "disable", "enable":
		return runUserDisable(args[1:], args[0] == "disable")
	case "list":
		return runUserList(args[1:])
	case "password":
		return runUserPassword(args[1:])
	}
	return fmt.Errorf("user: unknown command %q\n%s", args[0], userUsage)
}

func runUserAdd(args []string) error {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	var w where
	w.register(fs)
	name := fs.String("name", "", "login name")
	role := fs.String("role", "", "reception, counsellor, health or admin")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *name == "" || !intake.Role(*role).Valid() {
		return errors.New("user add: --name and --role (reception, counsellor, health or admin) are required")
	}
	pw, err := newPassword(*name)
	if err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	ctx := context.Background()
	v, err := w.open(ctx)
	if err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	defer v.Close()
	r, err := v.AddStaff(ctx, *name, pw, intake.Role(*role), central.DefaultStaffKDF)
	if err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	fmt.Printf("Added %s (%s); desks receive the account at their next sync.\n", r.Name, r.Role)
	return nil
}

// newPassword reads ACCUEIL_PASSWORD, or asks twice on the terminal
// without echo; either way it must meet the policy.
func newPassword(name string) (string, error) {
	pw, ok := os.LookupEnv("ACCUEIL_PASSWORD")
	if !ok {
		var err error
		if pw, err = promptTwice(name); err != nil {
			return "", err
		}
	}
	if len([]rune(pw)) < intake.MinPasswordLen {
		return "", fmt.Errorf("the password must have at least %d characters", intake.MinPasswordLen)
	}
	return pw, nil
}

func promptTwice(name string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", errors.New("no password: set ACCUEIL_PASSWORD or run on a terminal")
	}
	var tries [2]string
	for i, prompt := range []string{"Password for " + name + ": ", "Again: "} {
		fmt.Fprint(os.Stderr, prompt)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(os.Stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		tries[i] = string(b)
	}
	if tries[0] != tries[1] {
		return "", errors.New("the two passwords differ")
	}
	return tries[0], nil
}

func runUserDisable(args []string, disable bool) error {
	verb := map[bool]string{true: "disable", false: "enable"}[disable]
	fs := flag.NewFlagSet("user "+verb, flag.ContinueOnError)
	var w where
	w.register(fs)
	pos, err := cli.ParseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("user %s: name one account (see accueil-central user list)", verb)
	}
	ctx := context.Background()
	v, err := w.open(ctx)
	if err != nil {
		return fmt.Errorf("user %s: %w", verb, err)
	}
	defer v.Close()
	r, err := v.SetStaffDisabled(ctx, pos[0], disable)
	if err != nil {
		return fmt.Errorf("user %s: %w", verb, err)
	}
	fmt.Printf("%s is %sd; desks receive the change at their next sync.\n", r.Name, verb)
	return nil
}

// runUserPassword sets a new password, for instance a forgotten one.
func runUserPassword(args []string) error {
	fs := flag.NewFlagSet("user password", flag.ContinueOnError)
	var w where
	w.register(fs)
	pos, err := cli.ParseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("user password: name one account (see accueil-central user list)")
	}
	pw, err := newPassword(pos[0])
	if err != nil {
		return fmt.Errorf("user password: %w", err)
	}
	ctx := context.Background()
	v, err := w.open(ctx)
	if err != nil {
		return fmt.Errorf("user password: %w", err)
	}
	defer v.Close()
	r, err := v.SetStaffPassword(ctx, pos[0], pw, central.DefaultStaffKDF)
	if err != nil {
		return fmt.Errorf("user password: %w", err)
	}
	fmt.Printf("New password for %s; desks receive it at their next sync.\n", r.Name)
	return nil
}

func runUserList(args []string) error {
	fs := flag.NewFlagSet("user list", flag.ContinueOnError)
	var w where
	w.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	v, err := w.open(ctx)
	if err != nil {
		return fmt.Errorf("user list: %w", err)
	}
	defer v.Close()
	all, err := v.ListStaff(ctx)
	if err != nil {
		return fmt.Errorf("user list: %w", err)
	}
	for _, r := range all {
		state := "active"
		if r.Disabled {
			state = "disabled"
		}
		fmt.Printf("%s\t%s\t%s\tversion %d\n", r.Name, r.Role, state, r.Version)
	}
	return nil
}
