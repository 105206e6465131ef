package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"accueil/intake"
)

// runInit creates a data folder with its first administrator.
func runInit(args []string) error {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	var c common
	c.register(fs)
	admin := fs.String("admin", "", "user name of the first administrator")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *admin == "" {
		return errors.New("init: --admin NAME is required")
	}
	ctx := context.Background()
	st, err := c.openStore(ctx)
	if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	defer st.Close()
	has, err := st.HasStaff(ctx)
	if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	if has {
		return fmt.Errorf("init: %s already has staff accounts", c.data)
	}
	pw, err := password("Password for " + *admin + ": ")
	if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	if len([]rune(pw)) < intake.MinPasswordLen {
		return fmt.Errorf("init: the password needs at least %d characters", intake.MinPasswordLen)
	}
	if _, err := st.CreateStaff(ctx, nil, *admin, pw, intake.RoleAdmin); err != nil {
		return fmt.Errorf("init: %w", err)
	}
	fmt.Printf("Created %s with administrator %s.\n", c.data, *admin)
	return nil
}
