package integration

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

// waitForPluginEvent returns the data of the next custom_connect-chat_<name> event that match accepts.
func waitForPluginEvent(t *testing.T, ws *model.WebSocketClient, name string, match func(data map[string]any) bool) map[string]any {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case event := <-ws.EventChannel:
			if string(event.EventType()) == "custom_"+rig.PluginID+"_"+name && match(event.GetData()) {
				return event.GetData()
			}
		case <-timeout:
			t.Fatalf("no %s event arrived over the websocket", name)
		}
	}
}

// aboutConversation matches conversation_updated events about id.
func aboutConversation(id string) func(map[string]any) bool {
	return func(data map[string]any) bool {
		c, ok := data["conversation"].(map[string]any)
		return ok && c["id"] == id
	}
}

// waitForEvent returns the data of the next websocket event of that type that match accepts.
func waitForEvent(t *testing.T, ws *model.WebSocketClient, eventType model.WebsocketEventType, match func(map[string]any) bool) map[string]any {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case event := <-ws.EventChannel:
			if event.EventType() == eventType && match(event.GetData()) {
				return event.GetData()
			}
		case <-timeout:
			t.Fatalf("no %s event arrived", eventType)
		}
	}
}

func assertNoPluginEvent(t *testing.T, ws *model.WebSocketClient, name string, within time.Duration) {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case event := <-ws.EventChannel:
			assert.NotEqual(t, model.WebsocketEventType("custom_"+rig.PluginID+"_"+name), event.EventType(), "Connect sent %s for a post", name)
		case <-deadline:
			return
		}
	}
}

// secondClient is another signed-in client of p (a second tab or device), listening on its
// own websocket.
func secondClient(t *testing.T, p *person) *model.WebSocketClient {
	t.Helper()
	ws, err := model.NewWebSocketClient4(strings.Replace(server.URL, "http", "ws", 1), login(t, p.User).AuthToken)
	require.NoError(t, err)
	ws.Listen()
	t.Cleanup(ws.Close)
	return ws
}

// aboutRecord matches follows_changed events about number.
func aboutRecord(number string, following bool) func(map[string]any) bool {
	return func(data map[string]any) bool { return data["number"] == number && data["following"] == following }
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

func assertNoEphemeral(t *testing.T, ws *model.WebSocketClient, channelID string) {
	t.Helper()
	deadline := time.After(time.Second)
	for {
		select {
		case event := <-ws.EventChannel:
			if event.EventType() == model.WebsocketEventEphemeralMessage && strings.Contains(event.GetData()["post"].(string), channelID) {
				t.Fatalf("unexpected private message: %v", event.GetData()["post"])
			}
		case <-deadline:
			return
		}
	}
}
