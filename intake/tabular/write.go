package tabular

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"

	"accueil/intake"
)

// DefaultExportFields returns the fields a person export holds by default,
// in column order. The caller removes those the staff member's role may not
// read before writing.
func DefaultExportFields() []intake.Field {
	return []intake.Field{
		intake.FieldSurname, intake.FieldGivenNames,
		intake.FieldSurnameOriginal, intake.FieldGivenNamesOriginal,
		intake.FieldSex, intake.FieldBirthDate, intake.FieldBirthDateApprox,
		intake.FieldNationality, intake.FieldNNumber, intake.FieldZEMISNumber,
		intake.FieldPreferredLanguage, intake.FieldLanguages, intake.FieldInterpreterNeeded,
		intake.FieldPermit, intake.FieldEntryDate, intake.FieldApplicationDate,
		intake.FieldAttributionDate, intake.FieldArrivalDate, intake.FieldFederalCentre,
		intake.FieldStatus, intake.FieldHouseholdID, intake.FieldRelation,
		intake.FieldAccommodationKind, intake.FieldAccommodationPlace, intake.FieldAccommodationSince,
	}
}

// Field shapes in exports. Everything else is text.
var (
	boolFields = map[intake.Field]bool{
		intake.FieldBirthDateApprox: true, intake.FieldInterpreterNeeded: true, intake.FieldDeleted: true,
	}
	listFields = map[intake.Field]bool{
		intake.FieldLanguages: true, intake.FieldVulnerabilities: true,
	}
	dateFields = map[intake.Field]bool{
		intake.FieldBirthDate: true, intake.FieldEntryDate: true, intake.FieldApplicationDate: true,
		intake.FieldAttributionDate: true, intake.FieldArrivalDate: true, intake.FieldAccommodationSince: true,
	}
)

// WriteCSV writes persons as CSV: a header of "id" and the field names,
// then one row per person. The text is UTF-8 with a byte order mark (without
// it, Excel reads UTF-8 as Windows-1252 and garbles every accent), comma
// separated, quoted as RFC 4180 says, with CRLF line ends. Dates are ISO
// 8601, yes/no fields "true" or "false", lists comma separated.
//
// A cell that a spreadsheet would run as a formula (starting with =, +, -,
// @, tab or CR) is prefixed with an apostrophe, and so is one that starts
// with an apostrophe; Read removes that prefix again.
func WriteCSV(w io.Writer, persons []intake.Person, fields []intake.Field) error {
	const op = "write csv"
	fields, err := exportFields(op, fields)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	bw.Write(bomUTF8) // errors surface at Flush
	rec := make([]string, len(fields)+1)
	rec[0] = string(FieldID)
	for i, f := range fields {
		rec[i+1] = string(f)
	}
	cw.Write(rec)
	for _, p := range persons {
		v := p.Values()
		rec[0] = escapeFormula(p.ID)
		for i, f := range fields {
			rec[i+1] = escapeFormula(textValue(f, v[f]))
		}
		cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return &Error{Op: op, Kind: ErrWrite, Err: err}
	}
	if err := bw.Flush(); err != nil {
		return &Error{Op: op, Kind: ErrWrite, Err: err}
	}
	return nil
}

// WriteJSON writes persons as a JSON array with one object per person and
// per line: "id" first, then the fields in the order given. Text is a
// string, a date an ISO 8601 string or null when unknown, a yes/no field a
// boolean and a list an array of strings.
func WriteJSON(w io.Writer, persons []intake.Person, fields []intake.Field) error {
	const op = "write json"
	fields, err := exportFields(op, fields)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	var obj bytes.Buffer
	enc := json.NewEncoder(&obj)
	enc.SetEscapeHTML(false) // names and notes are not HTML
	bw.WriteString("[")
	for i, p := range persons {
		obj.Reset()
		if err := encodePerson(enc, &obj, p, fields); err != nil {
			return &Error{Op: op, Kind: ErrWrite, Err: err}
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		bw.Write(obj.Bytes())
	}
	bw.WriteString("\n]\n")
	if err := bw.Flush(); err != nil {
		return &Error{Op: op, Kind: ErrWrite, Err: err}
	}
	return nil
}

// encodePerson writes one JSON object into obj, keys in field order
// (encoding/json would sort a map's keys).
func encodePerson(enc *json.Encoder, obj *bytes.Buffer, p intake.Person, fields []intake.Field) error {
	v := p.Values()
	obj.WriteString(`{"id":`)
	if err := enc.Encode(p.ID); err != nil {
		return err
	}
	for _, f := range fields {
		trimNewline(obj)
		obj.WriteString(`,"` + string(f) + `":`)
		if err := enc.Encode(jsonValue(f, v[f])); err != nil {
			return err
		}
	}
	trimNewline(obj)
	obj.WriteString("}")
	return nil
}

// trimNewline drops the newline json.Encoder ends each value with.
func trimNewline(b *bytes.Buffer) {
	if n := b.Len(); n > 0 && b.Bytes()[n-1] == '\n' {
		b.Truncate(n - 1)
	}
}

func jsonValue(f intake.Field, v string) any {
	switch {
	case boolFields[f]:
		return v == "true"
	case listFields[f]:
		if v == "" {
			return []string{}
		}
		return strings.Split(v, ",")
	case dateFields[f] && v == "":
		return nil
	}
	return v
}

// textValue is a field's CSV cell: intake's recorded form, except that
// yes/no fields say "false" rather than nothing.
func textValue(f intake.Field, v string) string {
	if boolFields[f] && v == "" {
		return "false"
	}
	return v
}

// exportFields checks the requested fields and drops "id", which always
// comes first.
func exportFields(op string, fields []intake.Field) ([]intake.Field, error) {
	out := make([]intake.Field, 0, len(fields))
	for _, f := range fields {
		if f == FieldID {
			continue
		}
		if _, ok := intake.PersonFieldInfo(f); !ok {
			return nil, newError(op, ErrField, "unknown field %q", f)
		}
		out = append(out, f)
	}
	return out, nil
}

// formulaStarts are the first characters that make a spreadsheet treat a
// cell as a formula, plus the apostrophe that escapes them.
const formulaStarts = "=+-@\t\r'"

// escapeFormula keeps a spreadsheet from running a cell as a formula: names
// in an attribution list come from outside the office.
func escapeFormula(v string) string {
	if v != "" && strings.IndexByte(formulaStarts, v[0]) >= 0 {
		return "'" + v
	}
	return v
}

// unescapeFormula removes the apostrophe escapeFormula added.
func unescapeFormula(v string) string {
	if len(v) >= 2 && v[0] == '\'' && strings.IndexByte(formulaStarts, v[1]) >= 0 {
		return v[1:]
	}
	return v
}
