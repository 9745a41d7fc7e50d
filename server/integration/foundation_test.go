package integration

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

func TestPluginIsRunning(t *testing.T) {
	admin := login(t, server.Admin)
	statuses, _, err := admin.GetPluginStatuses(context.Background())
	require.NoError(t, err)
	var found *model.PluginStatus
	for _, status := range statuses {
		if status.PluginId == rig.PluginID {
			found = status
		}
	}
	require.NotNil(t, found, "connect-chat is not installed")
	assert.Equal(t, model.PluginStateRunning, found.State)
	assert.Equal(t, "Connect Chat", found.Name)
}

func TestHealthAnswersUsersAndRefusesAnonymous(t *testing.T) {
	health := route[map[string]string](t, login(t, server.Staff[0]), http.MethodGet, "/api/v1/health", nil)
	require.Equal(t, http.StatusOK, health.Status, health.Text())
	assert.Equal(t, "ok", health.Body["status"])
	assert.Equal(t, "0.1.0", health.Body["version"])

	anonymous := route[string](t, nil, http.MethodGet, "/api/v1/health", nil)
	assert.Equal(t, http.StatusUnauthorized, anonymous.Status)
	assert.Equal(t, "application/json", anonymous.Header.Get("Content-Type"))
	assert.Contains(t, anonymous.Body, `"error":"You must be logged in`)
}

func TestConnectBotHasItsPicture(t *testing.T) {
	bot, _, err := login(t, server.Staff[0]).GetUserByUsername(context.Background(), "connect", "")
	require.NoError(t, err)
	assert.True(t, bot.IsBot)
	assert.NotZero(t, bot.LastPictureUpdate, "the bot keeps Mattermost's generated picture")
}

func TestConnectHelpAnswersInTheChannel(t *testing.T) {
	alice := login(t, server.Staff[0])
	channel := townSquare(t, alice)

	ws, err := model.NewWebSocketClient4(strings.Replace(server.URL, "http", "ws", 1), alice.AuthToken)
	require.NoError(t, err)
	defer ws.Close()
	ws.Listen()

	resp, _, err := alice.ExecuteCommand(context.Background(), channel.Id, "/connect help")
	require.NoError(t, err)
	assert.Equal(t, model.CommandResponseTypeEphemeral, resp.ResponseType)
	assert.Contains(t, resp.Text, "/connect open")

	post := waitForEphemeral(t, ws, channel.Id)
	assert.Contains(t, post.Message, "/connect help")
}

func TestConnectOpenGoesToTheWorkspaceOfTheTeam(t *testing.T) {
	alice := login(t, server.Staff[0])
	resp, _, err := alice.ExecuteCommand(context.Background(), townSquare(t, alice).Id, "/connect open")
	require.NoError(t, err)
	route := server.URL + "/" + server.Teams.Support.Name + "/" + rig.PluginID + "/workspace"
	assert.Equal(t, route, resp.GotoLocation, "the web app goes to the workspace route")
	assert.Equal(t, "[Open the Connect Workspace]("+route+") (or in its own window: "+pluginURL("/workspace")+")", resp.Text)
}

func TestConnectAutocompletes(t *testing.T) {
	alice := login(t, server.Staff[0])
	names := suggestionsFor(t, alice, "/connect ")
	assert.Contains(t, names, "connect help")
	assert.Contains(t, names, "connect open")
}

func TestWorkspacePage(t *testing.T) {
	page := route[string](t, login(t, server.Staff[0]), http.MethodGet, "/workspace", nil)
	require.Equal(t, http.StatusOK, page.Status)
	assert.Contains(t, page.Body, `id="connect-workspace-root"`)

	anonymous := route[string](t, nil, http.MethodGet, "/workspace", nil)
	require.Equal(t, http.StatusFound, anonymous.Status)
	location, err := url.Parse(anonymous.Header.Get("Location"))
	require.NoError(t, err)
	assert.Equal(t, "/login", location.Path)
	assert.Equal(t, "/plug/connect-chat/workspace", location.Query().Get("redirect_to"))
}
