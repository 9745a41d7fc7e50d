package api

import (
	"context"
	"net/http"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
)

// Log is where the routes write the failures they answer with a 500: once each, with the
// route and the caller, so no 500 leaves the admin without a trace.
type Log interface {
	Error(message string, keyValuePairs ...any)
}

type logKey struct{}

// withLog hands log to every route's writeInternal.
func withLog(log Log, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), logKey{}, log)))
	})
}

// respond writes body with status, or the error a service call returned.
func respond(w http.ResponseWriter, r *http.Request, status int, body any, err error) {
	if err != nil {
		writeFailure(w, r, err)
		return
	}
	writeJSON(w, status, body)
}

// writeFailure answers a service error: its own message for a failure the caller can act on,
// a generic one (and a log line) otherwise.
func writeFailure(w http.ResponseWriter, r *http.Request, err error) {
	if known, ok := failure.As(err); ok {
		writeError(w, statusOf(known.Kind), known.Message)
		return
	}
	writeInternal(w, r, err, "Connect could not complete that. Please try again.")
}

// writeInternal logs err and answers message with a 500.
func writeInternal(w http.ResponseWriter, r *http.Request, err error, message string) {
	logInternal(r, err)
	writeError(w, http.StatusInternalServerError, message)
}

// logInternal logs a failure the caller cannot act on with the route and the caller.
func logInternal(r *http.Request, err error) {
	if log, ok := r.Context().Value(logKey{}).(Log); ok && log != nil {
		log.Error("Connect could not answer a request", "route", r.Pattern, "user_id", userID(r), "error", err.Error())
	}
}

func statusOf(kind failure.Kind) int {
	switch kind {
	case failure.NotFound:
		return http.StatusNotFound
	case failure.Forbidden:
		return http.StatusForbidden
	case failure.Conflict:
		return http.StatusConflict
	case failure.Unavailable:
		return http.StatusServiceUnavailable
	default:
		return http.StatusBadRequest
	}
}
