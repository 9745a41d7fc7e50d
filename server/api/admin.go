package api

import (
	"context"
	"net/http"

	"github.com/connectchat/mattermost-plugin-connect/server/console"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// AdminConsole serves Connect's System Console page.
type AdminConsole interface {
	CheckConnection(ctx context.Context) console.Check
	StaffSummary() (staff.Summary, error)
}

// registerAdmin adds the System Console page's routes, for system admins only.
func registerAdmin(mux *http.ServeMux, admin AdminConsole, isAdmin func(userID string) bool) {
	if admin == nil {
		return
	}
	only := func(next http.HandlerFunc) http.Handler { return requireUser(requireAdmin(isAdmin, next)) }
	mux.Handle("POST /api/v1/admin/connection/check", only(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, admin.CheckConnection(r.Context()))
	}))
	mux.Handle("GET /api/v1/admin/staff/summary", only(func(w http.ResponseWriter, r *http.Request) {
		summary, err := admin.StaffSummary()
		if err != nil {
			writeInternal(w, r, err, i18n.M("connect.admin.summary_failed", "Connect could not count the staff. Please try again."))
			return
		}
		summary.Warnings = summary.Warnings[:0]
		for _, warning := range summary.WarningMessages {
			summary.Warnings = append(summary.Warnings, say(r, warning))
		}
		writeJSON(w, http.StatusOK, summary)
	}))
}

// requireAdmin answers 403 for callers who are not system admins.
func requireAdmin(isAdmin func(userID string) bool, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !isAdmin(userID(r)) {
			writeError(w, r, http.StatusForbidden, i18n.M("connect.api.admins_only", "Only system admins can do this."))
			return
		}
		next(w, r)
	}
}
