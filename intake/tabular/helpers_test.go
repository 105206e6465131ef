package tabular

import (
	"errors"
	"os"
	"strings"
	"testing"

	"accueil/intake"
)

// testToday fixes the validation date so that tests do not age.
var testToday = intake.MustDate("2025-06-15")

func readString(t *testing.T, s string) *Result {
	t.Helper()
	res, err := Read(strings.NewReader(s), Options{Today: testToday})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return res
}

func readFile(t *testing.T, name string) *Result {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := Read(f, Options{Today: testToday})
	if err != nil {
		t.Fatalf("Read %s: %v", name, err)
	}
	return res
}

// problemIDs lists a row's problems as "field:id" for compact comparison.
func problemIDs(ps []intake.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, string(p.Field)+":"+p.ID)
	}
	return out
}

func wantKind(t *testing.T, err error, k Kind) {
	t.Helper()
	if !errors.Is(err, k) {
		t.Fatalf("error %v, want kind %v", err, k)
	}
}

func errorsIs(err error, k Kind) bool { return errors.Is(err, k) }

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
