package records

import (
	"fmt"
	"strings"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

const (
	minDigits = 4
	maxDigits = 12
)

// Recognizer finds record mentions in messages. It is immutable and safe for concurrent use.
type Recognizer struct {
	prefixes config.PrefixMap
	// tables are the only tables a record link may name: those of the prefixes and any the
	// admin added. A link to any other table (sys_user, say) is never looked up.
	tables   map[string]bool
	digits   int
	instance *instance // nil: only numbers are recognized
	// prefixEnds holds the last byte of every prefix: a number needs one right before a digit.
	prefixEnds [256]bool
}

// Mention is one record found in a message. Text is message[Start:End] (byte offsets):
// the number, the bare URL, the <autolink> or the whole [text](url) link.
type Mention struct {
	Key        servicenow.RecordKey
	Text       string
	Start, End int
}

// NewRecognizer checks its inputs: prefixes as in ParsePrefixes, digits in 4..12 (ServiceNow's
// default is 7), instanceURL either "" or an http(s) URL such as
// "https://example.service-now.com", and extraTables valid table names whose record links
// count besides those of the prefixes' tables.
func NewRecognizer(prefixes config.PrefixMap, digits int, instanceURL string, extraTables ...string) (*Recognizer, error) {
	if digits < minDigits || digits > maxDigits {
		return nil, fmt.Errorf("number digits must be between %d and %d, not %d", minDigits, maxDigits, digits)
	}
	r := &Recognizer{prefixes: make(config.PrefixMap, len(prefixes)), tables: map[string]bool{knowledgeTable: true}, digits: digits}
	if err := prefixes.Check(); err != nil {
		return nil, err
	}
	for _, table := range extraTables {
		if !config.IsTableName(table) {
			return nil, fmt.Errorf("table %q is not a ServiceNow table name", table)
		}
		r.tables[table] = true
	}
	for prefix, table := range prefixes {
		r.prefixes[prefix] = table
		r.tables[table] = true
		r.prefixEnds[prefix[len(prefix)-1]] = true
	}
	if instanceURL != "" {
		inst, err := parseInstance(instanceURL)
		if err != nil {
			return nil, err
		}
		r.instance = inst
	}
	return r, nil
}

// Find returns the records mentioned in a markdown message, in order of appearance, each
// record once (first occurrence wins), at most limit. Numbers and URLs inside code spans and
// code blocks, and numbers inside links or URLs that are not record URLs of the instance, are
// ignored. It returns nil when nothing is found.
func (r *Recognizer) Find(message string, limit int) []Mention {
	if limit <= 0 || !r.mayMention(message) {
		return nil
	}
	f := finder{r: r, msg: message, max: limit}
	f.scanBlocks()
	return f.found
}

// Scan is Find for the workspace: the records message mentions (at most maxMentions), and
// the http(s) URLs in it that are not record URLs of the instance (at most maxLinks, each
// once, in order of appearance): bare, as <autolink> or as the destination of [text](url).
// Code spans and code blocks are skipped for both, as Mattermost does not link inside code.
func (r *Recognizer) Scan(message string, maxMentions, maxLinks int) ([]Mention, []string) {
	if (maxMentions <= 0 && maxLinks <= 0) || (!strings.Contains(message, "://") && !r.mayMention(message)) {
		return nil, nil
	}
	f := finder{r: r, msg: message, max: maxMentions, maxLinks: maxLinks}
	f.scanBlocks()
	return f.found, f.links
}

// mayMention is the fast path run on every post: a number needs a prefix's last letter
// right before a digit, and a record URL needs "://".
func (r *Recognizer) mayMention(msg string) bool {
	for i := 1; i < len(msg); i++ {
		if isDigit(msg[i]) && r.prefixEnds[msg[i-1]] {
			return true
		}
	}
	return r.instance != nil && strings.Contains(msg, "://")
}

// number recognizes the word text[start:end] as a number: a mapped prefix, then exactly
// r.digits digits. A prefix must be the whole of the word's letters, so the longest one wins.
func (r *Recognizer) number(text string, start, end int) (servicenow.RecordKey, bool) {
	digitsStart := end - r.digits
	if digitsStart-start < config.MinPrefixLen || digitsStart-start > config.MaxPrefixLen || !r.prefixEnds[text[digitsStart-1]] {
		return servicenow.RecordKey{}, false
	}
	for i := digitsStart; i < end; i++ {
		if !isDigit(text[i]) {
			return servicenow.RecordKey{}, false
		}
	}
	table, ok := r.prefixes[text[start:digitsStart]]
	if !ok || !numberStartsAt(text, start) || (end < len(text) && text[end] == '@') {
		return servicenow.RecordKey{}, false
	}
	return servicenow.RecordKey{Table: table, Number: text[start:end]}, true
}

// linearSeenLimit is how many mentions are checked for duplicates one by one before a set is built.
const linearSeenLimit = 16

// finder holds the state of one Find call.
type finder struct {
	r     *Recognizer
	msg   string
	max   int
	found []Mention
	seen  map[servicenow.RecordKey]struct{}
	// links are the http(s) URLs that are not record URLs, at most maxLinks (Scan only).
	links    []string
	maxLinks int

	// The paragraph being scanned: text is msg cut at its end, so offsets stay message offsets.
	text string
	// unclosedTicks has bit n set once a run of n backticks was found to have no closing run:
	// no later run of that length in the paragraph can have one either.
	unclosedTicks uint64
}

// full reports that there is nothing more to look for.
func (f *finder) full() bool { return len(f.found) >= f.max && len(f.links) >= f.maxLinks }

func (f *finder) add(key servicenow.RecordKey, start, end int) {
	if len(f.found) >= f.max || f.alreadyFound(key) {
		return
	}
	if f.found == nil {
		f.found = make([]Mention, 0, min(f.max, 4))
	}
	f.found = append(f.found, Mention{Key: key, Text: f.msg[start:end], Start: start, End: end})
	if f.seen != nil {
		f.seen[key] = struct{}{}
	}
}

func (f *finder) alreadyFound(key servicenow.RecordKey) bool {
	if f.seen != nil {
		_, ok := f.seen[key]
		return ok
	}
	for _, m := range f.found {
		if m.Key == key {
			return true
		}
	}
	if len(f.found) >= linearSeenLimit {
		f.seen = make(map[servicenow.RecordKey]struct{}, 2*len(f.found))
		for _, m := range f.found {
			f.seen[m.Key] = struct{}{}
		}
	}
	return false
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
