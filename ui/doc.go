// Package ui holds the Fyne screens of the desk app: first start, login,
// the arrivals lists with search, the person form with duplicate check,
// households, accommodation moves and the import of attribution lists.
//
// Screens talk to the store through the small Store interface declared here
// and to the domain directly; they never run SQL. Every string a user reads
// comes from the staff catalog through the current localizer, so switching
// language rebuilds the current screen in the new language.
package ui
