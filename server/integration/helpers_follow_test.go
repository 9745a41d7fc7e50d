package integration

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/api"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
)

func followsOf(t *testing.T, p *person) []follow.Follow {
	t.Helper()
	list := route[struct{ Follows []follow.Follow }](t, p.client, http.MethodGet, "/api/v1/follows", nil)
	require.Equal(t, http.StatusOK, list.Status, list.Text())
	return list.Body.Follows
}

// followByCommand makes p follow a fresh incident and returns its number and record conversation.
func followByCommand(t *testing.T, p *person, description string) (string, follow.Follow) {
	t.Helper()
	number := freshIncident(t, description)
	answer := command(t, p, townSquare(t, p.client).Id, "/connect follow "+number)
	require.Contains(t, answer, "You follow **"+number+"**")
	for _, f := range followsOf(t, p) {
		if f.Number == number {
			return number, f
		}
	}
	require.Failf(t, "not followed", "%s is not in %s's follows", number, p.Username)
	return "", follow.Follow{}
}

func webhookURL() string { return server.URL + "/plugins/connect-chat" + api.WebhookPath }

func sendEvent(t *testing.T, event follow.Event, at time.Time) int {
	t.Helper()
	resp, err := standin.SendEvent(webhookURL(), rig.WebhookSecret, at.Unix(), event)
	require.NoError(t, err)
	defer resp.Body.Close()
	return resp.StatusCode
}

func eventFor(f follow.Follow, change func(*follow.Event)) follow.Event {
	event := follow.Event{
		EventID: model.NewId(), Table: f.Table, SysID: f.SysID, Number: f.Number, ShortDescription: f.ShortDescription,
		State: "New", Priority: "3 - Moderate", UpdatedOn: standin.Now(),
	}
	change(&event)
	return event
}

// botPosts are the Connect bot's messages in a record conversation, oldest first.
func botPosts(t *testing.T, p *person, channelID string) []string {
	t.Helper()
	list, _, err := p.client.GetPostsForChannel(context.Background(), channelID, 0, 100, "", false, false)
	require.NoError(t, err)
	var found []string
	for i := len(list.Order) - 1; i >= 0; i-- {
		post := list.Posts[list.Order[i]]
		if post.GetProp(follow.UpdateProp) != nil {
			found = append(found, post.Message)
		}
	}
	return found
}

func waitForBotPost(t *testing.T, p *person, channelID, text string, within time.Duration) {
	t.Helper()
	require.Eventually(t, func() bool {
		for _, m := range botPosts(t, p, channelID) {
			if strings.Contains(m, text) {
				return true
			}
		}
		return false
	}, within, 50*time.Millisecond, "no update %q in the record conversation", text)
}

func countContaining(messages []string, text string) int {
	n := 0
	for _, m := range messages {
		if strings.Contains(m, text) {
			n++
		}
	}
	return n
}

func jsonNumber(n int64) string {
	raw, _ := json.Marshal(n)
	return string(raw)
}
