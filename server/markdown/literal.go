// Package markdown turns text from outside (ServiceNow's) into text that reads literally in every
// Mattermost client's markdown: the web app, the mobile app and the server's notification email.
package markdown

import (
	"strings"
	"unicode/utf8"
)

// wordJoiner is invisible and breaks what the clients recognize across it: "@\u2060all" is
// no mention, "https:\u2060//x" no link, ":\u2060smile:" no emoji and "&\u2060amp;" no entity,
// in every client and in the server's own mention check.
const wordJoiner = "\u2060"

// lineBreaks turns each line break into a space. A Replacer is built once: building one
// costs more than using it, and cards are built on the posting path.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// OneLine is text for a field every client shows as it is: one line, nothing escaped.
func OneLine(text string) string {
	return strings.TrimSpace(lineBreaks.Replace(text))
}

// backslashEscaped are the marks Literal escapes with a backslash: those all three
// markdown readers take escaped. The web app's markdown (mattermost/marked, lib/marked.js:
// inline.escape) takes only these and ">"; CommonMark (mobile) and goldmark (email) take every
// ASCII mark, but the email HTML-escapes & < > " ' first, so "\>" would read "&gt;" there.
const backslashEscaped = "`*_{}[]()#+-.!|~"

// Literal is text for a markdown field (a message attachment's text, pretext or field value) that reads
// literally in the web app, the mobile app and email: no emphasis, code, links, autolinks,
// images, headings, lists, quotes, tables, emoji, entities or @-mentions (which would notify).
// It is one line, so block syntax can only begin at its start. Raw HTML needs no escape: every
// client shows it as text.
func Literal(text string) string {
	text = OneLine(text)
	var b strings.Builder
	b.Grow(len(text) + len(text)/4)
	if strings.HasPrefix(text, ">") {
		b.WriteString(wordJoiner) // not a quote
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		rest := text[i:]
		switch {
		case r == '\\' && !startsWithAlphanumeric(rest):
			b.WriteString(`\\`)
		case r < utf8.RuneSelf && strings.ContainsRune(backslashEscaped, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '@' || r == ':' || (r == '&' && startsEntity(rest)):
			b.WriteRune(r)
			b.WriteString(wordJoiner)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// startsWithAlphanumeric tells a backslash the web app reads as text ("C:\Users") from one it
// takes as an escape: "\\" escapes a backslash there only before a non-word character.
func startsWithAlphanumeric(text string) bool {
	return text != "" && isAlphanumeric(rune(text[0]))
}

func isAlphanumeric(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// startsEntity reports whether text after an "&" completes an HTML entity reference
// ("amp;", "#38;", "#x26;"), which the clients would show as the character it names.
func startsEntity(text string) bool {
	end := strings.IndexByte(text, ';')
	if end < 1 || end > 32 {
		return false
	}
	name := strings.TrimPrefix(text[:end], "#")
	for _, r := range name {
		if !isAlphanumeric(r) {
			return false
		}
	}
	return name != ""
}

// LiteralLines is Literal for text of several lines (a message), line by line.
func LiteralLines(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i, line := range lines {
		lines[i] = Literal(line)
	}
	return strings.Join(lines, "\n")
}
