package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
)

// call requests a plugin route with a body: a string is sent as is, anything else as JSON.
func call(t *testing.T, client *model.Client4, method, path string, body any) (int, []byte) {
	t.Helper()
	var payload io.Reader
	if body != nil {
		var err error
		payload, err = jsonBody(body)
		require.NoError(t, err)
	}
	status, answer, err := pluginRequest(client, method, path, payload)
	require.NoError(t, err)
	return status, answer
}

func (p *person) conversations(t *testing.T) conversations.List {
	t.Helper()
	status, body := call(t, p.client, http.MethodGet, "/api/v1/conversations", nil)
	require.Equal(t, http.StatusOK, status, string(body))
	var list conversations.List
	require.NoError(t, json.Unmarshal(body, &list))
	return list
}

func (p *person) conversation(t *testing.T, method, path string, body any, wantStatus int) conversations.Conversation {
	t.Helper()
	status, answer := call(t, p.client, method, "/api/v1/conversations"+path, body)
	require.Equal(t, wantStatus, status, string(answer))
	var c conversations.Conversation
	require.NoError(t, json.Unmarshal(answer, &c))
	return c
}

func (p *person) start(t *testing.T, wantStatus int, others ...*person) conversations.Conversation {
	t.Helper()
	return p.conversation(t, http.MethodPost, "", map[string]any{"user_ids": idsOf(others...)}, wantStatus)
}

func idsOf(people ...*person) []string {
	ids := make([]string, 0, len(people))
	for _, p := range people {
		ids = append(ids, p.Id)
	}
	return ids
}

func errorOf(t *testing.T, body []byte) string {
	t.Helper()
	var answer struct{ Error string }
	require.NoError(t, json.Unmarshal(body, &answer), string(body))
	return answer.Error
}

func fullName(p *person) string { return p.FirstName + " " + p.LastName }

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

func TestConversationListShowsUnreadCountsMentionsAndLastPosts(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	dm := bob.directWith(t, alice)
	gm := carol.groupWith(t, alice, bob)
	mustPost(t, bob, dm, "Can you take INC0010001?")
	mustPost(t, carol, gm, "@"+alice.Username+" change window at **22:00**")
	mustPost(t, carol, gm, "see the runbook")
	mustPost(t, bob, dm, "thanks!")

	var list conversations.List
	require.Eventually(t, func() bool {
		list = alice.conversations(t)
		direct, _ := listed(list, dm)
		group, _ := listed(list, gm)
		return direct.MentionCount == 2 && group.MentionCount == 2
	}, 10*time.Second, 100*time.Millisecond, "every DM and GM message counts as a mention in Mattermost")
	require.Len(t, list.Conversations, 2)
	direct, group := list.Conversations[0], list.Conversations[1]
	assert.Equal(t, dm, direct.ID, "most recent first")
	assert.Equal(t, conversations.Direct, direct.Kind)
	assert.Equal(t, fullName(bob), direct.Name)
	assert.Equal(t, "/api/v4/users/"+bob.Id+"/image", direct.AvatarURL)
	assert.Equal(t, int64(2), direct.UnreadCount)
	assert.Equal(t, "thanks!", direct.LastPost.Message)
	assert.Equal(t, bob.Id, direct.LastPost.UserID)
	assert.True(t, direct.Open)

	assert.Equal(t, conversations.Group, group.Kind)
	assert.False(t, group.Managed)
	assert.Equal(t, int64(2), group.UnreadCount)
	assert.Equal(t, "see the runbook", group.LastPost.Message)
	assert.ElementsMatch(t, []string{alice.Username, bob.Username, carol.Username}, usernames(group))
	assert.Equal(t, direct.UnreadCount+group.UnreadCount, list.TotalUnread)
	assert.Equal(t, direct.MentionCount+group.MentionCount, list.TotalMentions)

	_, _, err := alice.client.ViewChannel(context.Background(), alice.Id, &model.ChannelView{ChannelId: dm})
	require.NoError(t, err)
	direct, _ = listed(alice.conversations(t), dm)
	assert.Zero(t, direct.UnreadCount, "reading the conversation clears its count")
	assert.Zero(t, direct.MentionCount)
}

func TestConversationListLeavesOutCustomersAndBots(t *testing.T) {
	alice, dave := newStaff(t), newCustomer(t)
	alice.directWith(t, dave)
	bot, _, err := login(t, server.Admin).GetUserByUsername(context.Background(), "connect", "")
	require.NoError(t, err)
	_, _, err = alice.client.CreateDirectChannel(context.Background(), alice.Id, bot.Id)
	require.NoError(t, err)
	assert.Empty(t, alice.conversations(t).Conversations)
}

func TestConversationSearchFindsClosedOnesToo(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	dm := alice.directWith(t, bob)
	mustPost(t, alice, dm, "hello")
	alice.directWith(t, carol)
	status, _ := call(t, alice.client, http.MethodPost, "/api/v1/conversations/"+dm+"/close", nil)
	require.Equal(t, http.StatusNoContent, status)

	status, body := call(t, alice.client, http.MethodGet, "/api/v1/conversations/search?q="+strings.ToUpper(bob.Username), nil)
	require.Equal(t, http.StatusOK, status, string(body))
	var found struct{ Conversations []conversations.Conversation }
	require.NoError(t, json.Unmarshal(body, &found))
	require.Len(t, found.Conversations, 1)
	assert.Equal(t, dm, found.Conversations[0].ID)
	assert.False(t, found.Conversations[0].Open)

	status, body = call(t, alice.client, http.MethodGet, "/api/v1/conversations/search?q=", nil)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "Type 1 to 64 characters to search conversations.", errorOf(t, body))
}

func TestConversationStartReturnsAnExistingOne(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	direct := alice.start(t, http.StatusCreated, bob)
	assert.Equal(t, conversations.Direct, direct.Kind)
	assert.Equal(t, direct.ID, alice.start(t, http.StatusOK, bob).ID)
	assert.Equal(t, direct.ID, bob.start(t, http.StatusOK, alice).ID)

	group := alice.start(t, http.StatusCreated, bob, carol)
	assert.Equal(t, conversations.Group, group.Kind)
	assert.True(t, group.Managed)
	assert.False(t, group.CustomName)
	assert.ElementsMatch(t, []string{alice.Username, bob.Username, carol.Username}, usernames(group))
	assert.Equal(t, group.ID, carol.start(t, http.StatusOK, alice, bob).ID)

	channel, _, err := bob.client.GetChannel(context.Background(), group.ID, "")
	require.NoError(t, err)
	assert.Equal(t, model.ChannelTypePrivate, channel.Type)
	assert.Equal(t, server.Teams.ITIL.Id, channel.TeamId, "the first staff team by default")

	named := alice.conversation(t, http.MethodPost, "", map[string]any{"user_ids": idsOf(bob, carol), "name": "Change board"}, http.StatusCreated)
	assert.NotEqual(t, group.ID, named.ID)
	assert.Equal(t, "Change board", named.Name)
	assert.True(t, named.CustomName)
}

func TestConversationStartExplainsRefusals(t *testing.T) {
	alice, bob, dave := newStaff(t), newStaff(t), newCustomer(t)
	unknown := model.NewId()
	var crowd []string
	for range 50 {
		crowd = append(crowd, model.NewId())
	}
	cases := map[string]struct {
		body    any
		status  int
		message string
	}{
		"customer":  {map[string]any{"user_ids": idsOf(bob, dave)}, http.StatusBadRequest, refusedFor(dave.Username)},
		"unknown":   {map[string]any{"user_ids": []string{unknown}}, http.StatusBadRequest, `No user with id "` + unknown + `".`},
		"too many":  {map[string]any{"user_ids": crowd}, http.StatusBadRequest, "A conversation can have at most 50 people."},
		"empty":     {map[string]any{"user_ids": []string{}}, http.StatusBadRequest, "Choose at least one person."},
		"self":      {map[string]any{"user_ids": []string{alice.Id}}, http.StatusBadRequest, "Choose someone other than yourself."},
		"malformed": {`{"user_ids": [`, http.StatusBadRequest, "The request body is not valid JSON for this request."},
		"oversized": {`{"name":"` + strings.Repeat("x", 70_000) + `"}`, http.StatusRequestEntityTooLarge, "The request is too large (at most 64 KiB)."},
	}
	for name, c := range cases {
		status, body := call(t, alice.client, http.MethodPost, "/api/v1/conversations", c.body)
		assert.Equal(t, c.status, status, name)
		assert.Equal(t, c.message, errorOf(t, body), name)
	}
	assert.Empty(t, alice.conversations(t).Conversations, "nothing was started")
}

func TestConversationRoutesRefuseOutsiders(t *testing.T) {
	alice, bob, carol, dave := newStaff(t), newStaff(t), newStaff(t), newCustomer(t)
	theirs := bob.start(t, http.StatusCreated, carol)
	one := "/api/v1/conversations/" + theirs.ID

	status, body := call(t, nil, http.MethodGet, "/api/v1/conversations", nil)
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.Contains(t, errorOf(t, body), "logged in")

	status, body = call(t, dave.client, http.MethodGet, "/api/v1/conversations", nil)
	assert.Equal(t, http.StatusForbidden, status)
	assert.Equal(t, "Connect Chat is for ITIL staff only.", errorOf(t, body))

	for _, route := range []struct {
		method, path string
		body         any
	}{
		{http.MethodGet, one, nil},
		{http.MethodPost, one + "/members", map[string]any{"user_ids": []string{alice.Id}}},
		{http.MethodDelete, one + "/members/" + carol.Id, nil},
		{http.MethodPatch, one, map[string]any{"name": "mine now"}},
		{http.MethodPost, one + "/close", nil},
		{http.MethodPost, one + "/open", nil},
	} {
		status, body := call(t, alice.client, route.method, route.path, route.body)
		assert.Equal(t, http.StatusNotFound, status, route.method+" "+route.path)
		assert.Equal(t, "No such conversation.", errorOf(t, body), route.method+" "+route.path)
	}
	assert.ElementsMatch(t, []string{bob.Username, carol.Username}, usernames(bob.conversation(t, http.MethodGet, "/"+theirs.ID, nil, http.StatusOK)))
}

func TestConversationGroupMembersNamesAndHistory(t *testing.T) {
	alice, bob, carol, dan := newStaff(t), newStaff(t), newStaff(t), newStaff(t)
	group := alice.start(t, http.StatusCreated, bob, carol)
	mustPost(t, alice, group.ID, "INC0010001 is back")
	mustPost(t, bob, group.ID, "on it")

	added := alice.conversation(t, http.MethodPost, "/"+group.ID+"/members", map[string]any{"user_ids": idsOf(dan)}, http.StatusOK)
	assert.Equal(t, group.ID, added.ID)
	assert.Contains(t, usernames(added), dan.Username)
	assert.Equal(t, []string{"on it", "INC0010001 is back"}, messages(t, dan.client, group.ID), "the newcomer sees the whole history")
	waitForPluginEvent(t, dan.ws, conversations.EventConversationUpdated, aboutConversation(group.ID))

	removed := alice.conversation(t, http.MethodDelete, "/"+group.ID+"/members/"+carol.Id, nil, http.StatusOK)
	assert.NotContains(t, usernames(removed), carol.Username)
	waitForPluginEvent(t, carol.ws, conversations.EventConversationClosed, func(data map[string]any) bool { return data["id"] == group.ID })
	status, _ := call(t, carol.client, http.MethodGet, "/api/v1/conversations/"+group.ID, nil)
	assert.Equal(t, http.StatusNotFound, status)
	assertRemovedBy(t, dan, group.ID, alice, carol)

	renamed := bob.conversation(t, http.MethodPatch, "/"+group.ID, map[string]any{"name": "  Night shift "}, http.StatusOK)
	assert.Equal(t, "Night shift", renamed.Name)
	assert.True(t, renamed.CustomName)
	channel, _, err := dan.client.GetChannel(context.Background(), group.ID, "")
	require.NoError(t, err)
	assert.Equal(t, "Night shift", channel.DisplayName, "native clients show the same name")
	reset := bob.conversation(t, http.MethodPatch, "/"+group.ID, map[string]any{"name": ""}, http.StatusOK)
	assert.False(t, reset.CustomName)
	assert.Equal(t, fullName(alice)+", "+fullName(dan), reset.Name, "named after the others")

	left := dan.conversation(t, http.MethodDelete, "/"+group.ID+"/members/"+dan.Id, nil, http.StatusOK)
	assert.False(t, left.Open)
	status, _ = call(t, dan.client, http.MethodGet, "/api/v1/conversations/"+group.ID, nil)
	assert.Equal(t, http.StatusNotFound, status)

	direct := alice.start(t, http.StatusCreated, bob)
	status, body := call(t, alice.client, http.MethodPost, "/api/v1/conversations/"+direct.ID+"/members", map[string]any{"user_ids": idsOf(carol)})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "Start a group to add people: a direct conversation always has two people.", errorOf(t, body))
}

func TestConversationAddingToAGroupMessageStartsAManagedGroup(t *testing.T) {
	alice, bob, carol, dan := newStaff(t), newStaff(t), newStaff(t), newStaff(t)
	gm := alice.groupWith(t, bob, carol)
	mustPost(t, alice, gm, "hello")
	group := alice.conversation(t, http.MethodPost, "/"+gm+"/members", map[string]any{"user_ids": idsOf(dan)}, http.StatusOK)
	assert.NotEqual(t, gm, group.ID)
	assert.True(t, group.Managed)
	assert.ElementsMatch(t, []string{alice.Username, bob.Username, carol.Username, dan.Username}, usernames(group))
}

func TestConversationAddingACustomerIsRefused(t *testing.T) {
	alice, bob, carol, dave := newStaff(t), newStaff(t), newStaff(t), newCustomer(t)
	group := alice.start(t, http.StatusCreated, bob, carol)
	status, body := call(t, alice.client, http.MethodPost, "/api/v1/conversations/"+group.ID+"/members", map[string]any{"user_ids": idsOf(dave)})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, refusedFor(dave.Username), errorOf(t, body))
}

func TestConversationClosingHidesItUntilTheNextMessage(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	dm := alice.start(t, http.StatusCreated, bob).ID
	mustPost(t, bob, dm, "hello")

	status, _ := call(t, alice.client, http.MethodPost, "/api/v1/conversations/"+dm+"/close", nil)
	require.Equal(t, http.StatusNoContent, status)
	waitForPluginEvent(t, alice.ws, conversations.EventConversationClosed, func(data map[string]any) bool { return data["id"] == dm })
	_, found := listed(alice.conversations(t), dm)
	assert.False(t, found)
	_, found = listed(bob.conversations(t), dm)
	assert.True(t, found, "closing is per user")

	mustPost(t, bob, dm, "are you there?")
	reopened, found := listed(alice.conversations(t), dm)
	assert.True(t, found, "a new message reopens it")
	assert.True(t, reopened.Open)
	assert.Equal(t, "are you there?", reopened.LastPost.Message)

	status, _ = call(t, alice.client, http.MethodPost, "/api/v1/conversations/"+dm+"/close", nil)
	require.Equal(t, http.StatusNoContent, status)
	opened := alice.conversation(t, http.MethodPost, "/"+dm+"/open", nil, http.StatusOK)
	assert.True(t, opened.Open)
	_, found = listed(alice.conversations(t), dm)
	assert.True(t, found)
}

// New messages reach every member's client as Mattermost's own posted event, which says whom
// the post mentions: the web app keeps its list from those. Connect sends nothing per post.
func TestConversationNewMessagesArriveAsMattermostEvents(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	group := alice.start(t, http.StatusCreated, bob, carol)
	waitForPluginEvent(t, bob.ws, conversations.EventConversationUpdated, aboutConversation(group.ID))

	sent := mustPost(t, carol, group.ID, "@"+bob.Username+" can you check the backups?")
	event := waitForEvent(t, bob.ws, model.WebsocketEventPosted, func(data map[string]any) bool {
		return strings.Contains(fmt.Sprint(data["post"]), sent.Id)
	})
	assert.Equal(t, "P", event["channel_type"])
	assert.Contains(t, fmt.Sprint(event["mentions"]), bob.Id, "the event says bob is mentioned")

	c, found := listed(bob.conversations(t), group.ID)
	require.True(t, found)
	assert.Equal(t, carol.Id, c.LastPost.UserID)
	assert.Equal(t, int64(1), c.UnreadCount, "Mattermost counts no join or leave message as unread")
	assert.Equal(t, int64(2), c.MentionCount, "the @mention, and the message that bob was added, which names him")
	assertNoPluginEvent(t, bob.ws, conversations.EventConversationUpdated, 500*time.Millisecond)
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

func TestConversationCustomerAddedThroughMattermostIsRemovedAtOnce(t *testing.T) {
	configure(t, map[string]any{"ConversationTeam": server.Teams.Support.Name})
	alice, bob, carol, dave := newStaff(t), newStaff(t), newStaff(t), newCustomer(t)
	var group conversations.Conversation
	attempt := 0
	require.Eventually(t, func() bool {
		attempt++
		name := fmt.Sprintf("Escalation %d", attempt)
		group = alice.conversation(t, http.MethodPost, "", map[string]any{"user_ids": idsOf(bob, carol), "name": name}, http.StatusCreated)
		channel, _, err := alice.client.GetChannel(context.Background(), group.ID, "")
		return err == nil && channel.TeamId == server.Teams.Support.Id
	}, 10*time.Second, 200*time.Millisecond, "the plugin did not apply the conversation team")

	_, _, err := alice.client.AddChannelMember(context.Background(), group.ID, dave.Id)
	require.NoError(t, err, "Mattermost itself lets a member add people to a private channel")
	notice := waitForEphemeral(t, alice.ws, group.ID)
	assert.Equal(t, "@"+dave.Username+" was removed from this conversation: "+refusedFor(dave.Username), notice.Message)
	require.Eventually(t, func() bool {
		_, resp, _ := alice.client.GetChannelMember(context.Background(), group.ID, dave.Id, "")
		return resp != nil && resp.StatusCode == http.StatusNotFound
	}, 10*time.Second, 100*time.Millisecond, "the customer was not removed")
	assert.NotContains(t, usernames(alice.conversation(t, http.MethodGet, "/"+group.ID, nil, http.StatusOK)), dave.Username)
}

// assertRemovedBy checks the group's newest system message says who removed whom, as
// Mattermost's own "removed from the channel" message does.
func assertRemovedBy(t *testing.T, reader *person, channelID string, remover, removed *person) {
	t.Helper()
	list, _, err := reader.client.GetPostsForChannel(context.Background(), channelID, 0, 5, "", false, false)
	require.NoError(t, err)
	for _, id := range list.Order {
		post := list.Posts[id]
		if post.Type == model.PostTypeRemoveFromChannel || post.Type == model.PostTypeLeaveChannel {
			assert.Equal(t, model.PostTypeRemoveFromChannel, post.Type, "a removal is not shown as leaving")
			assert.Equal(t, remover.Id, post.UserId)
			assert.Equal(t, removed.Id, post.GetProp("removedUserId"))
			return
		}
	}
	t.Fatalf("no message about the removal among %v", list.Order)
}
