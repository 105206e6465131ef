// Package counselling is the domain of the return-counselling bureau (CVR):
// a counselling case and the steps it goes through, the reference data of
// federal return assistance, the eligibility of a person and the assistance
// a household may receive.
//
// Counselling is voluntary and confidential and has no effect on a pending
// procedure; nothing here reads or changes the asylum procedure. Amounts and
// exclusion rules come from reference data an administrator edits, never
// from code, so that a change of the federal figures is a data change.
//
// Like package intake, this package is plain Go and reports every failure
// as a message ID with arguments; the user interface translates them.
package counselling
