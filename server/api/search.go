package api

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/search"
)

// MessageSearch finds messages in the caller's Connect conversations.
type MessageSearch interface {
	Search(userID, terms string) (search.Results, error)
}

// maxSearchLength bounds the search terms.
const maxSearchLength = 256

// registerSearch adds GET /api/v1/search?terms= (staff only); a nil search leaves it out.
func registerSearch(mux *http.ServeMux, svc MessageSearch, dir StaffDirectory) {
	if svc == nil {
		return
	}
	mux.Handle("GET /api/v1/search", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		terms := strings.TrimSpace(r.URL.Query().Get("terms"))
		if n := utf8.RuneCountInString(terms); n < 1 || n > maxSearchLength {
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.message_search_length", "Type 1 to 256 characters to search messages."))
			return
		}
		found, err := svc.Search(userID(r), terms)
		respond(w, r, http.StatusOK, found, err)
	})))
}
