package api

import (
	"context"
	"net/http"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Log is where the routes write the failures they answer with a 500: once each, with the
// route and the caller, so no 500 leaves the admin without a trace.
type Log interface {
	Error(message string, keyValuePairs ...any)
}

type edgeKey struct{}

// edge is what every route's answers need: where to log, and each caller's language.
type edge struct {
	log       Log
	languages *i18n.Languages
}

// withEdge hands log and languages to every route's answers.
func withEdge(log Log, languages *i18n.Languages, next http.Handler) http.Handler {
	e := &edge{log: log, languages: languages}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), edgeKey{}, e)))
	})
}

func edgeOf(r *http.Request) *edge {
	e, _ := r.Context().Value(edgeKey{}).(*edge)
	if e == nil {
		return &edge{}
	}
	return e
}

// say is msg in the caller's language: the signed-in user's, or the server's default for a
// request without a session.
func say(r *http.Request, msg i18n.Message) string {
	return words(r).Text(msg)
}

func words(r *http.Request) *i18n.Localizer {
	languages := edgeOf(r).languages
	if id := userID(r); id != "" {
		return languages.User(id)
	}
	return languages.Server()
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
		writeError(w, r, statusOf(known.Kind), known.Said)
		return
	}
	writeInternal(w, r, err, i18n.M("connect.api.failed", "Connect could not complete that. Please try again."))
}

// failureText is the sentence for err in the caller's language: a failure's own, or generic
// (logged); false for no error.
func failureText(r *http.Request, err error, generic i18n.Message) (string, bool) {
	if err == nil {
		return "", false
	}
	if known, ok := failure.As(err); ok {
		return say(r, known.Said), true
	}
	logInternal(r, err)
	return say(r, generic), true
}

// writeInternal logs err and answers message with a 500.
func writeInternal(w http.ResponseWriter, r *http.Request, err error, message i18n.Message) {
	logInternal(r, err)
	writeError(w, r, http.StatusInternalServerError, message)
}

// logInternal logs a failure the caller cannot act on with the route and the caller.
func logInternal(r *http.Request, err error) {
	if log := edgeOf(r).log; log != nil {
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
