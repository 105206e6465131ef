package store

import (
	"encoding/binary"
	"errors"

	"accueil/intake"
)

// recordVersion leads an encoded record; a change of layout takes a new
// one.
const recordVersion = 1

var errRecord = errors.New("malformed person record")

// encode writes the record compactly: unlocking decodes one per file, and
// JSON took most of that time.
func (r *record) encode() []byte {
	s := &r.Summary
	b := []byte{recordVersion, flags(s.BirthDateApprox, r.Deleted, r.Live)}
	for _, v := range []string{s.ID, s.Surname, s.GivenNames, s.SurnameOriginal, s.GivenNamesOriginal,
		s.BirthDate.String(), s.Nationality, string(s.Permit), string(s.Status), s.ArrivalDate.String(),
		s.NNumber, s.HouseholdID, string(s.Relation), r.ZEMIS, r.NNorm, r.ZNorm, r.Sort, r.Merged} {
		b = appendString(b, v)
	}
	for _, list := range [][]string{r.Keys, r.Skeleton} {
		b = binary.AppendUvarint(b, uint64(len(list)))
		for _, v := range list {
			b = appendString(b, v)
		}
	}
	return b
}

func flags(bs ...bool) byte {
	var f byte
	for i, v := range bs {
		if v {
			f |= 1 << i
		}
	}
	return f
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// decodeRecord reads what encode wrote.
func decodeRecord(b []byte) (*record, error) {
	if len(b) < 2 || b[0] != recordVersion {
		return nil, errRecord
	}
	d := decoder{b: b[2:]}
	r := &record{}
	s := &r.Summary
	s.BirthDateApprox, r.Deleted, r.Live = b[1]&1 != 0, b[1]&2 != 0, b[1]&4 != 0
	var birth, permit, status, arrival, relation string
	for _, dst := range []*string{&s.ID, &s.Surname, &s.GivenNames, &s.SurnameOriginal, &s.GivenNamesOriginal,
		&birth, &s.Nationality, &permit, &status, &arrival,
		&s.NNumber, &s.HouseholdID, &relation, &r.ZEMIS, &r.NNorm, &r.ZNorm, &r.Sort, &r.Merged} {
		*dst = d.string()
	}
	r.Keys, r.Skeleton = d.list(), d.list()
	if d.err != nil || len(d.b) > 0 {
		return nil, errRecord
	}
	s.BirthDate, _ = intake.ParseDate(birth)
	s.ArrivalDate, _ = intake.ParseDate(arrival)
	s.Permit, s.Status, s.Relation = intake.Permit(permit), intake.Status(status), intake.Relation(relation)
	return r, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errRecord
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errRecord
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) list() []string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errRecord
		return nil
	}
	var out []string
	for range n {
		if out = append(out, d.string()); d.err != nil {
			return nil
		}
	}
	return out
}
