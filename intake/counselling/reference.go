package counselling

import (
	"errors"
	"fmt"
	"io"
	"maps"
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

// kind is the TOML type a reference key must have.
type kind int

const (
	kindInt kind = iota
	kindBool
	kindString
	kindStrings
)

// refKey is one key of the reference file and the type of its value.
type refKey struct {
	key  string
	kind kind
}

// schema lists every key of the reference file, in the order of the shipped
// file so that the first problem reported is the first one the
// administrator meets when reading it.
func schema() []refKey {
	return []refKey{
		{"status.confirmed", kindBool},
		{"status.confirmed_by", kindString},
		{"status.confirmed_on", kindString},
		{"lump_sum.per_adult", kindInt},
		{"lump_sum.per_child", kindInt},
		{"reintegration.project_max", kindInt},
		{"reintegration.project_max_special_needs", kindInt},
		{"travel_money.per_adult", kindInt},
		{"medical_assistance.available", kindBool},
		{"age.majority", kindInt},
		{"exclusions.criminal_conviction", kindBool},
		{"exclusions.clear_abuse", kindBool},
		{"exclusions.visa_exempt_countries", kindStrings},
	}
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
	// Decoding into a generic map rather than a struct lets every type
	// mistake be reported with its key, and tells a missing key from a zero.
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		e := &Error{ID: MsgRefMalformed, Op: op, Err: err}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			e.Key = pe.LastKey
		}
		return Reference{}, e
	}
	values, err := lookUp(raw)
	if err != nil {
		return Reference{}, fmt.Errorf("load reference: %w", err)
	}
	ref, err := build(values)
	if err != nil {
		return Reference{}, fmt.Errorf("load reference: %w", err)
	}
	return ref, nil
}

// lookUp returns the value of every schema key, refusing unknown keys
// first: a misspelt key is the likely cause of a missing one.
func lookUp(raw map[string]any) (map[string]any, error) {
	flat, err := flatten(raw)
	if err != nil {
		return nil, err
	}
	keys := schema()
	known := make(map[string]bool, len(keys))
	for _, s := range keys {
		known[s.key] = true
	}
	for _, k := range slices.Sorted(maps.Keys(flat)) {
		if !known[k] {
			return nil, &Error{ID: MsgRefUnknownKey, Op: "check", Key: k}
		}
	}
	for _, s := range keys {
		v, ok := flat[s.key]
		if !ok {
			return nil, &Error{ID: MsgRefMissing, Op: "check", Key: s.key}
		}
		if !s.kind.matches(v) {
			return nil, &Error{ID: MsgRefMalformed, Op: "check", Key: s.key, Err: fmt.Errorf("value of type %T", v)}
		}
	}
	return flat, nil
}

// flatten turns the two levels of the file (tables of values) into dotted
// keys. A value outside a table, or a table nested deeper, is not part of
// the format.
func flatten(raw map[string]any) (map[string]any, error) {
	flat := map[string]any{}
	for name, v := range raw {
		t, ok := v.(map[string]any)
		if !ok {
			return nil, &Error{ID: MsgRefUnknownKey, Op: "check", Key: name}
		}
		for k, v := range t {
			flat[name+"."+k] = v
		}
	}
	return flat, nil
}

func (k kind) matches(v any) bool {
	switch k {
	case kindInt:
		_, ok := v.(int64)
		return ok
	case kindBool:
		_, ok := v.(bool)
		return ok
	case kindString:
		_, ok := v.(string)
		return ok
	}
	list, ok := v.([]any)
	if !ok {
		return false
	}
	for _, e := range list {
		if _, ok := e.(string); !ok {
			return false
		}
	}
	return true
}

// build converts values whose presence and types lookUp has checked.
func build(v map[string]any) (Reference, error) {
	ref := Reference{
		Confirmed: v["status.confirmed"].(bool), ConfirmedBy: v["status.confirmed_by"].(string),
		ConfirmedOn:     v["status.confirmed_on"].(string),
		LumpSumPerAdult: v["lump_sum.per_adult"].(int64), LumpSumPerChild: v["lump_sum.per_child"].(int64),
		ReintegrationMax:           v["reintegration.project_max"].(int64),
		ReintegrationMaxSpecial:    v["reintegration.project_max_special_needs"].(int64),
		TravelMoneyPerAdult:        v["travel_money.per_adult"].(int64),
		MedicalAssistanceAvailable: v["medical_assistance.available"].(bool),
		ExcludeCriminalConviction:  v["exclusions.criminal_conviction"].(bool),
		ExcludeClearAbuse:          v["exclusions.clear_abuse"].(bool),
	}
	if err := checkAmounts(ref); err != nil {
		return Reference{}, err
	}
	majority, err := checkMajority(v["age.majority"].(int64))
	if err != nil {
		return Reference{}, err
	}
	ref.Majority = majority
	var list []string
	for _, c := range v["exclusions.visa_exempt_countries"].([]any) {
		list = append(list, c.(string))
	}
	if ref.VisaExemptCountries, err = checkCountries(list); err != nil {
		return Reference{}, err
	}
	return ref, nil
}

func checkMajority(years int64) (int, error) {
	switch {
	case years <= 0:
		return 0, &Error{ID: MsgRefNegative, Op: "check", Key: "age.majority", Args: map[string]any{"Value": years}}
	case years > MaxMajority:
		return 0, &Error{ID: MsgRefTooLarge, Op: "check", Key: "age.majority", Args: map[string]any{"Max": MaxMajority}}
	}
	return int(years), nil
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
