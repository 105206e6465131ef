package counselling

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"accueil/assets"
)

// readShipped returns the reference file as the application embeds it.
func readShipped(t testing.TB) string {
	t.Helper()
	return string(assets.ReturnAssistance())
}

func loadShipped(t testing.TB) Reference {
	t.Helper()
	ref, err := LoadReference(strings.NewReader(readShipped(t)))
	if err != nil {
		t.Fatalf("shipped reference: %v", err)
	}
	return ref
}

// TestShippedReference pins the federal figures of the shipped file, so a
// change to them is a deliberate edit of this test too.
func TestShippedReference(t *testing.T) {
	ref := loadShipped(t)
	want := Reference{
		LumpSumPerAdult: 1000, LumpSumPerChild: 500, ReintegrationMax: 3000, ReintegrationMaxSpecial: 5000,
		TravelMoneyPerAdult: 100, MedicalAssistanceAvailable: true, Majority: 18,
		ExcludeCriminalConviction: true, ExcludeClearAbuse: true, VisaExemptCountries: []string{},
	}
	if ref.Confirmed {
		t.Error("shipped figures must await the administrator's confirmation")
	}
	if len(ref.VisaExemptCountries) != 0 {
		t.Errorf("visa-exempt list must ship empty, got %v", ref.VisaExemptCountries)
	}
	ref.VisaExemptCountries = want.VisaExemptCountries
	if !equalRef(ref, want) {
		t.Errorf("shipped reference\n%+v\nwant\n%+v", ref, want)
	}
}

func equalRef(a, b Reference) bool {
	a.VisaExemptCountries, b.VisaExemptCountries = nil, nil
	return reflect.DeepEqual(a, b)
}

func TestLoadReferenceErrors(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(string) string
		wantID  string
		wantKey string
	}{
		{"empty file", func(string) string { return "" }, MsgRefMissing, "status.confirmed"},
		{"missing amount", drop("per_child = 500"), MsgRefMissing, "lump_sum.per_child"},
		{"missing table", drop("[travel_money]\nper_adult = 100"), MsgRefMissing, "travel_money.per_adult"},
		{"missing visa list", drop("visa_exempt_countries = []"), MsgRefMissing, "exclusions.visa_exempt_countries"},
		{"negative amount", swap("project_max = 3000", "project_max = -3000"), MsgRefNegative, "reintegration.project_max"},
		{"extra zeros", swap("per_adult = 1000", "per_adult = 100000000"), MsgRefTooLarge, "lump_sum.per_adult"},
		{"zero majority", swap("majority = 18", "majority = 0"), MsgRefNegative, "age.majority"},
		{"majority in months", swap("majority = 18", "majority = 216"), MsgRefTooLarge, "age.majority"},
		{"misspelt key", swap("per_child = 500", "per_chlid = 500"), MsgRefUnknownKey, "lump_sum.per_chlid"},
		{"unknown table", func(s string) string { return s + "\n[bonus]\namount = 1\n" }, MsgRefUnknownKey, "bonus.amount"},
		{"amount with decimals", swap("per_adult = 100\n", "per_adult = 100.50\n"), MsgRefMalformed, "travel_money.per_adult"},
		{"amount as text", swap("per_child = 500", `per_child = "500"`), MsgRefMalformed, "lump_sum.per_child"},
		{"value outside a table", func(s string) string { return "currency = \"CHF\"\n" + s }, MsgRefUnknownKey, "currency"},
		{"flag as text", swap("available = true", `available = "yes"`), MsgRefMalformed, "medical_assistance.available"},
		{"country list of numbers", swap("visa_exempt_countries = []", "visa_exempt_countries = [1]"), MsgRefMalformed, "exclusions.visa_exempt_countries"},
		{"not TOML", func(string) string { return "lump_sum = {\n" }, MsgRefMalformed, ""},
		{"duplicate key", swap("per_child = 500", "per_child = 500\nper_child = 400"), MsgRefMalformed, ""},
		{"country name", swap("visa_exempt_countries = []", `visa_exempt_countries = ["Testland"]`), MsgRefCountry, "exclusions.visa_exempt_countries"},
		{"not a country", swap("visa_exempt_countries = []", `visa_exempt_countries = ["ZZ"]`), MsgRefCountry, "exclusions.visa_exempt_countries"},
	}
	base := readShipped(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.edit(base)
			if text == base {
				t.Fatal("edit changed nothing; the shipped file changed")
			}
			ref, err := LoadReference(strings.NewReader(text))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("LoadReference = %+v, %v; want *Error %s", ref, err, tt.wantID)
			}
			if e.ID != tt.wantID || (tt.wantKey != "" && e.Key != tt.wantKey) {
				t.Fatalf("error %v: ID %q key %q; want %q key %q", err, e.ID, e.Key, tt.wantID, tt.wantKey)
			}
			if !equalRef(ref, Reference{}) {
				t.Fatalf("failed load returned figures %+v", ref)
			}
		})
	}
}

func TestLoadReferenceVisaExempt(t *testing.T) {
	text := swap("visa_exempt_countries = []", `visa_exempt_countries = [" xk", "XK", "AL"]`)(readShipped(t))
	ref, err := LoadReference(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ref.VisaExemptCountries, ","); got != "XK,AL" {
		t.Fatalf("visa-exempt list %q, want normalised and without duplicates", got)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestLoadReferenceReadFailure(t *testing.T) {
	_, err := LoadReference(failingReader{})
	if MessageID(err) != MsgRefRead || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("LoadReference = %v, want %s wrapping the cause", err, MsgRefRead)
	}
}

func FuzzLoadReference(f *testing.F) {
	f.Add(readShipped(f))
	f.Add("")
	f.Add("[lump_sum]\nper_adult = -1\n")
	f.Add("[exclusions]\nvisa_exempt_countries = [1, 2]\n")
	f.Add("[age]\nmajority = 9223372036854775807\n")
	f.Fuzz(func(t *testing.T, text string) {
		ref, err := LoadReference(strings.NewReader(text))
		if err != nil {
			if MessageID(err) == "" {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		// Whatever loads must be usable as figures.
		for _, v := range []int64{ref.LumpSumPerAdult, ref.LumpSumPerChild, ref.ReintegrationMax, ref.ReintegrationMaxSpecial, ref.TravelMoneyPerAdult} {
			if v < 0 || v > MaxAmount {
				t.Fatalf("loaded amount %d out of range", v)
			}
		}
		if ref.Majority <= 0 || ref.Majority > MaxMajority {
			t.Fatalf("loaded majority %d", ref.Majority)
		}
	})
}

func drop(s string) func(string) string { return swap(s, "") }

func swap(old, new string) func(string) string {
	return func(text string) string { return strings.Replace(text, old, new, 1) }
}
