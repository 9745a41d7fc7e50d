// Package failure owns how a request fails in a way its caller can act on: the kind (which the
// edges turn into an HTTP status or a slash command answer) and a sentence for the caller, in
// their language. Any other error is internal: the edge that answers it logs it once and shows
// a generic message.
package failure

import (
	"errors"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Kind says how a request failed.
type Kind int

const (
	// Invalid: the request cannot be done as asked; the message says why.
	Invalid Kind = iota + 1
	// NotFound: what the request names does not exist for the caller.
	NotFound
	// Forbidden: the caller may not do this.
	Forbidden
	// Conflict: the request clashes with the current state.
	Conflict
	// Unavailable: the plugin, or ServiceNow behind it, cannot serve the request just now.
	Unavailable
)

// Error is a failure the caller can act on. Said is the sentence for them, which the edge that
// answers says in the caller's language; Message is it in English (logs, Error()).
type Error struct {
	Kind    Kind
	Message string
	Said    i18n.Message
}

func (e *Error) Error() string { return e.Message }

// In is the sentence in l's language.
func (e *Error) In(l *i18n.Localizer) string { return l.Text(e.Said) }

// New is a failure of kind that says msg.
func New(kind Kind, msg i18n.Message) error {
	return &Error{Kind: kind, Message: msg.English(), Said: msg}
}

// As is the failure err is or wraps; false for an internal error.
func As(err error) (*Error, bool) {
	var known *Error
	ok := errors.As(err, &known)
	return known, ok
}

// Is tells whether err is, or wraps, a failure of kind.
func Is(err error, kind Kind) bool {
	known, ok := As(err)
	return ok && known.Kind == kind
}
