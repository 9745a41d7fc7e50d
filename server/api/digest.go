package api

import (
	"errors"
	"html/template"
	"net/http"

	"github.com/connectchat/mattermost-plugin-connect/server/digest"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
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
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.digest_body", `Send "enabled" (true or false), "interval_minutes" (a number), or both.`))
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
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.digest_included_body", `Send "included": true or false.`))
			return
		}
		view, err := d.SetConversation(userID(r), r.PathValue("id"), *req.Included)
		respond(w, r, http.StatusOK, view, err)
	})))
	mux.Handle("GET "+digest.StopPath, stopPage(d, false))
	mux.Handle("POST "+digest.StopPath, stopPage(d, true))
}

// stopPage asks before it stops (mail scanners follow links, so GET only shows a button), and
// refuses forged and expired links. It speaks the language of the user the link names (the
// server's default for a forged one): nobody is signed in there.
func stopPage(d Digest, confirmed bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("Mattermost-User-Id")
		token := r.URL.Query().Get("token")
		if confirmed {
			token = r.FormValue("token")
		}
		owner, err := d.CheckStop(token)
		if confirmed && err == nil {
			err = d.Stop(token)
		}
		l := edgeOf(r).languages.Server()
		if owner != "" {
			l = edgeOf(r).languages.User(owner)
		}
		page := stopPageView{Token: token, Stopped: confirmed && err == nil, Lang: l.Locale(), Words: stopWords(l)}
		status := http.StatusOK
		switch {
		case errors.Is(err, digest.ErrForged):
			status, page.Problem = http.StatusForbidden, l.Text(i18n.M("connect.digest.stop_forged", "This link is not a valid Connect Chat stop link. Nothing was changed."))
		case errors.Is(err, digest.ErrExpired):
			status, page.Problem = http.StatusBadRequest, l.Text(i18n.M("connect.digest.stop_expired", "This stop link has expired. Turn the digest off in Connect Chat (the bell) or with /connect digest off."))
		case err != nil:
			logInternal(r, err)
			status, page.Problem = http.StatusInternalServerError, l.Text(i18n.M("connect.digest.stop_failed", "Connect could not stop the digest just now. Please try again."))
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
	Lang    string
	Words   stopPageWords
}

// stopPageWords is the page's fixed text in its reader's language.
type stopPageWords struct {
	Title, Stopped, Question, Button string
}

func stopWords(l *i18n.Localizer) stopPageWords {
	return stopPageWords{
		Title:    l.Text(i18n.M("connect.digest.stop_title", "Connect Chat email digest")),
		Stopped:  l.Text(i18n.M("connect.digest.stop_done", "Your email digest is stopped. You can turn it on again in Connect Chat.")),
		Question: l.Text(i18n.M("connect.digest.stop_question", "Stop the email digest of your unread Connect Chat messages?")),
		Button:   l.Text(i18n.M("connect.digest.stop_button", "Stop the digest")),
	}
}

var stopTemplate = template.Must(template.New("stop").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Words.Title}}</title></head>
<body style="font-family: 'Open Sans', Arial, sans-serif; color: #3f4350; max-width: 520px; margin: 48px auto; padding: 0 16px;">
<h1 style="font-size: 22px;">{{.Words.Title}}</h1>
{{if .Problem}}<p role="alert">{{.Problem}}</p>
{{else if .Stopped}}<p role="status">{{.Words.Stopped}}</p>
{{else}}<p>{{.Words.Question}}</p>
<form method="post" action="?token={{.Token}}"><input type="hidden" name="token" value="{{.Token}}">
<button type="submit" style="font-size: 15px; padding: 8px 16px; background: #1c58d9; color: #fff; border: 0; border-radius: 4px;">{{.Words.Button}}</button></form>{{end}}
</body></html>
`))
