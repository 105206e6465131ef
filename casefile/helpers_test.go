package casefile

import (
	"os"
	"path/filepath"
)

func writeFile(dir, content string) error {
	return os.WriteFile(filepath.Join(dir, ReferenceFile), []byte(content), 0o600)
}
