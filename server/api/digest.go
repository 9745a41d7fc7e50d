package api

import (
	"errors"
	"html/template"
	"net/http"

	"github.com/connectchat/mattermost-plugin-connect/server/digest"
)

// Digest is the email digest as the routes use it.
type Digest interface {
	Get(userID string) (digest.View, error)
	Set(userID string, change digest.Change) (digest.View, error)
	Conversation(userID, channelID string) (digest.ConversationView, error)
	SetConversation(userID, channelID string, included bool) (digest.ConversationView, error)
	CheckStop(token string) (string, error)
	Stop(token string) error
}

// registerDigest adds the digest's routes: the caller's settings and one conversation's
// inclusion (staff only), and the stop link's page, which needs no session: the signed token
// is its authentication.
func registerDigest(mux *http.ServeMux, d Digest, dir StaffDirectory) {
	if d == nil {
		return
	}
	mux.Handle("GET /api/v1/digest", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		view, err := d.Get(userID(r))
		respond(w, r, http.StatusOK, view, err)
	})))
	mux.Handle("PUT /api/v1/digest", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		var change digest.Change
		if !readJSON(w, r, &change) {
			return
		}
		if change.Enabled == nil && change.IntervalMinutes == nil {
			writeError(w, http.StatusBadRequest, `Send "enabled" (true or false), "interval_minutes" (a number), or both.`)
			return
		}
		view, err := d.Set(userID(r), change)
		respond(w, r, http.StatusOK, view, err)
	})))
	mux.Handle("GET /api/v1/conversations/{id}/digest", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		view, err := d.Conversation(userID(r), r.PathValue("id"))
		respond(w, r, http.StatusOK, view, err)
	})))
	mux.Handle("PUT /api/v1/conversations/{id}/digest", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Included *bool `json:"included"`
		}
		if !readJSON(w, r, &req) {
			return
		}
		if req.Included == nil {
			writeError(w, http.StatusBadRequest, `Send "included": true or false.`)
			return
		}
		view, err := d.SetConversation(userID(r), r.PathValue("id"), *req.Included)
		respond(w, r, http.StatusOK, view, err)
	})))
	mux.Handle("GET "+digest.StopPath, stopPage(d, false))
	mux.Handle("POST "+digest.StopPath, stopPage(d, true))
}

// stopPage asks before it stops (mail scanners follow links, so GET only shows a button), and
// refuses forged and expired links.
func stopPage(d Digest, confirmed bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("Mattermost-User-Id")
		token := r.URL.Query().Get("token")
		if confirmed {
			token = r.FormValue("token")
		}
		var err error
		if confirmed {
			err = d.Stop(token)
		} else {
			_, err = d.CheckStop(token)
		}
		page := stopPageView{Token: token, Stopped: confirmed && err == nil}
		status := http.StatusOK
		switch {
		case errors.Is(err, digest.ErrForged):
			status, page.Problem = http.StatusForbidden, "This link is not a valid Connect Chat stop link. Nothing was changed."
		case errors.Is(err, digest.ErrExpired):
			status, page.Problem = http.StatusBadRequest, "This stop link has expired. Turn the digest off in Connect Chat (the bell) or with /connect digest off."
		case err != nil:
			logInternal(r, err)
			status, page.Problem = http.StatusInternalServerError, "Connect could not stop the digest just now. Please try again."
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
		w.WriteHeader(status)
		_ = stopTemplate.Execute(w, page)
	}
}

type stopPageView struct {
	Token   string
	Stopped bool
	Problem string
}

var stopTemplate = template.Must(template.New("stop").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connect Chat email digest</title></head>
<body style="font-family: 'Open Sans', Arial, sans-serif; color: #3f4350; max-width: 520px; margin: 48px auto; padding: 0 16px;">
<h1 style="font-size: 22px;">Connect Chat email digest</h1>
{{if .Problem}}<p role="alert">{{.Problem}}</p>
{{else if .Stopped}}<p role="status">Your email digest is stopped. You can turn it on again in Connect Chat.</p>
{{else}}<p>Stop the email digest of your unread Connect Chat messages?</p>
<form method="post" action="?token={{.Token}}"><input type="hidden" name="token" value="{{.Token}}">
<button type="submit" style="font-size: 15px; padding: 8px 16px; background: #1c58d9; color: #fff; border: 0; border-radius: 4px;">Stop the digest</button></form>{{end}}
</body></html>
`))
