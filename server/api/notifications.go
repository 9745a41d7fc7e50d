package api

import (
	"net/http"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
)

// NotificationPreferences is the bell as the routes use it.
type NotificationPreferences interface {
	Get(userID, channelID string) (notify.Preferences, error)
	Set(userID, channelID string, prefs notify.Preferences) (notify.Preferences, error)
}

// registerNotifications adds the bell's routes: for staff only, and about the caller's own
// conversations only (404 "No such conversation." otherwise).
func registerNotifications(mux *http.ServeMux, bell NotificationPreferences, dir StaffDirectory) {
	mux.Handle("GET /api/v1/conversations/{id}/notifications", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		prefs, err := bell.Get(userID(r), r.PathValue("id"))
		respond(w, r, http.StatusOK, prefs, err)
	})))
	mux.Handle("PUT /api/v1/conversations/{id}/notifications", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Desktop *notify.Level `json:"desktop"`
			Push    *notify.Level `json:"push"`
			Email   *notify.Level `json:"email"`
			Muted   *bool         `json:"muted"`
		}
		if !readJSON(w, r, &req) {
			return
		}
		if req.Desktop == nil || req.Push == nil || req.Email == nil || req.Muted == nil {
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.bell_body", `Send every choice: {"desktop", "push", "email"} each "all", "mention" or "none", and "muted" true or false.`))
			return
		}
		prefs, err := bell.Set(userID(r), r.PathValue("id"), notify.Preferences{Desktop: *req.Desktop, Push: *req.Push, Email: *req.Email, Muted: *req.Muted})
		respond(w, r, http.StatusOK, prefs, err)
	})))
}
