// Package i18n owns the words Connect says to people: the messages (an id, English in the
// code, a translation per language in assets/i18n), the catalogs, and which language each
// reader gets: their Mattermost language (model.User.Locale, remembered in memory), or the
// server's default language (LocalizationSettings.DefaultServerLocale) where no single person
// reads (a post in a conversation several people read, a card).
package i18n

// Data is the values a message's fields take ({{.Name}} in its text). A value that is a
// Message, an And or an Or is said in the reader's language too.
type Data = map[string]any

// And is a list said as the reader's language joins items: "a, b and c".
type And []string

// Or is alternatives said as the reader's language joins them: "a, b or c".
type Or []string

// Lower is a message said in lower case, inside a sentence ("the incident").
type Lower struct{ Message }

// Message is one sentence to say: its id in the catalogs (connect.<area>.<name>), its English
// text (a Go template over Data, as go-i18n reads it), and, for a plural message, its English
// singular and the count that picks the form.
type Message struct {
	ID    string
	One   string
	Other string
	Count any
	Data  Data
}

// M is a message with the id and English text given; data fills its fields.
// The id and the English text must be string literals: the catalog test reads them from the
// Go source.
func M(id, english string, data ...Data) Message {
	return Message{ID: id, Other: english, Data: merge(data)}
}

// Plural is a message whose form depends on count: one is the English singular, other the
// plural. {{.Count}} is count.
func Plural(id, one, other string, count int, data ...Data) Message {
	values := merge(data)
	values["Count"] = count
	return Message{ID: id, One: one, Other: other, Count: count, Data: values}
}

// Text is a message that is already in its reader's words (a name, a value from ServiceNow,
// or a sentence of another system): it is said as it is in every language.
func Text(text string) Message {
	return Message{ID: verbatimID, Other: "{{.Text}}", Data: Data{"Text": text}}
}

// verbatimID marks a Text message; it is in no catalog.
const verbatimID = "connect.verbatim"

// English is the message in English, the language of logs and of Error().
func (m Message) English() string { return english.Text(m) }

// IsZero reports a message never set.
func (m Message) IsZero() bool { return m.ID == "" }

// String is the English text, so a message prints in logs as it reads.
func (m Message) String() string { return m.English() }

func merge(data []Data) Data {
	values := Data{}
	for _, d := range data {
		for k, v := range d {
			values[k] = v
		}
	}
	return values
}

// And joins items as the reader's language writes a list: "a, b and c".
func (l *Localizer) And(items []string) string {
	head, last, ok := split(items)
	if !ok {
		return head
	}
	return l.Text(M("connect.common.list_and", "{{.Head}} and {{.Last}}", Data{"Head": head, "Last": last}))
}

// Or joins already-localized alternatives: "a, b or c".
func (l *Localizer) Or(items []string) string {
	head, last, ok := split(items)
	if !ok {
		return head
	}
	return l.Text(M("connect.common.list_or", "{{.Head}} or {{.Last}}", Data{"Head": head, "Last": last}))
}

// Quoted is a name in the reader's quotation marks: “name”, « name ».
func (l *Localizer) Quoted(name string) string {
	return l.Text(M("connect.common.quoted", "“{{.Name}}”", Data{"Name": name}))
}

// split is items but the last joined by commas, and the last; false for fewer than two items
// (head is then the one item, or "").
func split(items []string) (head, last string, ok bool) {
	switch len(items) {
	case 0:
		return "", "", false
	case 1:
		return items[0], "", false
	}
	head = items[0]
	for _, item := range items[1 : len(items)-1] {
		head += ", " + item
	}
	return head, items[len(items)-1], true
}
