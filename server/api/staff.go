package api

import (
	"net/http"
	"strconv"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// StaffDirectory is what the people picker reads.
type StaffDirectory interface {
	Verdict(userID string) (staff.Verdict, error)
	Search(term, excludeID string, page, perPage int) (staff.Page, error)
	// AccessRule tells someone turned away who counts as staff and whom to ask.
	AccessRule(l *i18n.Localizer) string
}

const (
	defaultPerPage = 20
	maxPerPage     = 100
	maxQueryLength = 64
)

// searchStaff answers GET /api/v1/staff?q=&page=&per_page= for staff callers.
func searchStaff(dir StaffDirectory) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !requireStaff(w, r, dir) {
			return
		}
		query := r.URL.Query()
		term := query.Get("q")
		page, pageErr := intParam(query.Get("page"), 0, 0, 1000)
		perPage, perPageErr := intParam(query.Get("per_page"), defaultPerPage, 1, maxPerPage)
		switch {
		case len(term) > maxQueryLength:
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.staff_search_length", "The search text is too long (at most 64 characters)."))
		case pageErr != nil:
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.page_range", "page must be a number from 0 to 1000."))
		case perPageErr != nil:
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.per_page_range", "per_page must be a number from 1 to 100."))
		default:
			result, err := dir.Search(term, userID(r), page, perPage)
			if err != nil {
				writeInternal(w, r, err, i18n.M("connect.api.staff_search_failed", "Connect could not search for staff. Please try again."))
				return
			}
			writeJSON(w, http.StatusOK, result)
		}
	}
}

// requireStaff answers 403 for callers who are not ITIL staff.
func requireStaff(w http.ResponseWriter, r *http.Request, dir StaffDirectory) bool {
	verdict, err := dir.Verdict(userID(r))
	if err != nil {
		writeInternal(w, r, err, i18n.M("connect.api.who_are_you", "Connect could not check who you are. Please try again."))
		return false
	}
	if verdict.Kind != staff.Staff {
		writeJSON(w, http.StatusForbidden, NotStaffBody{
			ErrorBody: ErrorBody{Error: say(r, i18n.M("connect.api.staff_only", "Connect Chat is for ITIL staff only."))},
			ID:        NotStaffID,
			Help:      dir.AccessRule(words(r)),
		})
		return false
	}
	return true
}

func intParam(text string, fallback, low, high int) (int, error) {
	if text == "" {
		return fallback, nil
	}
	n, err := strconv.Atoi(text)
	if err == nil && (n < low || n > high) {
		err = strconv.ErrRange
	}
	return n, err
}
