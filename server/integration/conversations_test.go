package integration

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
)

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
	require.Equal(t, http.StatusNoContent, route[string](t, alice.client, http.MethodPost, "/api/v1/conversations/"+dm+"/close", nil).Status)

	found := route[conversations.List](t, alice.client, http.MethodGet, "/api/v1/conversations/search?q="+strings.ToUpper(bob.Username), nil)
	require.Equal(t, http.StatusOK, found.Status, found.Text())
	require.Len(t, found.Body.Conversations, 1)
	assert.Equal(t, dm, found.Body.Conversations[0].ID)
	assert.False(t, found.Body.Conversations[0].Open)

	empty := route[string](t, alice.client, http.MethodGet, "/api/v1/conversations/search?q=", nil)
	assert.Equal(t, http.StatusBadRequest, empty.Status)
	assert.Equal(t, "Type 1 to 64 characters to search conversations.", errorOf(t, empty.Raw))
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
		refused := route[string](t, alice.client, http.MethodPost, "/api/v1/conversations", c.body)
		assert.Equal(t, c.status, refused.Status, name)
		assert.Equal(t, c.message, errorOf(t, refused.Raw), name)
	}
	assert.Empty(t, alice.conversations(t).Conversations, "nothing was started")
}

func TestConversationRoutesRefuseOutsiders(t *testing.T) {
	alice, bob, carol, dave := newStaff(t), newStaff(t), newStaff(t), newCustomer(t)
	theirs := bob.start(t, http.StatusCreated, carol)
	one := "/api/v1/conversations/" + theirs.ID

	anonymous := route[string](t, nil, http.MethodGet, "/api/v1/conversations", nil)
	assert.Equal(t, http.StatusUnauthorized, anonymous.Status)
	assert.Contains(t, errorOf(t, anonymous.Raw), "logged in")

	customer := route[string](t, dave.client, http.MethodGet, "/api/v1/conversations", nil)
	assert.Equal(t, http.StatusForbidden, customer.Status)
	assert.Equal(t, "Connect Chat is for ITIL staff only.", errorOf(t, customer.Raw))

	for _, outsider := range []struct {
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
		refused := route[string](t, alice.client, outsider.method, outsider.path, outsider.body)
		assert.Equal(t, http.StatusNotFound, refused.Status, outsider.method+" "+outsider.path)
		assert.Equal(t, "No such conversation.", errorOf(t, refused.Raw), outsider.method+" "+outsider.path)
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
	assert.Equal(t, http.StatusNotFound, route[string](t, carol.client, http.MethodGet, "/api/v1/conversations/"+group.ID, nil).Status)
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
	assert.Equal(t, http.StatusNotFound, route[string](t, dan.client, http.MethodGet, "/api/v1/conversations/"+group.ID, nil).Status)

	direct := alice.start(t, http.StatusCreated, bob)
	refused := route[string](t, alice.client, http.MethodPost, "/api/v1/conversations/"+direct.ID+"/members", map[string]any{"user_ids": idsOf(carol)})
	assert.Equal(t, http.StatusBadRequest, refused.Status)
	assert.Equal(t, "Start a group to add people: a direct conversation always has two people.", errorOf(t, refused.Raw))
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
	refused := route[string](t, alice.client, http.MethodPost, "/api/v1/conversations/"+group.ID+"/members", map[string]any{"user_ids": idsOf(dave)})
	assert.Equal(t, http.StatusBadRequest, refused.Status)
	assert.Equal(t, refusedFor(dave.Username), errorOf(t, refused.Raw))
}

func TestConversationClosingHidesItUntilTheNextMessage(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	dm := alice.start(t, http.StatusCreated, bob).ID
	mustPost(t, bob, dm, "hello")

	require.Equal(t, http.StatusNoContent, route[string](t, alice.client, http.MethodPost, "/api/v1/conversations/"+dm+"/close", nil).Status)
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

	require.Equal(t, http.StatusNoContent, route[string](t, alice.client, http.MethodPost, "/api/v1/conversations/"+dm+"/close", nil).Status)
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
