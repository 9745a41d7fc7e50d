package api

import (
	"context"
	"net/http"
	"time"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/workspace"
)

// WorkspaceTools serves the Connect Workspace's tools pane: what one conversation shares.
type WorkspaceTools interface {
	Files(userID, channelID string, page, perPage int) (workspace.FilePage, error)
	Records(ctx context.Context, userID, channelID string) (workspace.RecordsAndLinks, error)
}

// recordsTimeout bounds the ServiceNow look-up behind one records answer; records it could
// not read in time come back unavailable.
const recordsTimeout = 10 * time.Second

// registerTools adds the tools pane's routes: for staff only, and about the caller's own
// conversations only (404 "No such conversation." otherwise, as GET /conversations/{id}).
func registerTools(mux *http.ServeMux, tools WorkspaceTools, dir StaffDirectory) {
	mux.Handle("GET /api/v1/conversations/{id}/files", requireUser(staffOnly(dir, conversationFiles(tools))))
	mux.Handle("GET /api/v1/conversations/{id}/records", requireUser(staffOnly(dir, conversationRecords(tools))))
}

// conversationFiles answers GET /api/v1/conversations/{id}/files?page=&per_page=.
func conversationFiles(tools WorkspaceTools) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		query := r.URL.Query()
		page, pageErr := intParam(query.Get("page"), 0, 0, 1000)
		perPage, perPageErr := intParam(query.Get("per_page"), defaultPerPage, 1, maxPerPage)
		switch {
		case pageErr != nil:
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.page_range", "page must be a number from 0 to 1000."))
		case perPageErr != nil:
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.per_page_range", "per_page must be a number from 1 to 100."))
		default:
			files, err := tools.Files(userID(r), r.PathValue("id"), page, perPage)
			respond(w, r, http.StatusOK, files, err)
		}
	}
}

// conversationRecords answers GET /api/v1/conversations/{id}/records.
func conversationRecords(tools WorkspaceTools) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), recordsTimeout)
		defer cancel()
		found, err := tools.Records(ctx, userID(r), r.PathValue("id"))
		respond(w, r, http.StatusOK, found, err)
	}
}
