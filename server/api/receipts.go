package api

import (
	"net/http"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/receipts"
)

// Receipts is read receipts as the routes use them.
type Receipts interface {
	Seen(callerID, channelID string) (receipts.Seen, error)
	Setting(userID string) (receipts.Setting, error)
	SetEnabled(userID string, enabled bool) (receipts.Setting, error)
}

// registerReceipts adds read receipts' routes, for staff only: how far the other members have
// seen one of the caller's conversations (404 "No such conversation." for any other), and the
// caller's own switch.
func registerReceipts(mux *http.ServeMux, seen Receipts, dir StaffDirectory) {
	if seen == nil {
		return
	}
	mux.Handle("GET /api/v1/conversations/{id}/seen", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		answer, err := seen.Seen(userID(r), r.PathValue("id"))
		respond(w, r, http.StatusOK, answer, err)
	})))
	mux.Handle("GET /api/v1/receipts", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		setting, err := seen.Setting(userID(r))
		respond(w, r, http.StatusOK, setting, err)
	})))
	mux.Handle("PUT /api/v1/receipts", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Enabled *bool `json:"enabled"`
		}
		if !readJSON(w, r, &req) {
			return
		}
		if req.Enabled == nil {
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.receipts_body", `Send {"enabled": true} or {"enabled": false}.`))
			return
		}
		setting, err := seen.SetEnabled(userID(r), *req.Enabled)
		respond(w, r, http.StatusOK, setting, err)
	})))
}
