package integration

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/workspace"
)

func (p *person) conversations(t *testing.T) conversations.List {
	t.Helper()
	list := route[conversations.List](t, p.client, http.MethodGet, "/api/v1/conversations", nil)
	require.Equal(t, http.StatusOK, list.Status, list.Text())
	return list.Body
}

func (p *person) conversation(t *testing.T, method, path string, body any, wantStatus int) conversations.Conversation {
	t.Helper()
	c := route[conversations.Conversation](t, p.client, method, "/api/v1/conversations"+path, body)
	require.Equal(t, wantStatus, c.Status, c.Text())
	return c.Body
}

func (p *person) start(t *testing.T, wantStatus int, others ...*person) conversations.Conversation {
	t.Helper()
	return p.conversation(t, http.MethodPost, "", map[string]any{"user_ids": idsOf(others...)}, wantStatus)
}

func listed(list conversations.List, id string) (conversations.Conversation, bool) {
	for _, c := range list.Conversations {
		if c.ID == id {
			return c, true
		}
	}
	return conversations.Conversation{}, false
}

func usernames(c conversations.Conversation) []string {
	var names []string
	for _, m := range c.Members {
		names = append(names, m.Username)
	}
	return names
}

// assertRemovedBy checks the group's newest system message says who removed whom, as
// Mattermost's own "removed from the channel" message does.
func assertRemovedBy(t *testing.T, reader *person, channelID string, remover, removed *person) {
	t.Helper()
	post := waitForMembershipPost(t, reader, channelID)
	assert.Equal(t, model.PostTypeRemoveFromChannel, post.Type, "a removal is not shown as leaving")
	assert.Equal(t, remover.Id, post.UserId)
	assert.Equal(t, removed.Id, post.GetProp("removedUserId"))
}

// waitForMembershipPost is the newest "removed from" or "left" message among the last five
// posts. Mattermost posts a removal's message after answering, so it may take a moment.
func waitForMembershipPost(t *testing.T, reader *person, channelID string) *model.Post {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, _, err := reader.client.GetPostsForChannel(context.Background(), channelID, 0, 5, "", false, false)
		require.NoError(t, err)
		if post := newestMembershipPost(list); post != nil {
			return post
		}
		if time.Now().After(deadline) {
			t.Fatalf("no message about the removal among %v", list.Order)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func newestMembershipPost(list *model.PostList) *model.Post {
	for _, id := range list.Order {
		if post := list.Posts[id]; post.Type == model.PostTypeRemoveFromChannel || post.Type == model.PostTypeLeaveChannel {
			return post
		}
	}
	return nil
}

func (p *person) files(t *testing.T, channelID, query string) workspace.FilePage {
	t.Helper()
	page := route[workspace.FilePage](t, p.client, http.MethodGet, "/api/v1/conversations/"+channelID+"/files"+query, nil)
	require.Equal(t, http.StatusOK, page.Status, page.Text())
	return page.Body
}

func (p *person) recordsOf(t *testing.T, channelID string) workspace.RecordsAndLinks {
	t.Helper()
	found := route[workspace.RecordsAndLinks](t, p.client, http.MethodGet, "/api/v1/conversations/"+channelID+"/records", nil)
	require.Equal(t, http.StatusOK, found.Status, found.Text())
	return found.Body
}

func fileNames(page workspace.FilePage) []string {
	names := []string{}
	for _, f := range page.Files {
		names = append(names, f.Name)
	}
	return names
}
