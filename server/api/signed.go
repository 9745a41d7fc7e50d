package api

import (
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"

	"errors"
	"io"
	"net/http"
)

// Verifier authenticates a request by its signature over the headers and body it came with.
type Verifier interface {
	Verify(header http.Header, body []byte) error
}

// SignedRoute is a route for callers that prove who they are with a signature instead of a
// Mattermost session, such as ServiceNow's webhook. A session on such a request counts for
// nothing: the handler never learns a Mattermost user.
type SignedRoute struct {
	// Pattern is an http.ServeMux pattern, e.g. "POST /api/v1/servicenow/events".
	Pattern  string
	Verifier Verifier
	// MaxBody bounds the body, which is read whole before it is verified.
	MaxBody int64
	// Handle serves a verified request; body is the verified body.
	Handle func(w http.ResponseWriter, r *http.Request, body []byte)
}

// requireSignature reads a signed request's body within its limit, verifies it and hands it on.
func requireSignature(route SignedRoute) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("Mattermost-User-Id")
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, route.MaxBody))
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			writeError(w, r, http.StatusRequestEntityTooLarge, i18n.M("connect.api.signed_too_large", "The request body is over {{.Limit}} bytes.", i18n.Data{"Limit": route.MaxBody}))
			return
		case err != nil:
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.signed_read_failed", "The request body could not be read."))
			return
		}
		if err := route.Verifier.Verify(r.Header, body); err != nil {
			writeError(w, r, http.StatusUnauthorized, i18n.M("connect.api.signature_invalid", "The request signature is not valid: {{.Problem}}", i18n.Data{"Problem": err.Error()}))
			return
		}
		route.Handle(w, r, body)
	})
}
