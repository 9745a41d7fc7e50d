package api

import (
	"context"
	"net/http"

	"github.com/connectchat/mattermost-plugin-connect/server/creation"
)

// Creator creates records from conversations.
type Creator interface {
	Tables(userID string) (creation.Creatable, error)
	// Submit creates the record, or queues its creation while ServiceNow cannot be reached.
	Submit(ctx context.Context, userID, channelID string, req creation.Request) (creation.Created, error)
}

// registerCreate adds the routes that create records (staff only): the tables the caller may
// create records in, and creating one from a conversation of theirs.
func registerCreate(mux *http.ServeMux, c Creator, dir StaffDirectory) {
	if c == nil {
		return
	}
	mux.Handle("GET /api/v1/records/creatable", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		tables, err := c.Tables(userID(r))
		respond(w, r, http.StatusOK, tables, err)
	})))
	mux.Handle("POST /api/v1/conversations/{id}/records", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		var req creation.Request
		if !readJSON(w, r, &req) {
			return
		}
		created, err := c.Submit(r.Context(), userID(r), r.PathValue("id"), req)
		status := http.StatusCreated
		if created.Queued {
			status = http.StatusAccepted
		}
		respond(w, r, status, created, err)
	})))
}
