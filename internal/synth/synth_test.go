package synth

import (
	"reflect"
	"testing"
	"unicode"

	"accueil/intake"
)

func TestPersonsDeterministic(t *testing.T) {
	a, b := Persons(42, 300), Persons(42, 300)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different persons")
	}
	if reflect.DeepEqual(a, Persons(43, 300)) {
		t.Fatal("two seeds gave the same persons")
	}
	if !reflect.DeepEqual(Persons(42, 10), a[:10]) {
		t.Error("a shorter run is not a prefix of a longer one")
	}
}

func TestPersonsValid(t *testing.T) {
	today := Reference()
	for i, p := range Persons(1, 2000) {
		if problems := p.Validate(today); len(problems) > 0 {
			t.Fatalf("person %d invalid: %+v", i, problems)
		}
		if p.ID != "" {
			t.Fatalf("person %d has an ID", i)
		}
	}
}

func TestPersonsMix(t *testing.T) {
	ps := Persons(7, 5000)
	scripts := map[string]*unicode.RangeTable{
		"Arabic": unicode.Arabic, "Cyrillic": unicode.Cyrillic, "Ethiopic": unicode.Ethiopic,
	}
	seen := map[string]int{}
	nats := map[string]bool{}
	status := map[intake.Status]int{}
	arrivedToday, numbers := 0, map[string]bool{}
	for _, p := range ps {
		for name, tab := range scripts {
			for _, r := range p.SurnameOriginal + p.GivenNamesOriginal {
				if unicode.Is(tab, r) {
					seen[name]++
					break
				}
			}
		}
		nats[p.Nationality] = true
		status[p.Status]++
		if p.Status == intake.StatusArrived && p.ArrivalDate == Reference() {
			arrivedToday++
		}
		n := intake.NormaliseIdentifier(p.NNumber)
		if numbers[n] {
			t.Errorf("N number %s twice", p.NNumber)
		}
		numbers[n] = true
	}
	for name := range scripts {
		if seen[name] < 100 {
			t.Errorf("only %d persons with %s names", seen[name], name)
		}
	}
	if len(nats) != len(nationalities) {
		t.Errorf("%d nationalities, want %d", len(nats), len(nationalities))
	}
	if status[intake.StatusExpected] < 300 || arrivedToday < 100 {
		t.Errorf("%d expected, %d arrived today", status[intake.StatusExpected], arrivedToday)
	}
}

func TestNNumbersLookSynthetic(t *testing.T) {
	for _, p := range Persons(3, 1000) {
		if n := intake.NormaliseIdentifier(p.NNumber); len(n) != 7 || n[:2] != "N9" {
			t.Fatalf("N number %q is not of the synthetic shape N 9xx xxx", p.NNumber)
		}
	}
}

func TestTranscriptionVariants(t *testing.T) {
	variants := map[string]map[string]bool{}
	for _, p := range Persons(11, 3000) {
		if p.GivenNamesOriginal == "" {
			continue
		}
		if variants[p.GivenNamesOriginal] == nil {
			variants[p.GivenNamesOriginal] = map[string]bool{}
		}
		variants[p.GivenNamesOriginal][p.GivenNames] = true
	}
	if got := len(variants["محمد"]); got < 3 {
		t.Errorf("محمد transcribed %d ways, want several", got)
	}
	if got := len(variants["Олександр"]); got < 2 {
		t.Errorf("Олександр transcribed %d ways, want several", got)
	}
}
