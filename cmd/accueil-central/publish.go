package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"accueil/internal/cli"
	"accueil/replication"
	"accueil/replication/central"
)

const publishUsage = `usage:
  accueil-central publish guide --data DIR FOLDER   (topics.toml, data.toml, <lang>/<topic>.md)
  accueil-central publish reference --data DIR FILE (return_assistance.toml)`

// runPublish publishes guide content or reference data, which desks take
// on their next sync. It is checked first with the desk's own loader.
func runPublish(args []string) error {
	if len(args) == 0 || (args[0] != replication.KindGuide && args[0] != replication.KindReference) {
		return errors.New("publish: guide or reference?\n" + publishUsage)
	}
	kind := args[0]
	fs := flag.NewFlagSet("publish "+kind, flag.ContinueOnError)
	var w where
	w.register(fs)
	pos, err := cli.ParseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("publish: name one folder or file\n" + publishUsage)
	}
	b, err := readBundle(kind, pos[0])
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	ctx := context.Background()
	v, err := w.open(ctx)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	defer v.Close()
	version, err := v.Publish(ctx, replication.PublishedChecks(), b, time.Now())
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	fmt.Printf("Published %s version %d (%d files); desks take it at their next sync.\n", kind, version, len(b.Files))
	return nil
}

func readBundle(kind, path string) (replication.Bundle, error) {
	if kind == replication.KindReference {
		return central.ReadReference(path)
	}
	return central.ReadBundle(kind, path)
}
