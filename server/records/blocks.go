package records

import "strings"

// Block structure is an approximation of CommonMark, good enough to tell code from text:
// fenced code (``` or ~~~, also inside block quotes and list items), indented code (4 columns
// after a blank line, not inside a list) and paragraphs, whose inline content is scanned.

type lineKind int

const (
	textLine lineKind = iota
	blankLine
	codeLine
)

type blockState struct {
	fenceChar      byte
	fenceLen       int // > 0 inside a fenced code block
	inIndentedCode bool
	inList         bool
}

func (f *finder) scanBlocks() {
	var state blockState
	paragraphStart := -1
	for pos := 0; pos < len(f.msg) && !f.full(); {
		end := len(f.msg)
		if nl := strings.IndexByte(f.msg[pos:], '\n'); nl >= 0 {
			end = pos + nl
		}
		if state.classify(f.msg[pos:end], paragraphStart >= 0) == textLine {
			if paragraphStart < 0 {
				paragraphStart = pos
			}
		} else if paragraphStart >= 0 {
			f.scanInline(paragraphStart, pos)
			paragraphStart = -1
		}
		pos = end + 1
	}
	if paragraphStart >= 0 {
		f.scanInline(paragraphStart, len(f.msg))
	}
}

func (b *blockState) classify(line string, inParagraph bool) lineKind {
	if b.fenceLen > 0 {
		if closesFence(line, b.fenceChar, b.fenceLen) {
			b.fenceLen = 0
		}
		return codeLine
	}
	if c, n, ok := opensFence(line); ok {
		b.fenceChar, b.fenceLen, b.inIndentedCode = c, n, false
		return codeLine
	}
	if strings.TrimSpace(line) == "" {
		return blankLine
	}
	indented := indentColumns(line) >= 4
	if indented && (b.inIndentedCode || (!inParagraph && !b.inList)) {
		b.inIndentedCode = true
		return codeLine
	}
	b.inIndentedCode = false
	b.inList = isListItem(line) || (b.inList && (inParagraph || indented))
	return textLine
}

func opensFence(line string) (char byte, length int, ok bool) {
	rest := stripListMarker(stripContainers(line))
	n := runLength(rest, 0)
	if n < 3 || (rest[0] != '`' && rest[0] != '~') {
		return 0, 0, false
	}
	if rest[0] == '`' && strings.IndexByte(rest[n:], '`') >= 0 {
		return 0, 0, false // ```x``` on one line is a code span
	}
	return rest[0], n, true
}

func closesFence(line string, char byte, length int) bool {
	rest := stripContainers(line)
	n := runLength(rest, 0)
	return n >= length && rest[0] == char && strings.TrimSpace(rest[n:]) == ""
}

// stripContainers drops leading indentation and block quote markers.
func stripContainers(line string) string {
	return strings.TrimLeft(line, " \t>")
}

func stripListMarker(line string) string {
	if n := listMarkerLength(line); n > 0 {
		return strings.TrimLeft(line[n:], " \t")
	}
	return line
}

func isListItem(line string) bool {
	trimmed := strings.TrimLeft(line, " ")
	return len(line)-len(trimmed) <= 3 && listMarkerLength(trimmed) > 0
}

// listMarkerLength is the length of a "-", "*", "+", "1." or "1)" marker followed by a
// space, a tab or the end of the line; 0 if there is none.
func listMarkerLength(s string) int {
	n := 0
	switch {
	case s == "":
		return 0
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		n = 1
	default:
		for n < len(s) && n < 9 && isDigit(s[n]) {
			n++
		}
		if n == 0 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

func indentColumns(line string) int {
	col := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col
		}
	}
	return col
}

// runLength counts the bytes equal to s[i] starting at i.
func runLength(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	n := 1
	for i+n < len(s) && s[i+n] == s[i] {
		n++
	}
	return n
}
