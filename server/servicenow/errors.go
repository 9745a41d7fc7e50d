package servicenow

import (
	"errors"
	"fmt"
	"time"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// ErrorKind classifies what went wrong talking to ServiceNow.
type ErrorKind string

const (
	KindInvalid      ErrorKind = "invalid"      // Connect refused to send a value (bad record number, table, role)
	KindUnauthorized ErrorKind = "unauthorized" // 401: credentials or OAuth client rejected
	KindForbidden    ErrorKind = "forbidden"    // 403: an ACL or business rule refused
	KindNotFound     ErrorKind = "not_found"    // 404: the table or record does not exist or is hidden by an ACL
	KindBadRequest   ErrorKind = "bad_request"  // 400
	KindRateLimited  ErrorKind = "rate_limited" // 429
	KindTimeout      ErrorKind = "timeout"      // no answer within the per-attempt timeout
	KindUnavailable  ErrorKind = "unavailable"  // 5xx, network failure, or the circuit breaker is open
	KindBadResponse  ErrorKind = "bad_response" // unreadable, malformed or oversized response
	KindUnexpected   ErrorKind = "unexpected"   // any other status
)

// ErrUnavailable matches (errors.Is) every *Error of kind KindUnavailable, including the
// fail-fast errors of an open circuit breaker.
var ErrUnavailable = errors.New("ServiceNow is unavailable")

// Error is a failed ServiceNow call. Error() is a message fit to show a user; it never
// contains credentials or tokens.
type Error struct {
	Kind        ErrorKind
	StatusCode  int           // HTTP status; 0 when there was no answer
	Message     string        // ServiceNow's error.message, if it sent one
	Detail      string        // ServiceNow's error.detail, if it sent one
	RetryAfter  time.Duration // KindRateLimited: how long ServiceNow asked to wait; open circuit: time left
	Timeout     time.Duration // KindTimeout: the limit that ran out
	CircuitOpen bool          // KindUnavailable raised by the circuit breaker, without calling ServiceNow
	Value       string        // KindInvalid: the refused value

	oauthClient bool   // the OAuth token endpoint answered, not the Table API
	reason      string // the network error, secrets scrubbed
	cause       error
}

func (e *Error) Error() string {
	switch e.Kind {
	case KindInvalid:
		if e.Value == "" {
			return "Connect cannot ask ServiceNow: " + e.Detail
		}
		return fmt.Sprintf("Connect cannot ask ServiceNow about %q: %s", e.Value, e.Detail)
	case KindUnauthorized:
		if e.oauthClient {
			return fmt.Sprintf("ServiceNow rejected the Connect OAuth client (%d)", e.StatusCode)
		}
		return fmt.Sprintf("ServiceNow rejected the Connect credentials (%d)", e.StatusCode)
	case KindForbidden:
		return withServiceNowText(fmt.Sprintf("ServiceNow refused Connect access (%d)", e.StatusCode), e)
	case KindNotFound:
		return withServiceNowText(fmt.Sprintf("ServiceNow has no such table or record (%d)", e.StatusCode), e)
	case KindBadRequest:
		return withServiceNowText(fmt.Sprintf("ServiceNow rejected the request (%d)", e.StatusCode), e)
	case KindRateLimited:
		return "ServiceNow is rate limiting Connect; " + retryIn(e.RetryAfter)
	case KindTimeout:
		return fmt.Sprintf("ServiceNow did not answer within %s", e.Timeout)
	case KindUnavailable:
		return e.unavailableText()
	case KindBadResponse:
		return "ServiceNow sent a response Connect cannot read"
	}
	return withServiceNowText(fmt.Sprintf("ServiceNow answered with an unexpected status (%d)", e.StatusCode), e)
}

func (e *Error) unavailableText() string {
	switch {
	case e.CircuitOpen:
		return "ServiceNow is unavailable; Connect paused its requests after repeated failures, " + retryIn(e.RetryAfter)
	case e.StatusCode != 0:
		return fmt.Sprintf("ServiceNow is unavailable (%d)", e.StatusCode)
	case e.reason != "":
		return "Connect could not reach ServiceNow: " + e.reason
	}
	return "Connect could not reach ServiceNow"
}

func withServiceNowText(text string, e *Error) string {
	switch {
	case e.Message != "" && e.Detail != "":
		return text + ": " + e.Message + " (" + e.Detail + ")"
	case e.Message != "":
		return text + ": " + e.Message
	}
	return text
}

func retryIn(d time.Duration) string {
	if d <= 0 {
		return "retry later"
	}
	return "retry in " + wholeSeconds(d)
}

// Unwrap gives the underlying network or decoding error, if any.
func (e *Error) Unwrap() error { return e.cause }

// Is makes errors.Is(err, ErrUnavailable) true for unavailable errors.
func (e *Error) Is(target error) bool {
	return target == ErrUnavailable && e.Kind == KindUnavailable
}

func asError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// KindOf returns the kind of a ServiceNow error, or "" for other errors.
func KindOf(err error) ErrorKind {
	if e, ok := asError(err); ok {
		return e.Kind
	}
	return ""
}

// NotFoundMessage is what a user sees for a record ServiceNow did not return.
func NotFoundMessage(number string) i18n.Message {
	return i18n.M("connect.servicenow.record_not_found", "{{.Number}} was not found in ServiceNow", i18n.Data{"Number": number})
}

// wholeSeconds writes a wait rounded up to the second: "12s", "2m", "1m30s".
func wholeSeconds(d time.Duration) string {
	seconds := int((d + time.Second - 1) / time.Second)
	switch {
	case seconds < 60:
		return fmt.Sprintf("%ds", seconds)
	case seconds%60 == 0:
		return fmt.Sprintf("%dm", seconds/60)
	}
	return fmt.Sprintf("%dm%ds", seconds/60, seconds%60)
}

func invalid(value, why string) *Error {
	return &Error{Kind: KindInvalid, Value: value, Detail: why}
}

// UserText says what went wrong in words for anyone reading a card: no addresses, statuses
// or network errors (admins find those in the health endpoint).
func (e *Error) UserText() i18n.Message {
	switch e.Kind {
	case KindInvalid:
		return i18n.M("connect.servicenow.invalid", "Connect could not ask ServiceNow about this record")
	case KindUnauthorized, KindForbidden:
		return i18n.M("connect.servicenow.refused", "ServiceNow did not let Connect read this record")
	case KindNotFound:
		return i18n.M("connect.servicenow.not_found", "ServiceNow did not find this record")
	case KindRateLimited:
		return i18n.M("connect.servicenow.busy", "ServiceNow is busy")
	case KindTimeout:
		return i18n.M("connect.servicenow.timeout", "ServiceNow did not answer in time")
	case KindUnavailable:
		return i18n.M("connect.servicenow.unreachable", "ServiceNow could not be reached")
	}
	return i18n.M("connect.servicenow.unusable", "ServiceNow gave an answer Connect could not use")
}
