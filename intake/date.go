package intake

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date without time or zone. The zero Date means "unknown".
// Dates of birth are often approximate (an unknown day is set to 1 January by
// convention); the approximation is recorded beside the date, not in it.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d == Date{} }

// String returns the ISO 8601 form YYYY-MM-DD, or "" for an unknown date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Before reports whether d is strictly earlier than e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// DaysBetween returns the absolute number of days between two dates.
func DaysBetween(a, b Date) int {
	h := a.Time().Sub(b.Time()).Hours()
	if h < 0 {
		h = -h
	}
	return int(h / 24)
}

// ErrDate is returned by ParseDate for text that is not a real calendar date.
var ErrDate = fmt.Errorf("not a calendar date")

// ParseDate reads a date written as YYYY-MM-DD (ISO), DD.MM.YYYY or
// DD/MM/YYYY (Swiss and French habits; single-digit day and month accepted).
// Empty text gives the zero Date. Impossible dates such as 31.02.2001 are
// refused rather than normalised into another day.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts, yearFirst := splitDate(s)
	if len(parts) != 3 {
		return Date{}, fmt.Errorf("parse date %q: %w", s, ErrDate)
	}
	if !yearFirst {
		parts[0], parts[2] = parts[2], parts[0]
	}
	n := [3]int{}
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, fmt.Errorf("parse date %q: %w", s, ErrDate)
		}
		n[i] = v
	}
	if len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("parse date %q: year needs four digits: %w", s, ErrDate)
	}
	d := Date{Year: n[0], Month: time.Month(n[1]), Day: n[2]}
	if !d.valid() {
		return Date{}, fmt.Errorf("parse date %q: %w", s, ErrDate)
	}
	return d, nil
}

func splitDate(s string) (parts []string, yearFirst bool) {
	switch {
	case strings.Count(s, "-") == 2:
		return strings.Split(s, "-"), true
	case strings.Count(s, ".") == 2:
		return strings.Split(s, "."), false
	case strings.Count(s, "/") == 2:
		return strings.Split(s, "/"), false
	}
	return nil, false
}

func (d Date) valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Time().Month() == d.Month && d.Time().Day() == d.Day
}

// MustDate parses an ISO date and panics on error; for tests and constants.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
