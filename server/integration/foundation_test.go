package integration

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

func login(t *testing.T, u rig.User) *model.Client4 {
	t.Helper()
	client, err := server.Login(context.Background(), u)
	require.NoError(t, err)
	return client
}

func pluginURL(path string) string {
	return server.URL + "/plugins/" + rig.PluginID + path
}

// get requests a plugin route, with the client's session when client is not nil, without following redirects.
func get(t *testing.T, client *model.Client4, path string) (*http.Response, []byte) {
	t.Helper()
	return send(t, client, http.MethodGet, path)
}

// send is get for any method, without a body.
func send(t *testing.T, client *model.Client4, method, path string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, pluginURL(path), nil)
	require.NoError(t, err)
	if client != nil {
		req.Header.Set(model.HeaderAuth, model.HeaderBearer+" "+client.AuthToken)
	}
	noRedirects := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noRedirects.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

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
	resp, body := get(t, login(t, server.Staff[0]), "/api/v1/health")
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	var health map[string]string
	require.NoError(t, json.Unmarshal(body, &health))
	assert.Equal(t, "ok", health["status"])
	assert.Equal(t, "0.1.0", health["version"])

	resp, body = get(t, nil, "/api/v1/health")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	assert.Contains(t, string(body), `"error":"You must be logged in`)
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
	suggestions, _, err := alice.ListCommandAutocompleteSuggestions(context.Background(), "/connect ", server.Teams.Support.Id)
	require.NoError(t, err)
	var names []string
	for _, s := range suggestions {
		names = append(names, s.Complete)
	}
	assert.Contains(t, names, "connect help")
	assert.Contains(t, names, "connect open")
}

func TestWorkspacePage(t *testing.T) {
	resp, body := get(t, login(t, server.Staff[0]), "/workspace")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), `id="connect-workspace-root"`)

	resp, _ = get(t, nil, "/workspace")
	require.Equal(t, http.StatusFound, resp.StatusCode)
	location, err := url.Parse(resp.Header.Get("Location"))
	require.NoError(t, err)
	assert.Equal(t, "/login", location.Path)
	assert.Equal(t, "/plug/connect-chat/workspace", location.Query().Get("redirect_to"))
}

func townSquare(t *testing.T, client *model.Client4) *model.Channel {
	t.Helper()
	channel, _, err := client.GetChannelByName(context.Background(), "town-square", server.Teams.Support.Id, "")
	require.NoError(t, err)
	return channel
}

func waitForEphemeral(t *testing.T, ws *model.WebSocketClient, channelID string) *model.Post {
	t.Helper()
	return waitForPostEvent(t, ws, model.WebsocketEventEphemeralMessage, func(p *model.Post) bool { return p.ChannelId == channelID })
}

// waitForPostEvent returns the post of the first websocket event of that type whose post matches.
func waitForPostEvent(t *testing.T, ws *model.WebSocketClient, eventType model.WebsocketEventType, matches func(*model.Post) bool) *model.Post {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case event := <-ws.EventChannel:
			if event.EventType() != eventType {
				continue
			}
			var post model.Post
			require.NoError(t, json.Unmarshal([]byte(event.GetData()["post"].(string)), &post))
			if matches(&post) {
				return &post
			}
		case <-timeout:
			t.Fatalf("no %s event arrived over the websocket", eventType)
		}
	}
}
