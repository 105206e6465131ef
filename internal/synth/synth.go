// Package synth generates clearly fictitious persons for tests, demos and
// benchmarks: common given names, surnames invented from syllables (in
// Latin, Arabic, Cyrillic and Ethiopic script with their transcriptions,
// variants mixed in), and N numbers of a visibly synthetic shape. The same
// seed always gives the same persons.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"accueil/intake"
)

// Reference returns the date Persons treats as today: fixed, so that a
// seed gives the same persons on any day.
func Reference() intake.Date { return intake.Date{Year: 2025, Month: time.June, Day: 2} }

// Persons returns n fictitious persons made from seed, as if today were
// Reference. Their IDs are empty: the store gives them.
func Persons(seed int64, n int) []intake.Person {
	return PersonsOn(seed, n, Reference())
}

// PersonsOn is Persons with today chosen by the caller, for demos where
// some persons should have arrived on the real today.
func PersonsOn(seed int64, n int, today intake.Date) []intake.Person {
	g := &generator{
		rng:   rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x5eed5eed5eed5eed)),
		today: today,
		perm:  1 + uint64(seed&0xffff)*2, // odd: a bijection modulo a power of two
	}
	out := make([]intake.Person, n)
	for i := range out {
		out[i] = g.person(i)
	}
	return out
}

type generator struct {
	rng   *rand.Rand
	today intake.Date
	perm  uint64
}

// nationalities, weighted roughly like an office's arrivals.
var nationalities = []struct {
	code   string
	weight int
}{
	{"AF", 18}, {"ER", 12}, {"SY", 12}, {"TR", 12}, {"UA", 14}, {"SO", 6},
	{"DZ", 6}, {"MA", 5}, {"LK", 4}, {"GE", 5}, {"IR", 6},
}

var languagesOf = map[string][]string{
	"AF": {"fa", "ps"}, "ER": {"ti"}, "SY": {"ar", "ku"}, "TR": {"tr", "ku"}, "UA": {"uk", "ru"},
	"SO": {"so"}, "DZ": {"ar", "fr"}, "MA": {"ar", "fr"}, "LK": {"ta"}, "GE": {"ka", "ru"}, "IR": {"fa"},
}

func (g *generator) person(i int) intake.Person {
	nat := g.nationality()
	p := intake.Person{Nationality: nat, Sex: g.sex()}
	g.names(&p, nat)
	g.birth(&p)
	p.Languages = languagesOf[nat]
	p.PreferredLanguage = p.Languages[0]
	p.InterpreterNeeded = g.rng.IntN(10) < 7
	p.NNumber = g.nNumber(i)
	if g.rng.IntN(10) < 7 {
		p.ZEMISNumber = fmt.Sprintf("99.%03d.%03d", g.rng.IntN(1000), g.rng.IntN(1000))
	}
	p.Permit = g.permit(nat)
	g.procedure(&p)
	g.needs(&p)
	return p
}

func (g *generator) nationality() string {
	total := 0
	for _, n := range nationalities {
		total += n.weight
	}
	r := g.rng.IntN(total)
	for _, n := range nationalities {
		if r < n.weight {
			return n.code
		}
		r -= n.weight
	}
	return nationalities[0].code
}

func (g *generator) sex() intake.Sex {
	switch r := g.rng.IntN(100); {
	case r < 55:
		return intake.SexMale
	case r < 99:
		return intake.SexFemale
	}
	return intake.SexOther
}

// names fills the Latin names and, for most persons of a non-Latin
// script, the original ones (sometimes only the Latin is known).
func (g *generator) names(p *intake.Person, nat string) {
	var given name
	var surname syllable
	switch nat {
	case "SY", "DZ", "MA":
		given, surname = pick(g.rng, arabicGiven), g.compose(arabicSyllables, arabicEndings)
	case "AF", "IR":
		given, surname = pick(g.rng, persianGiven), g.compose(arabicSyllables, arabicEndings)
	case "UA":
		given = pick(g.rng, cyrillicGiven)
		surname = join([]syllable{pick(g.rng, cyrillicStems), pick(g.rng, cyrillicEndings)})
	case "ER":
		given, surname = pick(g.rng, ethiopicGiven), g.compose(ethiopicSyllables, ethiopicEndings)
	default:
		given = name{latin: []string{pick(g.rng, latinGiven[nat])}}
		surname = syllable{latin: []string{pick(g.rng, latinStems) + pick(g.rng, latinEndings[nat])}}
	}
	p.GivenNames = pick(g.rng, given.latin)
	p.Surname = capitalise(pick(g.rng, surname.latin))
	if given.original != "" && g.rng.IntN(10) < 7 {
		p.GivenNamesOriginal, p.SurnameOriginal = given.original, surname.original
	}
}

// compose invents a surname of two or three syllables and an ending,
// with one transcription per variant combination.
func (g *generator) compose(syllables, endings []syllable) syllable {
	parts := []syllable{pick(g.rng, syllables), pick(g.rng, syllables)}
	if g.rng.IntN(3) == 0 {
		parts = append(parts, pick(g.rng, syllables))
	}
	return join(append(parts, pick(g.rng, endings)))
}

// join concatenates syllables; its Latin forms are a few of the variant
// combinations, the first being the most usual.
func join(parts []syllable) syllable {
	var orig strings.Builder
	forms := []string{""}
	for _, s := range parts {
		orig.WriteString(s.original)
		var next []string
		for _, f := range forms {
			for _, l := range s.latin {
				if len(next) < 4 {
					next = append(next, f+l)
				}
			}
		}
		forms = next
	}
	return syllable{original: orig.String(), latin: forms}
}

func (g *generator) birth(p *intake.Person) {
	age := g.ageYears()
	y := g.today.Year - age
	d := intake.Date{Year: y, Month: time.Month(1 + g.rng.IntN(12)), Day: 1 + g.rng.IntN(28)}
	if g.rng.IntN(10) == 0 {
		// Unknown day and month: 1 January by convention.
		d.Month, d.Day = time.January, 1
		p.BirthDateApprox = true
	}
	if g.today.Before(d) {
		d = intake.Date{Year: y - 1, Month: d.Month, Day: d.Day}
	}
	p.BirthDate = d
}

func (g *generator) ageYears() int {
	switch r := g.rng.IntN(100); {
	case r < 25:
		return g.rng.IntN(18)
	case r < 90:
		return 18 + g.rng.IntN(30)
	}
	return 48 + g.rng.IntN(35)
}

// nNumber gives every one of the first 100,000 persons a different number
// of the made-up shape "N 9xx xxx", typed with the separators staff use;
// beyond that a suffix keeps them apart.
func (g *generator) nNumber(i int) string {
	v := (uint64(i)*g.perm + 12345) % 100000
	digits := fmt.Sprintf("9%05d", v)
	var n string
	switch g.rng.IntN(10) {
	case 0:
		n = "N" + digits
	case 1:
		n = "N " + digits[:3] + "." + digits[3:]
	default:
		n = "N " + digits[:3] + " " + digits[3:]
	}
	if i >= 100000 {
		n += fmt.Sprintf("-%d", i/100000)
	}
	return n
}

func (g *generator) permit(nat string) intake.Permit {
	if nat == "UA" {
		return intake.PermitS
	}
	switch r := g.rng.IntN(100); {
	case r < 55:
		return intake.PermitN
	case r < 75:
		return intake.PermitF
	case r < 92:
		return intake.PermitB
	}
	return intake.PermitRAD
}

// procedure sets dates in their usual order and the status: a few
// expected (some of them on a future day), a few arrived on today, most
// arrived earlier.
func (g *generator) procedure(p *intake.Person) {
	day := func(back int) intake.Date { return intake.DateOf(g.today.Time().AddDate(0, 0, -back)) }
	arrivedAgo := g.rng.IntN(720)
	switch r := g.rng.IntN(100); {
	case r < 15:
		p.Status = intake.StatusExpected
		arrivedAgo = -g.rng.IntN(14)
	case r < 20:
		p.Status, arrivedAgo = intake.StatusArrived, 0
	case r < 95:
		p.Status = intake.StatusArrived
	default:
		p.Status = intake.StatusLeft
	}
	attributed := max(arrivedAgo, 0) + 1 + g.rng.IntN(20)
	applied := attributed + g.rng.IntN(60)
	entered := applied + g.rng.IntN(10)
	p.ArrivalDate = day(arrivedAgo)
	p.AttributionDate, p.ApplicationDate, p.EntryDate = day(attributed), day(applied), day(entered)
	for _, d := range []*intake.Date{&p.AttributionDate, &p.ApplicationDate, &p.EntryDate} {
		if d.Before(p.BirthDate) {
			*d = p.BirthDate
		}
	}
	if p.ArrivalDate.Before(p.BirthDate) {
		p.ArrivalDate = p.BirthDate
	}
	p.FederalCentre = pick(g.rng, []string{"Centre fédéral fictif Nord", "Centre fédéral fictif Ouest", "Centre fédéral fictif Sud"})
	if p.Status == intake.StatusArrived {
		p.AccommodationKind = intake.AccommodationPremierAccueil
		p.AccommodationPlace = fmt.Sprintf("Foyer fictif %d", 1+g.rng.IntN(6))
		p.AccommodationSince = p.ArrivalDate
	}
}

func (g *generator) needs(p *intake.Person) {
	if g.rng.IntN(8) == 0 {
		p.DietaryNeeds = pick(g.rng, []string{"végétarien", "sans porc", "sans lactose"})
	}
	if g.rng.IntN(12) == 0 {
		p.Vulnerabilities = []intake.Vulnerability{pick(g.rng, intake.Vulnerabilities)}
	}
	if g.rng.IntN(15) == 0 {
		p.HealthNotes = fmt.Sprintf("Note de test %d (fictive)", g.rng.IntN(1000))
	}
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// capitalise upper-cases the first letter of a Latin transcription.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}
