// Package tabular reads the Confederation's attribution list (CSV) into
// expected arrivals and writes person exports as CSV or JSON.
//
// Reading is pure: [Read] takes the file's bytes and returns every row with
// the person it describes and the problems found, so that reception can
// preview an import before anything is stored. A bad row never stops the
// rest of the file; only a file that cannot be read at all (wrong encoding,
// no header, too many rows) is an error, typed by [Kind] so that the user
// interface can show a translated message.
//
// Column headers are matched in English, French and German, ignoring case,
// accents, spaces and punctuation; the export writes the intake field names,
// so an export reads back as the same persons.
package tabular
