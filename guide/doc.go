// Package guide reads the newcomers' orientation guide: the ordered topics,
// one page per topic and language with its translation status, and the
// contacts and amounts an administrator fills in. Pages use a deliberately
// small format (paragraphs, bullets, subheadings, {{placeholders}}) so that
// translators edit plain text and every construct renders in every script.
//
// It is plain Go: it neither draws nor stores anything.
package guide
