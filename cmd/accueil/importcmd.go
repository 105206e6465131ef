package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"accueil/i18n"
	"accueil/intake"
	"accueil/intake/tabular"
	"accueil/store"
)

// dryRun is the JSON report of `accueil import --dry-run --json`.
type dryRun struct {
	Rows       int            `json:"rows"`
	Errors     []rowError     `json:"errors"`
	Duplicates []rowDuplicate `json:"duplicates"`
	Persons    []parsedPerson `json:"persons"`
}

type rowError struct {
	Row     int    `json:"row"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

type rowDuplicate struct {
	Row     int             `json:"row"`
	Matches []duplicateWith `json:"matches"`
	Reasons []intake.Reason `json:"reasons"`
}

type duplicateWith struct {
	Row     int             `json:"row,omitempty"`
	Person  string          `json:"person,omitempty"`
	Reasons []intake.Reason `json:"reasons"`
}

type parsedPerson struct {
	Row    int               `json:"row"`
	Fields map[string]string `json:"fields"`
}

func runImport(args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	var c common
	c.register(fs)
	dry := fs.Bool("dry-run", false, "check the file and report; write nothing")
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
	withDup := fs.Bool("with-duplicates", false, "also import rows that may duplicate a file or another row")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("import: name one CSV file")
	}
	loc, err := c.localizer()
	if err != nil {
		return err
	}
	ctx := context.Background()
	st, staff, err := c.session(ctx)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer st.Close()
	res, report, err := checkImport(ctx, st, staff, loc, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return fmt.Errorf("import: write report: %w", err)
		}
	}
	if *dry {
		return nil
	}
	return writeImport(ctx, st, staff, loc, fs.Arg(0), res, report, *withDup, !*asJSON)
}

// checkImport parses the file and finds problems and duplicates, in the
// file itself and against the stored files.
func checkImport(ctx context.Context, st *store.Store, staff intake.Staff, loc *i18n.Localizer, path string) (*tabular.Result, dryRun, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, dryRun{}, err
	}
	defer f.Close()
	res, err := tabular.Read(f, tabular.Options{Today: intake.DateOf(time.Now())})
	if err != nil {
		return nil, dryRun{}, errors.New(translateImportError(loc, err))
	}
	if len(res.Missing) > 0 {
		return nil, dryRun{}, errors.New(loc.T(tabular.MsgMissingColumn, map[string]any{"Field": loc.S("field." + string(res.Missing[0]))}))
	}
	report := dryRun{Rows: len(res.Rows), Errors: []rowError{}, Duplicates: []rowDuplicate{}, Persons: []parsedPerson{}}
	persons := make([]intake.Person, len(res.Rows))
	for i, r := range res.Rows {
		persons[i] = r.NewFile()
		report.Persons = append(report.Persons, parsedPerson{Row: r.Line, Fields: nonEmpty(r.Person.Values())})
		for _, p := range r.Problems {
			report.Errors = append(report.Errors, rowError{Row: r.Line, Field: string(p.Field), Message: loc.T(p.ID, p.Args)})
		}
	}
	stored, err := st.ImportDuplicates(ctx, staff, persons, nil)
	if err != nil {
		return nil, dryRun{}, err
	}
	report.Duplicates = duplicates(res.Rows, tabular.DuplicatesWithin(res.Rows), stored)
	return res, report, nil
}

func duplicates(rows []tabular.Row, within map[int][]tabular.Match, stored [][]store.Candidate) []rowDuplicate {
	var out []rowDuplicate
	for i, r := range rows {
		d := rowDuplicate{Row: r.Line}
		for _, m := range within[r.Line] {
			d.Matches = append(d.Matches, duplicateWith{Row: m.Row, Reasons: m.Reasons})
		}
		for _, c := range stored[i] {
			d.Matches = append(d.Matches, duplicateWith{Person: c.Summary.ID, Reasons: c.Reasons})
		}
		if len(d.Matches) == 0 {
			continue
		}
		d.Reasons = unionReasons(d.Matches)
		out = append(out, d)
	}
	if out == nil {
		out = []rowDuplicate{}
	}
	return out
}

func unionReasons(ms []duplicateWith) []intake.Reason {
	seen := map[intake.Reason]bool{}
	var out []intake.Reason
	for _, m := range ms {
		for _, r := range m.Reasons {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}

func nonEmpty(v map[intake.Field]string) map[string]string {
	out := map[string]string{}
	for k, x := range v {
		if x != "" {
			out[string(k)] = x
		}
	}
	return out
}

func translateImportError(loc *i18n.Localizer, err error) string {
	return loc.S(tabular.KindOf(err).MessageID())
}

// writeImport stores the rows without errors (and without suspected
// duplicates unless asked), in one import that can be undone.
func writeImport(ctx context.Context, st *store.Store, staff intake.Staff, loc *i18n.Localizer, label string, res *tabular.Result, report dryRun, withDup, talk bool) error {
	flagged := map[int]bool{}
	for _, d := range report.Duplicates {
		flagged[d.Row] = true
	}
	var persons []intake.Person
	for _, r := range res.Rows {
		if len(r.Problems) == 0 && (withDup || !flagged[r.Line]) {
			persons = append(persons, r.NewFile())
		}
	}
	batch, err := st.Import(ctx, staff, label, persons, nil)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if talk {
		fmt.Println(loc.T("import.done", map[string]any{"Count": len(persons)}))
		fmt.Println("batch:", batch)
	}
	return nil
}
