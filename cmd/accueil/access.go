package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// runSubjectAccess writes everything the desk holds on one person as one
// JSON object: fields, merged files, history and access log. Admins only;
// the store audits it.
func runSubjectAccess(c common, id string, asJSON bool) error {
	if !asJSON {
		return errors.New("export: --person needs --json")
	}
	ctx := context.Background()
	st, staff, err := c.session(ctx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer st.Close()
	report, err := st.SubjectAccess(ctx, staff, id)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(report); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
