// Package i18n translates the interfaces of Accueil: message catalogs with
// CLDR plurals (go-i18n), one localizer per view so that the staff interface
// and the newcomer screen can speak different languages side by side, dates
// and numbers in the reader's conventions, and name sorting by the staff
// language's collation.
//
// It never builds widgets: the user interface asks it for strings.
package i18n
