package counselling

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"accueil/intake"
)

// Limits on reference values. They are far above any federal figure and
// only catch typing mistakes (an extra zero or three) and keep sums of a
// household's amounts far from overflow.
const (
	MaxAmount   int64 = 1_000_000
	MaxMajority       = 30
	maxRefBytes       = 1 << 20 // a reference file is a few hundred bytes
)

// Reference is the return-assistance reference data: the federal figures in
// whole Swiss francs and the exclusion rules, as an administrator keeps them.
type Reference struct {
	// Confirmed is false until an administrator has checked the figures
	// against the current federal directive; screens show the figures as
	// provisional until then.
	Confirmed   bool
	ConfirmedBy string
	ConfirmedOn string // as written in the file; free text such as a date

	LumpSumPerAdult            int64
	LumpSumPerChild            int64
	ReintegrationMax           int64
	ReintegrationMaxSpecial    int64 // for special needs
	TravelMoneyPerAdult        int64
	MedicalAssistanceAvailable bool
	Majority                   int // age in years from which a person counts as an adult

	ExcludeCriminalConviction bool
	ExcludeClearAbuse         bool
	VisaExemptCountries       []string // ISO 3166-1 alpha-2, upper case
}

// refFile mirrors the TOML file. Pointers tell a missing key from a zero,
// so that a forgotten amount is an error rather than CHF 0.
type refFile struct {
	Status struct {
		Confirmed   *bool   `toml:"confirmed"`
		ConfirmedBy *string `toml:"confirmed_by"`
		ConfirmedOn *string `toml:"confirmed_on"`
	} `toml:"status"`
	LumpSum struct {
		PerAdult *int64 `toml:"per_adult"`
		PerChild *int64 `toml:"per_child"`
	} `toml:"lump_sum"`
	Reintegration struct {
		ProjectMax             *int64 `toml:"project_max"`
		ProjectMaxSpecialNeeds *int64 `toml:"project_max_special_needs"`
	} `toml:"reintegration"`
	TravelMoney struct {
		PerAdult *int64 `toml:"per_adult"`
	} `toml:"travel_money"`
	Medical struct {
		Available *bool `toml:"available"`
	} `toml:"medical_assistance"`
	Age struct {
		Majority *int64 `toml:"majority"`
	} `toml:"age"`
	Exclusions struct {
		CriminalConviction  *bool     `toml:"criminal_conviction"`
		ClearAbuse          *bool     `toml:"clear_abuse"`
		VisaExemptCountries *[]string `toml:"visa_exempt_countries"`
	} `toml:"exclusions"`
}

// LoadReference reads and checks reference data in TOML. Malformed TOML, a
// value of the wrong type, an unknown key, a missing key, a negative or
// implausibly large amount and a bad country code are each an *Error
// naming the offending key; no value is ever silently taken as zero.
func LoadReference(r io.Reader) (Reference, error) {
	const op = "load reference"
	data, err := io.ReadAll(io.LimitReader(r, maxRefBytes+1))
	if err != nil {
		return Reference{}, &Error{ID: MsgRefRead, Op: op, Err: err}
	}
	if len(data) > maxRefBytes {
		return Reference{}, &Error{ID: MsgRefMalformed, Op: op, Err: errors.New("file too large")}
	}
	var f refFile
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		e := &Error{ID: MsgRefMalformed, Op: op, Err: err}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			e.Key = pe.LastKey
		}
		return Reference{}, e
	}
	if u := md.Undecoded(); len(u) > 0 {
		return Reference{}, &Error{ID: MsgRefUnknownKey, Op: op, Key: u[0].String()}
	}
	ref, err := f.reference()
	if err != nil {
		return Reference{}, fmt.Errorf("load reference: %w", err)
	}
	return ref, nil
}

// reference checks the decoded file and converts it.
func (f refFile) reference() (Reference, error) {
	if err := f.checkPresent(); err != nil {
		return Reference{}, err
	}
	ref := Reference{
		Confirmed: *f.Status.Confirmed, ConfirmedBy: deref(f.Status.ConfirmedBy), ConfirmedOn: deref(f.Status.ConfirmedOn),
		LumpSumPerAdult: *f.LumpSum.PerAdult, LumpSumPerChild: *f.LumpSum.PerChild,
		ReintegrationMax: *f.Reintegration.ProjectMax, ReintegrationMaxSpecial: *f.Reintegration.ProjectMaxSpecialNeeds,
		TravelMoneyPerAdult: *f.TravelMoney.PerAdult, MedicalAssistanceAvailable: *f.Medical.Available,
		ExcludeCriminalConviction: *f.Exclusions.CriminalConviction, ExcludeClearAbuse: *f.Exclusions.ClearAbuse,
	}
	if err := checkAmounts(ref); err != nil {
		return Reference{}, err
	}
	majority := *f.Age.Majority
	switch {
	case majority <= 0:
		return Reference{}, &Error{ID: MsgRefNegative, Op: "check", Key: "age.majority"}
	case majority > MaxMajority:
		return Reference{}, &Error{ID: MsgRefTooLarge, Op: "check", Key: "age.majority", Args: map[string]any{"Max": MaxMajority}}
	}
	ref.Majority = int(majority)
	countries, err := checkCountries(*f.Exclusions.VisaExemptCountries)
	if err != nil {
		return Reference{}, err
	}
	ref.VisaExemptCountries = countries
	return ref, nil
}

// checkPresent reports the first required key that is missing, in the order
// of the shipped file so that the administrator finds it at once.
func (f refFile) checkPresent() error {
	required := []struct {
		key     string
		present bool
	}{
		{"status.confirmed", f.Status.Confirmed != nil},
		{"lump_sum.per_adult", f.LumpSum.PerAdult != nil},
		{"lump_sum.per_child", f.LumpSum.PerChild != nil},
		{"reintegration.project_max", f.Reintegration.ProjectMax != nil},
		{"reintegration.project_max_special_needs", f.Reintegration.ProjectMaxSpecialNeeds != nil},
		{"travel_money.per_adult", f.TravelMoney.PerAdult != nil},
		{"medical_assistance.available", f.Medical.Available != nil},
		{"age.majority", f.Age.Majority != nil},
		{"exclusions.criminal_conviction", f.Exclusions.CriminalConviction != nil},
		{"exclusions.clear_abuse", f.Exclusions.ClearAbuse != nil},
		{"exclusions.visa_exempt_countries", f.Exclusions.VisaExemptCountries != nil},
	}
	for _, r := range required {
		if !r.present {
			return &Error{ID: MsgRefMissing, Op: "check", Key: r.key}
		}
	}
	return nil
}

func checkAmounts(ref Reference) error {
	amounts := []struct {
		key   string
		value int64
	}{
		{"lump_sum.per_adult", ref.LumpSumPerAdult},
		{"lump_sum.per_child", ref.LumpSumPerChild},
		{"reintegration.project_max", ref.ReintegrationMax},
		{"reintegration.project_max_special_needs", ref.ReintegrationMaxSpecial},
		{"travel_money.per_adult", ref.TravelMoneyPerAdult},
	}
	for _, a := range amounts {
		switch {
		case a.value < 0:
			return &Error{ID: MsgRefNegative, Op: "check", Key: a.key, Args: map[string]any{"Value": a.value}}
		case a.value > MaxAmount:
			return &Error{ID: MsgRefTooLarge, Op: "check", Key: a.key, Args: map[string]any{"Max": MaxAmount}}
		}
	}
	return nil
}

// checkCountries normalises the visa-exempt list to upper case and refuses
// anything that is not a country code: a country name typed by mistake
// would otherwise exclude nobody.
func checkCountries(list []string) ([]string, error) {
	out := make([]string, 0, len(list))
	for _, c := range list {
		code := strings.ToUpper(strings.TrimSpace(c))
		if !intake.ValidCountryCode(code) {
			return nil, &Error{ID: MsgRefCountry, Op: "check", Key: "exclusions.visa_exempt_countries", Args: map[string]any{"Value": c}}
		}
		if !slices.Contains(out, code) {
			out = append(out, code)
		}
	}
	return out, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
