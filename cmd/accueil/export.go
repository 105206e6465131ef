package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"accueil/intake"
	"accueil/intake/tabular"
)

// runExport writes every person the user's role may see, with the fields
// that role may read, to standard output.
func runExport(args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	var c common
	c.register(fs)
	asJSON := fs.Bool("json", false, "one JSON array, one object per person")
	asCSV := fs.Bool("csv", false, "CSV with the import's column names")
	person := fs.String("person", "", "subject-access export of this file ID (admins, with --json)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *person != "" {
		return runSubjectAccess(c, *person, *asJSON)
	}
	if *asJSON == *asCSV {
		return errors.New("export: choose one of --json or --csv")
	}
	ctx := context.Background()
	st, staff, err := c.session(ctx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer st.Close()
	persons, err := st.Export(ctx, staff)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fields := readableFields(staff.Role)
	if *asJSON {
		err = tabular.WriteJSON(os.Stdout, persons, fields)
	} else {
		err = tabular.WriteCSV(os.Stdout, persons, fields)
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// readableFields keeps the export's fields the role may read: an export
// never carries more than its reader could see on screen.
func readableFields(r intake.Role) []intake.Field {
	var out []intake.Field
	for _, f := range tabular.DefaultExportFields() {
		if r.CanReadField(f) {
			out = append(out, f)
		}
	}
	return out
}
