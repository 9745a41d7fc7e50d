package api

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/console"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

const (
	adminTestPassword     = "adm1n-p4ss-3317"
	adminTestClientSecret = "adm1n-cl1ent-s3cret-8825"
)

// adminConsole is the real connection check on the ServiceNow stand-in, and a fixed summary.
type adminConsole struct{ *console.Service }

func (adminConsole) StaffSummary() (staff.Summary, error) {
	return staff.Summary{
		Total: 3, Mode: "enforce",
		Teams: []staff.TeamCount{{Name: "itil", Staff: 3, Open: true}}, Groups: []staff.GroupCount{},
		Roles:           staff.RoleCount{Roles: []string{"itil"}, Staff: 2, Holders: 3},
		WarningMessages: []i18n.Message{i18n.Text("The staff team itil is open.")},
	}, nil
}

func newAdminRouter(t *testing.T, mode string, password string) http.Handler {
	t.Helper()
	s, err := standin.Start(standin.Options{Password: adminTestPassword, ClientSecret: adminTestClientSecret})
	require.NoError(t, err)
	t.Cleanup(s.Close)
	opts := s.Options()
	settings := config.ServiceNow{
		URL: s.URL(), AuthMode: mode, Username: opts.Username, Password: password,
		ClientID: opts.ClientID, ClientSecret: opts.ClientSecret,
	}
	holder := &servicenow.Holder{}
	holder.Update(settings)
	cfg := &config.Config{ServiceNow: settings, StaffRoles: []string{"itil"}}
	service := console.New(console.Deps{ServiceNow: holder, Config: func() *config.Config { return cfg }})
	return NewRouter(Config{
		PluginID: "connect-chat", SiteURL: func() string { return "http://chat.example.com" },
		IsAdmin: func(userID string) bool { return userID == "admin" },
		Staff:   adminTestStaff{}, Admin: adminConsole{service},
	})
}

// adminTestStaff: alice is ITIL staff and dave a customer; neither is a system admin.
type adminTestStaff struct{ fakeStaff }

func (adminTestStaff) Verdict(userID string) (staff.Verdict, error) {
	if userID == "alice" {
		return staff.Verdict{UserID: userID, Kind: staff.Staff}, nil
	}
	return staff.Verdict{UserID: userID, Kind: staff.NonStaff}, nil
}

func TestAdminRoutesAreForSystemAdminsOnly(t *testing.T) {
	router := newAdminRouter(t, "basic", adminTestPassword)
	routes := []struct{ method, path string }{
		{http.MethodPost, "/api/v1/admin/connection/check"},
		{http.MethodGet, "/api/v1/admin/staff/summary"},
	}
	for _, route := range routes {
		t.Run(route.path, func(t *testing.T) {
			assert.Equal(t, http.StatusUnauthorized, serve(router, route.method, route.path, "").Code)
			for _, user := range []string{"alice", "dave"} {
				rec := serve(router, route.method, route.path, user)
				assert.Equal(t, http.StatusForbidden, rec.Code, user)
				assert.Equal(t, "Only system admins can do this.", decodeError(t, rec))
			}
			assert.Equal(t, http.StatusOK, serve(router, route.method, route.path, "admin").Code)
		})
	}
}

func TestCheckConnectionAnswersWhatItFoundAndNoSecret(t *testing.T) {
	for _, mode := range []string{"basic", "oauth"} {
		t.Run(mode, func(t *testing.T) {
			rec := serve(newAdminRouter(t, mode, adminTestPassword), http.MethodPost, "/api/v1/admin/connection/check", "admin")
			require.Equal(t, http.StatusOK, rec.Code)
			assert.NotContains(t, rec.Body.String(), adminTestPassword)
			assert.NotContains(t, rec.Body.String(), adminTestClientSecret)
			var check console.Check
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &check))
			assert.True(t, check.Reachable)
			assert.True(t, check.Authenticated)
			assert.True(t, check.RecordsReadable)
			assert.True(t, check.RolesReadable)
			assert.Empty(t, check.Problem)
		})
	}
}

func TestCheckConnectionWithRejectedCredentialsEchoesNoSecret(t *testing.T) {
	const wrong = "wr0ng-p4ss-6671"
	rec := serve(newAdminRouter(t, "basic", wrong), http.MethodPost, "/api/v1/admin/connection/check", "admin")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.NotContains(t, rec.Body.String(), wrong)
	assert.NotContains(t, rec.Body.String(), adminTestPassword)
	var check console.Check
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &check))
	assert.True(t, check.Reachable)
	assert.False(t, check.Authenticated)
	assert.Contains(t, check.Problem, "401")
}

func TestStaffSummaryRoute(t *testing.T) {
	rec := serve(newAdminRouter(t, "basic", adminTestPassword), http.MethodGet, "/api/v1/admin/staff/summary", "admin")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.JSONEq(t, `{
		"total": 3, "mode": "enforce",
		"teams": [{"name": "itil", "staff": 3, "open": true, "missing": false}],
		"groups": [],
		"roles": {"roles": ["itil"], "staff": 2, "unverified": 0, "holders": 3, "last_success": "0001-01-01T00:00:00Z"},
		"warnings": ["The staff team itil is open."]
	}`, rec.Body.String())
}
