package replication_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoToolkit keeps sync and the central free of the UI toolkit: the
// central runs on servers without a display, and the desk's sync must not
// need a window.
func TestNoToolkit(t *testing.T) {
	for _, pkg := range []string{"accueil/replication/...", "accueil/cmd/accueil-central"} {
		out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.HasPrefix(dep, "fyne.io/") || strings.HasPrefix(dep, "accueil/ui") {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}
