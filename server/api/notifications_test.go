package api

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
)

// fakeBell answers for members of conversationID only and keeps what was set.
type fakeBell struct{ set *notify.Preferences }

func (f *fakeBell) Get(userID, channelID string) (notify.Preferences, error) {
	if userID == "outsider" || channelID != conversationID {
		return notify.Preferences{}, failure.New(failure.NotFound, i18n.Text("No such conversation."))
	}
	return notify.Preferences{Desktop: notify.All, Push: notify.Mention, Email: notify.None}, nil
}

func (f *fakeBell) Set(userID, channelID string, prefs notify.Preferences) (notify.Preferences, error) {
	if _, err := f.Get(userID, channelID); err != nil {
		return notify.Preferences{}, err
	}
	if reason := prefs.Validate(false); !reason.IsZero() {
		return notify.Preferences{}, failure.New(failure.Invalid, reason)
	}
	f.set = &prefs
	return prefs, nil
}

func bellRouter(bell NotificationPreferences) http.Handler {
	mux := http.NewServeMux()
	registerNotifications(mux, bell, fakeStaff{})
	return mux
}

func TestNotificationRoutes(t *testing.T) {
	path := "/api/v1/conversations/" + conversationID + "/notifications"
	cases := []struct {
		name, method, path, user, body string
		status                         int
		want                           string
	}{
		{"read", "GET", path, "u1", "", http.StatusOK, `{"desktop":"all","push":"mention","email":"none","muted":false}`},
		{"set", "PUT", path, "u1", `{"desktop":"none","push":"all","email":"mention","muted":true}`, http.StatusOK, `{"desktop":"none","push":"all","email":"mention","muted":true}`},
		{"not a member", "GET", path, "outsider", "", http.StatusNotFound, `{"error":"No such conversation."}`},
		{"set when not a member", "PUT", path, "outsider", `{"desktop":"all","push":"all","email":"all","muted":false}`, http.StatusNotFound, ""},
		{"unknown conversation", "GET", "/api/v1/conversations/other/notifications", "u1", "", http.StatusNotFound, ""},
		{"customer", "GET", path, "customer", "", http.StatusForbidden, ""},
		{"anonymous", "GET", path, "", "", http.StatusUnauthorized, ""},
		{"a missing choice", "PUT", path, "u1", `{"desktop":"all","push":"all","email":"all"}`, http.StatusBadRequest, ""},
		{"an unknown level", "PUT", path, "u1", `{"desktop":"loud","push":"all","email":"all","muted":false}`, http.StatusBadRequest, `{"error":"desktop must be \"all\", \"mention\" or \"none\", not \"loud\"."}`},
		{"not JSON", "PUT", path, "u1", `desktop=all`, http.StatusBadRequest, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := call(bellRouter(&fakeBell{}), c.method, c.path, c.user, c.body)
			require.Equal(t, c.status, rec.Code, rec.Body.String())
			if c.want != "" {
				assert.JSONEq(t, c.want, rec.Body.String())
			}
			if c.status == http.StatusForbidden {
				var body map[string]any
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
				assert.Equal(t, "connect.not_staff", body["id"])
			}
		})
	}
}
