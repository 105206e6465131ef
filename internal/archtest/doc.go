// Package archtest holds no code: its test keeps the architecture's import
// rules true (the domain never imports the toolkit or SQL, only ui and cmd
// import Fyne, and the GL driver stays out of testable packages).
package archtest
