package replication

import (
	"bytes"
	"fmt"
	"io/fs"

	"accueil/guide"
	"accueil/intake/counselling"
)

// PublishedChecks returns the loaders of published content, one per kind
// (the ones the app uses): the central refuses to publish, and a desk
// refuses to keep, what they refuse, so that a desk never switches to
// content it cannot use.
func PublishedChecks() map[string]func(fs.FS) error {
	return map[string]func(fs.FS) error{
		KindGuide:     checkGuide,
		KindReference: checkReference,
	}
}

func checkGuide(fsys fs.FS) error {
	_, err := guide.Load(fsys)
	return err
}

func checkReference(fsys fs.FS) error {
	data, err := fs.ReadFile(fsys, ReferenceFile)
	if err != nil {
		return fmt.Errorf("reference: %w", err)
	}
	if _, err := counselling.LoadReference(bytes.NewReader(data)); err != nil {
		return fmt.Errorf("reference: %s: %w", ReferenceFile, err)
	}
	return nil
}
