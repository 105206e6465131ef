package store

import (
	"context"
	"maps"
	"slices"
	"testing"

	"accueil/intake"
)

// searchFixture saves fictitious files: common given names in several
// scripts and transcriptions, invented surnames, made-up N numbers.
func searchFixture(t testing.TB) (*Store, map[string]string) {
	t.Helper()
	s := openTest(t)
	files := map[string]intake.Person{
		"zarani": {Surname: "Zarani", GivenNames: "Mohammed", SurnameOriginal: "زاراني", GivenNamesOriginal: "محمد",
			BirthDate: intake.MustDate("1990-04-12"), Nationality: "SY", NNumber: "N 900 001"},
		"qabuni": {Surname: "Qabuni", GivenNames: "Muhammad", BirthDate: intake.MustDate("1985-01-01"),
			BirthDateApprox: true, Nationality: "SY", NNumber: "N901234"},
		"arabic only": {SurnameOriginal: "لوكيري", GivenNamesOriginal: "محمد", Nationality: "SY"},
		"zalchuk": {Surname: "Zalchuk", GivenNames: "Oleksandr", SurnameOriginal: "Залчук", GivenNamesOriginal: "Олександр",
			BirthDate: intake.MustDate("1990-04-12"), Nationality: "UA", ZEMISNumber: "99.123.456"},
		"tymenko":  {Surname: "Tymenko", GivenNames: "Aleksandr", Nationality: "UA", NNumber: "N 955.500"},
		"gesamon":  {Surname: "Gesamon", GivenNames: "Yonas", SurnameOriginal: "ገሳሞን", GivenNamesOriginal: "ዮናስ", Nationality: "ER"},
		"velindor": {Surname: "Velindor", GivenNames: "Amina", Nationality: "TR"},
	}
	out := map[string]string{}
	for _, key := range slices.Sorted(maps.Keys(files)) {
		p, _ := save(t, s, reception, files[key], nil)
		out[key] = p.ID
	}
	return s, out
}

func TestSearch(t *testing.T) {
	s, id := searchFixture(t)
	ctx := context.Background()
	tests := []struct {
		query string
		want  []string // fixture keys, in any order unless first is set
		first string   // the result expected first, if any
	}{
		{query: "Mohammed", want: []string{"zarani", "qabuni", "arabic only"}},
		{query: "Muhammad", want: []string{"zarani", "qabuni", "arabic only"}},
		{query: "محمد", want: []string{"zarani", "qabuni", "arabic only"}},
		{query: "mohamed zarani", want: []string{"zarani"}},
		{query: "زاراني", want: []string{"zarani"}},
		{query: "Oleksandr", want: []string{"zalchuk", "tymenko"}},
		{query: "Олександр", want: []string{"zalchuk", "tymenko"}},
		{query: "Залчук", want: []string{"zalchuk"}},
		{query: "zal", want: []string{"zalchuk"}},
		{query: "ZALCHUK oleks", want: []string{"zalchuk"}},
		{query: "ዮናስ", want: []string{"gesamon"}},
		{query: "yonas", want: []string{"gesamon"}},
		{query: "velindor amina", want: []string{"velindor"}},
		{query: "velindor zzz", want: nil},
		{query: "N 900 001", want: []string{"zarani"}},
		{query: "n900001", want: []string{"zarani"}},
		{query: "900.001", want: []string{"zarani"}},
		{query: "N 90", want: []string{"zarani", "qabuni"}},
		{query: "n 955 500", want: []string{"tymenko"}},
		{query: "99123456", want: []string{"zalchuk"}},
		{query: "12.04.1990", want: []string{"zarani", "zalchuk"}},
		{query: "1990-04-12", want: []string{"zarani", "zalchuk"}},
		{query: "01/01/1985", want: []string{"qabuni"}},
		{query: "   ", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := s.Search(ctx, reception, tt.query, 20)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, k := range tt.want {
				want = append(want, id[k])
			}
			if !sameSet(ids(got), want) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, surnames(got), tt.want)
			}
		})
	}
}

func TestSearchRankingAndLimit(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, n := range []string{"Velindorra", "Velindor", "Abvelindor", "Velindorian"} {
		save(t, s, reception, person(n, "Amina", ""), nil)
	}
	got, err := s.Search(ctx, reception, "velindor", 10)
	if err != nil {
		t.Fatal(err)
	}
	// The name as typed first, then one that sounds the same, then the
	// names it only starts.
	if names := surnames(got); !slices.Equal(names, []string{"Velindor", "Velindorra", "Velindorian"}) {
		t.Errorf("ranking = %v, want the exact name, the same sound, then prefixes", names)
	}
	got, err = s.Search(ctx, reception, "velindor", 2)
	if err != nil || len(got) != 2 {
		t.Errorf("limit 2 gave %d results, %v", len(got), err)
	}
}

func TestSearchSkipsDeletedAndFollowsMerge(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	keep, _ := save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
	gone, _ := save(t, s, reception, person("Welindor", "Amina", "N 900 002"), nil)
	dead, vers := save(t, s, reception, person("Tarquen", "Ali", "N 900 003"), nil)
	dead.Deleted = true
	save(t, s, reception, dead, vers)
	if err := s.Merge(ctx, reception, keep.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"Tarquen", nil},
		{"N 900 003", nil},
		{"Welindor", []string{keep.ID}},
		{"N 900 002", []string{keep.ID}},
		{"N 900 00", []string{keep.ID}},
	}
	for _, tt := range tests {
		got, err := s.Search(ctx, reception, tt.query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(got), tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, ids(got), tt.want)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func surnames(sums []Summary) []string {
	out := make([]string, len(sums))
	for i, s := range sums {
		out[i] = s.Surname + s.SurnameOriginal
	}
	return out
}

// Whatever is typed or pasted into the search box, Search answers without
// error and within its limit.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{"Mohammed", "محمد", "N 900 001", "12.04.1990", "31.02.2001", "a b c d e f g h",
		"\x00\xff", "%_'\"", "~", "N", "-", "2024-13-45", "Олександр Зал"} {
		f.Add(seed)
	}
	s, _ := searchFixture(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, q string) {
		got, err := s.Search(ctx, reception, q, 5)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(got) > 5 {
			t.Fatalf("Search(%q) gave %d results, limit 5", q, len(got))
		}
	})
}
