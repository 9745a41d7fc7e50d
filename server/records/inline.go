package records

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that keep pathological input (thousands of "[" or "(") close to linear.
const (
	maxLinkTextLen = 1000
	maxLinkDestLen = 4096
	maxNesting     = 32
)

// scanInline walks one paragraph, message[start:end].
func (f *finder) scanInline(start, end int) {
	f.text, f.unclosedTicks = f.msg[:end], 0
	for i := start; i < end && !f.full(); {
		i = f.step(i)
	}
}

// step handles whatever starts at f.text[i] and returns where to continue.
func (f *finder) step(i int) int {
	c := f.text[i]
	switch {
	case c == '`':
		return f.codeSpan(i)
	case c == '\\' && i+1 < len(f.text) && isASCIIPunct(f.text[i+1]):
		return i + 2
	case c == '[':
		return f.link(i)
	case c == '<':
		return f.autolink(i)
	case c < utf8.RuneSelf:
		if wordBytes[c] {
			return f.word(i)
		}
		return i + 1
	}
	r, size := utf8.DecodeRuneInString(f.text[i:])
	if isWordRune(r) {
		return f.word(i)
	}
	return i + size
}

func (f *finder) codeSpan(i int) int {
	n := runLength(f.text, i)
	if n < 64 && f.unclosedTicks&(1<<n) != 0 {
		return i + n
	}
	if closing := findTickRun(f.text, i+n, n); closing >= 0 {
		return closing + n
	}
	if n < 64 {
		f.unclosedTicks |= 1 << n
	}
	return i + n
}

func findTickRun(text string, from, n int) int {
	for from < len(text) {
		j := strings.IndexByte(text[from:], '`')
		if j < 0 {
			return -1
		}
		m := runLength(text, from+j)
		if m == n {
			return from + j
		}
		from += j + m
	}
	return -1
}

// link handles [text](destination): the whole link is one mention when the destination is
// a record URL, and is skipped otherwise, so a number in the text of a link to elsewhere is
// not a mention. Anything else is a literal "[".
func (f *finder) link(i int) int {
	closing := matchBracket(f.text, i)
	if closing < 0 || closing+1 >= len(f.text) || f.text[closing+1] != '(' {
		return i + 1
	}
	dest, end, ok := linkDestination(f.text, closing+2)
	if !ok {
		return i + 1
	}
	f.addURL(dest, i, end)
	return end
}

// autolink handles <scheme:...> and <user@host>; anything else is a literal "<".
func (f *finder) autolink(i int) int {
	j := i + 1
	for j < len(f.text) && j-i < maxLinkDestLen && f.text[j] != '>' && f.text[j] != '<' && f.text[j] > ' ' {
		j++
	}
	if j >= len(f.text) || f.text[j] != '>' {
		return i + 1
	}
	inner := f.text[i+1 : j]
	if !hasScheme(inner) && !strings.Contains(inner, "@") {
		return i + 1
	}
	f.addURL(inner, i, j+1)
	return j + 1
}

// word handles the word starting at f.text[i]: the start of a bare URL (skipped unless it
// is a record URL), a number, or a word to step over.
func (f *finder) word(i int) int {
	end := skipWord(f.text, i)
	if end < len(f.text) && mayContinueURL(f.text[end]) {
		if urlEnd := bareURLEnd(f.text, i); urlEnd > i {
			f.addURL(f.text[i:urlEnd], i, urlEnd)
			return urlEnd
		}
	}
	if isUpper(f.text[i]) && isDigit(f.text[end-1]) {
		if key, ok := f.r.number(f.text, i, end); ok {
			f.add(key, i, end)
		}
	}
	return end
}

// mayContinueURL reports whether c, after a word, may continue a URL scheme ("svn+ssh://")
// or start "://" or the "." of "www.".
func mayContinueURL(c byte) bool {
	return c == ':' || c == '+' || c == '-' || c == '.'
}

func (f *finder) addURL(raw string, start, end int) {
	if key, ok := f.r.recordFromURL(raw); ok {
		f.add(key, start, end)
		return
	}
	if len(f.links) < f.maxLinks && isWebLink(raw) && !slices.Contains(f.links, raw) {
		f.links = append(f.links, raw)
	}
}

// isWebLink reports an http or https URL with a host.
func isWebLink(raw string) bool {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok || (!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https")) {
		return false
	}
	u, err := url.Parse(raw)
	return err == nil && u.Host != "" && !strings.HasPrefix(rest, "/")
}

// matchBracket returns the index of the "]" closing the "[" at text[i], or -1.
func matchBracket(text string, i int) int {
	depth := 0
	for j := i; j < len(text) && j-i <= maxLinkTextLen; j++ {
		switch text[j] {
		case '\\':
			j++
		case '[':
			if depth++; depth > maxNesting {
				return -1
			}
		case ']':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// linkDestination parses `url)`, `<url>)` or `url "title")` starting at text[i], just after
// the "(", and returns the URL and the index after the ")".
func linkDestination(text string, i int) (dest string, end int, ok bool) {
	i = skipSpace(text, i)
	if i < len(text) && text[i] == '<' {
		j := strings.IndexAny(text[i+1:], "<>\n")
		if j < 0 || text[i+1+j] != '>' {
			return "", 0, false
		}
		dest, i = text[i+1:i+1+j], i+j+2
	} else {
		j := plainDestinationEnd(text, i)
		dest, i = text[i:j], j
	}
	i = skipSpace(text, skipTitle(text, skipSpace(text, i)))
	if i >= len(text) || text[i] != ')' {
		return "", 0, false
	}
	return dest, i + 1, true
}

// plainDestinationEnd finds the end of an unbracketed destination: whitespace or an
// unbalanced ")".
func plainDestinationEnd(text string, i int) int {
	depth := 0
	for j := i; j < len(text) && j-i < maxLinkDestLen; j++ {
		switch c := text[j]; {
		case c <= ' ':
			return j
		case c == '\\':
			j++
		case c == '(':
			if depth++; depth > maxNesting {
				return j
			}
		case c == ')':
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return min(len(text), i+maxLinkDestLen)
}

// skipTitle steps over an optional link title: "...", '...' or (...).
func skipTitle(text string, i int) int {
	if i >= len(text) {
		return i
	}
	var closer byte
	switch text[i] {
	case '"', '\'':
		closer = text[i]
	case '(':
		closer = ')'
	default:
		return i
	}
	if j := strings.IndexByte(text[i+1:min(len(text), i+1+maxLinkTextLen)], closer); j >= 0 {
		return i + j + 2
	}
	return i
}

func skipSpace(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') {
		i++
	}
	return i
}

// bareURLEnd returns the end of a URL starting at text[i] ("scheme://..." or "www."), after
// dropping trailing punctuation as Mattermost's autolinker does; i when there is none.
func bareURLEnd(text string, i int) int {
	if !startsURL(text[i:]) {
		return i
	}
	end := i
	for end < len(text) && !endsURL(text, end) {
		end++
	}
	return trimURLTail(text, i, end)
}

func endsURL(text string, i int) bool {
	c := text[i]
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(text[i:])
		return unicode.IsSpace(r)
	}
	return c <= ' ' || c == '<' || c == '>' || c == '`'
}

// trimURLTail drops trailing punctuation, and closing brackets that have no opening one in
// the URL: "(see https://example.com/a)." ends at "a".
func trimURLTail(text string, start, end int) int {
	parens := strings.Count(text[start:end], "(") - strings.Count(text[start:end], ")")
	brackets := strings.Count(text[start:end], "[") - strings.Count(text[start:end], "]")
	for ; end > start; end-- {
		switch text[end-1] {
		case '.', ',', ':', ';', '!', '?', '\'', '"', '*', '_', '~':
		case ')':
			if parens >= 0 {
				return end
			}
			parens++
		case ']':
			if brackets >= 0 {
				return end
			}
			brackets++
		default:
			return end
		}
	}
	return end
}

func startsURL(s string) bool {
	n := schemeLength(s)
	return (n > 0 && strings.HasPrefix(s[n:], "://")) || hasPrefixFold(s, "www.")
}

// schemeLength is the length of a URL scheme at the start of s (letter, then letters,
// digits, "+", "-", "."), or 0.
func schemeLength(s string) int {
	if s == "" || !isASCIILetter(s[0]) {
		return 0
	}
	n := 1
	for n < len(s) && n < 32 && (isASCIILetter(s[n]) || isDigit(s[n]) || s[n] == '+' || s[n] == '-' || s[n] == '.') {
		n++
	}
	return n
}

func hasScheme(s string) bool {
	n := schemeLength(s)
	return n >= 2 && n < len(s) && s[n] == ':'
}

func skipWord(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !wordBytes[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// numberStartsAt reports whether a number may start at text[i]: not inside a word, and not
// an @user or ~channel mention ("~~" strikethrough is fine). A number followed by "@" is
// part of an e-mail address.
func numberStartsAt(text string, i int) bool {
	if i == 0 {
		return true
	}
	c := text[i-1]
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		return !isWordRune(r)
	}
	if c == '~' {
		return i >= 2 && text[i-2] == '~'
	}
	return !wordBytes[c] && c != '@'
}

// wordBytes marks the ASCII bytes that belong to words: letters, digits and "_".
var wordBytes = func() (set [utf8.RuneSelf]bool) {
	for c := byte(0); c < utf8.RuneSelf; c++ {
		set[c] = isASCIILetter(c) || isDigit(c) || c == '_'
	}
	return set
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return wordBytes[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isASCIILetter(c byte) bool { return isUpper(c) || isLower(c) }

func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !isASCIILetter(c) && !isDigit(c)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
