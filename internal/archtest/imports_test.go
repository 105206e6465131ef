package archtest

import (
	"os/exec"
	"strings"
	"testing"
)

// rule forbids packages whose import path starts with one of the prefixes
// among the dependencies of pkg.
type rule struct {
	pkg       string
	forbidden []string
}

var fyne = "fyne.io/fyne/v2"

var rules = []rule{
	{"accueil/intake/...", []string{fyne, "database/sql", "modernc.org/sqlite", "accueil/store", "accueil/ui", "github.com/nicksnyder/go-i18n"}},
	{"accueil/store/...", []string{fyne, "accueil/ui"}},
	{"accueil/i18n/...", []string{fyne, "database/sql", "accueil/store", "accueil/ui"}},
	{"accueil/assets/...", []string{fyne, "accueil/"}},
	// The GL driver needs cgo and a display; screens stay testable with
	// fyne's test driver only if ui never pulls it in.
	{"accueil/ui/...", []string{"fyne.io/fyne/v2/app", "fyne.io/fyne/v2/internal/driver/glfw"}},
}

func TestImportRules(t *testing.T) {
	for _, r := range rules {
		t.Run(r.pkg, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", r.pkg).Output()
			if err != nil {
				t.Fatalf("go list %s: %v", r.pkg, err)
			}
			self := strings.TrimSuffix(r.pkg, "/...")
			for _, dep := range strings.Fields(string(out)) {
				if strings.HasPrefix(dep, self) {
					continue
				}
				for _, bad := range r.forbidden {
					if strings.HasPrefix(dep, bad) {
						t.Errorf("%s depends on %s (forbidden: %s)", r.pkg, dep, bad)
					}
				}
			}
		})
	}
}
