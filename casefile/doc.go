// Package casefile turns a return-counselling case into the consultation
// preparation sheet as staff read it: translated sections of lines in the
// staff language, with names kept in their own scripts. The desk screen
// shows the same sections, and WritePDF prints them with the bundled fonts
// and the guide's text layout, so that paper and screen say the same.
//
// The package knows no widgets (it is shared by the screen and the command
// line) and no storage: callers hand it a prepared counselling.Sheet.
package casefile
