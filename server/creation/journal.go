package creation

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Line is one message of a conversation as the work note writes it.
type Line struct {
	At     time.Time
	Author string
	Text   string
	Files  int
}

// Limits of the work note: a message is cut at maxMessageRunes; the oldest messages are left
// out when the note would pass maxNoteRunes.
const (
	maxMessageRunes = 2000
	maxNoteRunes    = 30000
	timeLayout      = "2006-01-02 15:04 UTC"
)

// WorkNote is the new record's first work note: a header saying who created it through
// Connect, then each message attributed and timed, oldest first:
//
//	Alice Archer via Connect: created from a Connect conversation
//	[2026-12-06 10:42 UTC] Bob Baker: the printer is on fire
func WorkNote(asker string, lines []Line) string {
	header := asker + " via Connect: created from a Connect conversation"
	rendered := make([]string, len(lines))
	for i, l := range lines {
		rendered[i] = renderLine(l)
	}
	total := utf8.RuneCountInString(header)
	first := len(rendered)
	for first > 0 && total+1+utf8.RuneCountInString(rendered[first-1]) <= maxNoteRunes {
		first--
		total += 1 + utf8.RuneCountInString(rendered[first])
	}
	parts := []string{header}
	if first > 0 {
		parts = append(parts, fmt.Sprintf("(%d earlier %s left out)", first, plural(first, "message", "messages")))
	}
	return strings.Join(append(parts, rendered[first:]...), "\n")
}

func renderLine(l Line) string {
	text := strings.TrimSpace(strings.ReplaceAll(l.Text, "\r\n", "\n"))
	if utf8.RuneCountInString(text) > maxMessageRunes {
		text = string([]rune(text)[:maxMessageRunes]) + "…"
	}
	// Continuation lines are indented, so every entry starts with its time.
	text = strings.ReplaceAll(text, "\n", "\n    ")
	if l.Files > 0 {
		text = strings.TrimSpace(text + fmt.Sprintf(" (%d %s)", l.Files, plural(l.Files, "file", "files")))
	}
	return fmt.Sprintf("[%s] %s: %s", l.At.UTC().Format(timeLayout), l.Author, text)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
