package intake

import (
	"fmt"
	"strconv"
	"strings"
)

// SchemaVersion is the version of the event format and of the field set.
// Migrations only add; a desk older than an event it receives is told to
// update rather than applying half of it.
const SchemaVersion = 1

// EntityType names the kind of record an event changes.
type EntityType string

// Entity types.
const (
	EntityPerson    EntityType = "person"
	EntityHousehold EntityType = "household"
	// EntityDecision records a staff decision about two files, such as
	// "these are different persons" (so they are not asked again).
	EntityDecision EntityType = "decision"
)

// Change sets one field to a new value. Base is the ID of the event that
// last set this field as the editor saw it ("" for a field never set): two
// changes with the same base that did not see each other are a conflict.
type Change struct {
	Field Field  `json:"field"`
	Value string `json:"value"`
	Base  string `json:"base,omitempty"`
}

// Event is an immutable record of changes to one entity. Events are the
// unit of storage, audit and synchronisation.
type Event struct {
	ID         string     `json:"id"` // UUIDv7, made where the change was made
	EntityType EntityType `json:"entity_type"`
	EntityID   string     `json:"entity_id"`
	Changes    []Change   `json:"changes"`
	Time       Timestamp  `json:"time"`
	Desk       string     `json:"desk"`
	Staff      string     `json:"staff"`
	Schema     int        `json:"schema"`
}

// Timestamp is a hybrid logical clock reading: wall time in milliseconds
// since the Unix epoch and a counter that orders events within the same
// millisecond or when a clock runs behind another desk's.
type Timestamp struct {
	Wall    int64
	Logical uint32
}

// Compare orders timestamps: -1, 0 or +1.
func (t Timestamp) Compare(u Timestamp) int {
	switch {
	case t.Wall < u.Wall:
		return -1
	case t.Wall > u.Wall:
		return 1
	case t.Logical < u.Logical:
		return -1
	case t.Logical > u.Logical:
		return 1
	}
	return 0
}

// String encodes the timestamp so that string order is time order.
func (t Timestamp) String() string {
	return fmt.Sprintf("%015d.%010d", t.Wall, t.Logical)
}

// ParseTimestamp reads the form written by String.
func ParseTimestamp(s string) (Timestamp, error) {
	wall, logical, ok := strings.Cut(s, ".")
	if !ok {
		return Timestamp{}, fmt.Errorf("parse timestamp %q: missing counter", s)
	}
	w, err := strconv.ParseInt(wall, 10, 64)
	if err != nil {
		return Timestamp{}, fmt.Errorf("parse timestamp %q: %w", s, err)
	}
	l, err := strconv.ParseUint(logical, 10, 32)
	if err != nil {
		return Timestamp{}, fmt.Errorf("parse timestamp %q: %w", s, err)
	}
	return Timestamp{Wall: w, Logical: uint32(l)}, nil
}

// MarshalText implements encoding.TextMarshaler.
func (t Timestamp) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *Timestamp) UnmarshalText(b []byte) error {
	v, err := ParseTimestamp(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
