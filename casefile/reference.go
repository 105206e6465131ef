package casefile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"accueil/assets"
	"accueil/intake/counselling"
)

// ReferenceFile is the name of the administrator's copy of the
// return-assistance figures in the data folder.
const ReferenceFile = "return_assistance.toml"

// LoadReference reads the reference data from the data folder when the
// administrator placed a copy there, else the shipped file. A copy that
// cannot be read or is malformed is an error: never a silent fallback to
// other figures.
func LoadReference(dataDir string) (counselling.Reference, error) {
	data := assets.ReturnAssistance()
	if dataDir != "" {
		b, err := os.ReadFile(filepath.Join(dataDir, ReferenceFile))
		switch {
		case err == nil:
			data = b
		case !errors.Is(err, fs.ErrNotExist):
			return counselling.Reference{}, fmt.Errorf("casefile: reference: %w", &counselling.Error{ID: counselling.MsgRefRead, Op: "load reference", Err: err})
		}
	}
	ref, err := counselling.LoadReference(bytes.NewReader(data))
	if err != nil {
		return counselling.Reference{}, fmt.Errorf("casefile: reference: %w", err)
	}
	return ref, nil
}
