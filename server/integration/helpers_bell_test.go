package integration

import (
	"context"
	"net/http"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/notify"
)

func bellPath(channelID string) string {
	return "/api/v1/conversations/" + channelID + "/notifications"
}

// setBell puts prefs as the bell does.
func setBell(t *testing.T, client *model.Client4, channelID string, prefs notify.Preferences) reply[notify.Preferences] {
	t.Helper()
	return route[notify.Preferences](t, client, http.MethodPut, bellPath(channelID), prefs)
}

func getBell(t *testing.T, client *model.Client4, channelID string) reply[notify.Preferences] {
	t.Helper()
	return route[notify.Preferences](t, client, http.MethodGet, bellPath(channelID), nil)
}

func readBell(t *testing.T, client *model.Client4, channelID string) notify.Preferences {
	t.Helper()
	prefs := getBell(t, client, channelID)
	require.Equal(t, http.StatusOK, prefs.Status, prefs.Text())
	return prefs.Body
}

// notifyProps are userID's notify props in channelID, as Mattermost stores them.
func notifyProps(t *testing.T, channelID, userID string) model.StringMap {
	t.Helper()
	admin, err := server.AdminClient(context.Background())
	require.NoError(t, err)
	member, _, err := admin.GetChannelMember(context.Background(), channelID, userID, "")
	require.NoError(t, err)
	return member.NotifyProps
}
