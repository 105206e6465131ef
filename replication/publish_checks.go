package replication

import (
	"fmt"
	"io/fs"

	"github.com/BurntSushi/toml"

	"accueil/guide"
)

// PublishedChecks returns the loaders of published content, one per kind:
// the central refuses to publish, and a desk refuses to keep, what they
// refuse, so that a desk never switches to content it cannot show.
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

// checkReference reads return_assistance.toml strictly: TOML that parses
// and holds the file's sections. The counselling screens' own loader
// checks amounts and keys further when it reads the kept copy.
func checkReference(fsys fs.FS) error {
	data, err := fs.ReadFile(fsys, ReferenceFile)
	if err != nil {
		return fmt.Errorf("reference: %w", err)
	}
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return fmt.Errorf("reference: %s: %w", ReferenceFile, err)
	}
	for _, section := range []string{"status", "lump_sum"} {
		if _, ok := doc[section].(map[string]any); !ok {
			return fmt.Errorf("reference: %s has no [%s] section", ReferenceFile, section)
		}
	}
	return nil
}
