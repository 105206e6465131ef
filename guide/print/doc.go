// Package print renders guide pages to images and PDF with the same text
// layout the newcomer screen uses (bundled fonts, bidi order, measured
// wrapping), so that a page taken home reads as it did on screen, in any
// script. It also checks that every page can be drawn: no character
// without a glyph, no mark shaped apart from its letter.
package print
