package api

import (
	"context"
	"net/http"
	"time"

	"github.com/connectchat/mattermost-plugin-connect/server/journal"
)

// Journal saves a conversation's messages to a ServiceNow record.
type Journal interface {
	Save(ctx context.Context, userID, channelID string, req journal.Request) (journal.Saved, error)
}

// saveTimeout bounds finding the record and the first attempt of the write; a write still
// waiting on ServiceNow then is answered as queued.
const saveTimeout = 20 * time.Second

// registerJournal adds POST /api/v1/conversations/{id}/saved (staff only; the caller must be in
// the conversation); nil leaves it out.
func registerJournal(mux *http.ServeMux, j Journal, dir StaffDirectory) {
	if j == nil {
		return
	}
	mux.Handle("POST /api/v1/conversations/{id}/saved", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		var req journal.Request
		if !readJSON(w, r, &req) {
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), saveTimeout)
		defer cancel()
		saved, err := j.Save(ctx, userID(r), r.PathValue("id"), req)
		respond(w, r, http.StatusOK, saved, err)
	})))
}
