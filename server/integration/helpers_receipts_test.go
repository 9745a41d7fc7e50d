package integration

import (
	"context"
	"net/http"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/receipts"
)

func seenPath(channelID string) string { return "/api/v1/conversations/" + channelID + "/seen" }

// seenBy is how far the other members have seen channelID, as p's receipts route answers.
func (p *person) seenBy(t *testing.T, channelID string) receipts.Seen {
	t.Helper()
	answer := route[receipts.Seen](t, p.client, http.MethodGet, seenPath(channelID), nil)
	require.Equal(t, http.StatusOK, answer.Status, answer.Text())
	return answer.Body
}

// lastViewed is reader's last view in seen, 0 when seen does not show reader.
func lastViewed(seen receipts.Seen, reader *person) int64 {
	for _, r := range seen.Readers {
		if r.UserID == reader.Id {
			return r.LastViewedAt
		}
	}
	return 0
}

// shows reports whether seen lists reader at all.
func shows(seen receipts.Seen, reader *person) bool {
	for _, r := range seen.Readers {
		if r.UserID == reader.Id {
			return true
		}
	}
	return false
}

// setReceipts turns p's own receipts on or off.
func (p *person) setReceipts(t *testing.T, enabled bool) receipts.Setting {
	t.Helper()
	answer := route[receipts.Setting](t, p.client, http.MethodPut, "/api/v1/receipts", map[string]bool{"enabled": enabled})
	require.Equal(t, http.StatusOK, answer.Status, answer.Text())
	return answer.Body
}

// view views channelID as Mattermost's own clients do (POST /api/v4/channels/members/me/view).
func (p *person) view(t *testing.T, channelID string) {
	t.Helper()
	_, _, err := p.client.ViewChannel(context.Background(), p.Id, &model.ChannelView{ChannelId: channelID})
	require.NoError(t, err)
}
