package integration

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/api"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
)

func command(t *testing.T, p *person, channelID, text string) string {
	t.Helper()
	resp, _, err := p.client.ExecuteCommand(context.Background(), channelID, text)
	require.NoError(t, err)
	return resp.Text
}

func followsOf(t *testing.T, p *person) []follow.Follow {
	t.Helper()
	status, body := call(t, p.client, http.MethodGet, "/api/v1/follows", nil)
	require.Equal(t, http.StatusOK, status, string(body))
	var list struct{ Follows []follow.Follow }
	require.NoError(t, json.Unmarshal(body, &list))
	return list.Follows
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

func TestFollowByCommandStartsTheRecordConversation(t *testing.T) {
	alice := newStaff(t)
	number, f := followByCommand(t, alice, "Payroll export fails for the night shift")
	assert.Equal(t, "incident", f.Table)
	assert.Len(t, f.SysID, 32)

	c, ok := listed(alice.conversations(t), f.ConversationID)
	require.True(t, ok, "the record conversation is in the sidebar")
	assert.Equal(t, number+" · Payroll export fails for the night shift", c.Name)
	require.NotNil(t, c.Record)
	assert.Equal(t, number, c.Record.Number)
	assert.Contains(t, c.Record.URL, "/incident.do?sys_id="+f.SysID)
	summary := botPosts(t, alice, f.ConversationID)
	require.Len(t, summary, 1)
	assert.Contains(t, summary[0], "This conversation follows ["+number+"]")

	bob := newStaff(t)
	answer := command(t, bob, townSquare(t, bob.client).Id, "/connect follow "+number)
	assert.Contains(t, answer, "You follow")
	again := followsOf(t, bob)
	require.Len(t, again, 1)
	assert.Equal(t, f.ConversationID, again[0].ConversationID, "one record, one conversation")
	assert.Contains(t, command(t, bob, townSquare(t, bob.client).Id, "/connect following"), number)
}

func TestFollowByTheCardButtonAndByREST(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	dm := alice.directWith(t, bob)
	number := freshIncident(t, "Badge readers offline in building C")
	post := mustPost(t, bob, dm, "Is anyone on "+number+"?")
	filled := waitForCards(t, alice.client, post.Id, "found")
	attachments := filled.Attachments()
	require.NotEmpty(t, attachments)
	actions := attachments[len(attachments)-1].Actions
	require.Len(t, actions, 1)
	assert.Equal(t, "Follow", actions[0].Name)

	_, err := alice.client.DoPostActionWithCookie(context.Background(), post.Id, actions[0].Id, "", "")
	require.NoError(t, err)
	follows := followsOf(t, alice)
	require.Len(t, follows, 1, "the click followed the record as the user who clicked")
	assert.Equal(t, number, follows[0].Number)
	assert.Empty(t, followsOf(t, bob), "nobody else follows it")

	status, body := call(t, bob.client, http.MethodPost, "/api/v1/follows", map[string]any{"record": number})
	require.Equal(t, http.StatusOK, status, string(body))
	require.Len(t, followsOf(t, bob), 1)
	assert.Equal(t, follows[0].ConversationID, followsOf(t, bob)[0].ConversationID)

	status, _ = call(t, bob.client, http.MethodPost, "/api/v1/follows", map[string]any{"record": "not a record"})
	assert.Equal(t, http.StatusBadRequest, status)
}

func TestFollowWebhookUpdateArrivesAndForgeriesAreRefused(t *testing.T) {
	alice := newStaff(t)
	_, f := followByCommand(t, alice, "Printer queue stuck on floor 4")

	started := time.Now()
	event := eventFor(f, func(e *follow.Event) {
		e.State, e.AssignedTo = "In Progress", "Beth Anglin"
		e.Journal = []follow.EventJournal{{SysID: model.NewId()[:26] + "000000", Element: "work_notes", Value: "Restarted the *spooler*", CreatedBy: "beth.anglin", CreatedOn: standin.Now()}}
	})
	assert.Equal(t, http.StatusOK, sendEvent(t, event, time.Now()))
	waitForBotPost(t, alice, f.ConversationID, "State: New → In Progress", 2*time.Second)
	waitForBotPost(t, alice, f.ConversationID, "Assigned to: (none) → Beth Anglin", time.Second)
	waitForBotPost(t, alice, f.ConversationID, `Restarted the \*spooler\*`, time.Second)
	t.Logf("webhook update shown after %v", time.Since(started))
	require.Eventually(t, func() bool {
		return strings.Contains(botPosts(t, alice, f.ConversationID)[0], "State: In Progress · Priority: 3 \\- Moderate · Assigned to: Beth Anglin")
	}, 2*time.Second, 50*time.Millisecond, "the pinned summary is kept current")

	before := len(botPosts(t, alice, f.ConversationID))
	changed := eventFor(f, func(e *follow.Event) { e.State = "Resolved" })
	body, err := json.Marshal(changed)
	require.NoError(t, err)
	forged := func(timestamp int64, signature string) int {
		req, err := http.NewRequest(http.MethodPost, webhookURL(), strings.NewReader(string(body)))
		require.NoError(t, err)
		req.Header.Set("X-Connect-Timestamp", strings.TrimSpace(jsonNumber(timestamp)))
		req.Header.Set("X-Connect-Signature", signature)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		_ = resp.Body.Close()
		return resp.StatusCode
	}
	now := time.Now().Unix()
	assert.Equal(t, http.StatusUnauthorized, forged(now, standin.Sign("not-the-secret", now, body)), "wrong secret")
	stale := now - 6*60
	assert.Equal(t, http.StatusUnauthorized, forged(stale, standin.Sign(rig.WebhookSecret, stale, body)), "stale timestamp")
	good := standin.Sign(rig.WebhookSecret, now, body)
	assert.Equal(t, http.StatusOK, forged(now, good))
	assert.Equal(t, http.StatusUnauthorized, forged(now, good), "a replay is refused")
	waitForBotPost(t, alice, f.ConversationID, "State: In Progress → Resolved", 2*time.Second)
	assert.Len(t, botPosts(t, alice, f.ConversationID), before+1, "only the genuine request posted")

	nobody := freshIncident(t, "Nobody follows this")
	_, sysID, _ := server.ServiceNow.Find(nobody)
	assert.Equal(t, http.StatusAccepted, sendEvent(t, follow.Event{EventID: "x", Table: "incident", SysID: sysID, Number: nobody, State: "New", UpdatedOn: standin.Now()}, time.Now()))
}

func jsonNumber(n int64) string {
	raw, _ := json.Marshal(n)
	return string(raw)
}

func TestFollowPollingPicksUpChangesOnceEvenWithTheWebhook(t *testing.T) {
	configure(t, map[string]any{"FollowPollSeconds": 2})
	alice := newStaff(t)
	number, f := followByCommand(t, alice, "VPN certificate expires Friday")
	time.Sleep(3 * time.Second) // one poll takes the record as it is now

	require.NoError(t, server.ServiceNow.UpdateRecord(number, map[string]string{"state": "2"}))
	note, err := server.ServiceNow.AddJournal(number, standin.Journal{Element: "work_notes", Value: "Ordered the new certificate", CreatedBy: "david.loo"})
	require.NoError(t, err)
	waitForBotPost(t, alice, f.ConversationID, "State: New → In Progress", 8*time.Second)
	waitForBotPost(t, alice, f.ConversationID, "Ordered the new certificate", 8*time.Second)

	duplicate := eventFor(f, func(e *follow.Event) {
		e.State = "In Progress"
		e.Journal = []follow.EventJournal{{SysID: note.SysID, Element: "work_notes", Value: note.Value, CreatedBy: "david.loo", CreatedOn: note.CreatedOn}}
	})
	assert.Equal(t, http.StatusOK, sendEvent(t, duplicate, time.Now()))
	time.Sleep(3 * time.Second) // another poll
	posts := botPosts(t, alice, f.ConversationID)
	assert.Equal(t, 1, countContaining(posts, "Ordered the new certificate"), "webhook and polling together post once")
	assert.Equal(t, 1, countContaining(posts, "→ In Progress"), "one state update")
}

func TestUnfollowStopsUpdatesForThatUser(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	number, f := followByCommand(t, alice, "Wi-Fi drops in meeting rooms")
	for _, p := range []*person{bob, carol} {
		require.Contains(t, command(t, p, townSquare(t, p.client).Id, "/connect follow "+number), "You follow")
	}
	assert.Contains(t, command(t, bob, townSquare(t, bob.client).Id, "/connect unfollow "+number), "no longer follow")
	assert.Empty(t, followsOf(t, bob))
	_, err := carol.client.RemoveUserFromChannel(context.Background(), f.ConversationID, carol.Id)
	require.NoError(t, err, "leaving by Mattermost's own REST")
	require.Eventually(t, func() bool { return len(followsOf(t, carol)) == 0 }, 5*time.Second, 50*time.Millisecond, "leaving the conversation unfollows")

	assert.Equal(t, http.StatusOK, sendEvent(t, eventFor(f, func(e *follow.Event) { e.State = "On Hold" }), time.Now()))
	waitForBotPost(t, alice, f.ConversationID, "On Hold", 2*time.Second)
	for _, p := range []*person{bob, carol} {
		_, resp, err := p.client.GetPostsForChannel(context.Background(), f.ConversationID, 0, 10, "", false, false)
		require.Error(t, err)
		assert.Equal(t, http.StatusForbidden, resp.StatusCode, "%s no longer reads the record conversation", p.Username)
	}
}

func TestCustomerCannotFollowOrReadARecordConversation(t *testing.T) {
	alice := newStaff(t)
	number, f := followByCommand(t, alice, "Laptop will not boot")
	customer := newCustomer(t)

	assert.Contains(t, command(t, customer, townSquare(t, customer.client).Id, "/connect follow "+number), "Only ITIL staff")
	status, _ := call(t, customer.client, http.MethodPost, "/api/v1/follows", map[string]any{"record": number})
	assert.Equal(t, http.StatusForbidden, status)
	_, resp, err := customer.client.GetPostsForChannel(context.Background(), f.ConversationID, 0, 10, "", false, false)
	require.Error(t, err)
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)

	_, _, err = alice.client.AddChannelMember(context.Background(), f.ConversationID, customer.Id)
	if err == nil {
		require.Eventually(t, func() bool {
			_, resp, err := customer.client.GetPostsForChannel(context.Background(), f.ConversationID, 0, 10, "", false, false)
			return err != nil && resp.StatusCode == http.StatusForbidden
		}, 5*time.Second, 50*time.Millisecond, "a customer added to a record conversation is removed")
	}
	assert.Len(t, followsOf(t, alice), 1, "alice still follows")
}

func TestFollowTwoWayWritesAWorkNoteOnceAndDoesNotEchoIt(t *testing.T) {
	configure(t, map[string]any{"FollowTwoWay": true, "FollowPollSeconds": 2})
	alice := newStaff(t)
	number, f := followByCommand(t, alice, "Conference room projector flickers")

	mustPost(t, alice, f.ConversationID, "Swapped the HDMI cable")
	want := fullName(alice) + " via Connect: Swapped the HDMI cable"
	require.Eventually(t, func() bool {
		for _, j := range server.ServiceNow.JournalOf(number) {
			if j.Value == want {
				return true
			}
		}
		return false
	}, 5*time.Second, 50*time.Millisecond, "the message reaches the record as a work note")
	time.Sleep(5 * time.Second) // two polls bring the new journal entry back
	notes := 0
	for _, j := range server.ServiceNow.JournalOf(number) {
		if j.Value == want {
			notes++
			assert.Equal(t, "work_notes", j.Element)
		}
	}
	assert.Equal(t, 1, notes, "written once")
	assert.Zero(t, countContaining(botPosts(t, alice, f.ConversationID), "Swapped the HDMI cable"), "not echoed back as an update")

	assert.Contains(t, command(t, alice, f.ConversationID, "/connect follow mode comments"), "comments")
	mustPost(t, alice, f.ConversationID, "Asked the user to try again")
	require.Eventually(t, func() bool {
		for _, j := range server.ServiceNow.JournalOf(number) {
			if strings.HasSuffix(j.Value, "Asked the user to try again") {
				return j.Element == "comments"
			}
		}
		return false
	}, 5*time.Second, 50*time.Millisecond, "comments mode writes a comment")
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

func TestFollowingShowsLiveInTheUsersOtherClients(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	other := secondClient(t, alice)
	number := freshIncident(t, "Scanner on floor 2 jams")

	status, body := call(t, alice.client, http.MethodPost, "/api/v1/follows", map[string]any{"record": number})
	require.Equal(t, http.StatusOK, status, string(body))
	var f follow.Follow
	require.NoError(t, json.Unmarshal(body, &f))
	started := waitForPluginEvent(t, other, follow.ChangedEvent, aboutRecord(number, true))
	assert.Equal(t, map[string]any{"table": "incident", "sys_id": f.SysID, "number": number, "short_description": "Scanner on floor 2 jams",
		"conversation_id": f.ConversationID, "following": true}, started)

	status, body = call(t, alice.client, http.MethodDelete, "/api/v1/follows/incident/"+f.SysID, nil)
	require.Equal(t, http.StatusNoContent, status, string(body))
	ended := waitForPluginEvent(t, other, follow.ChangedEvent, aboutRecord(number, false))
	assert.Equal(t, f.ConversationID, ended["conversation_id"])

	require.Contains(t, command(t, bob, townSquare(t, bob.client).Id, "/connect follow "+number), "You follow")
	status, body = call(t, bob.client, http.MethodPost, "/api/v1/conversations/"+f.ConversationID+"/members", map[string]any{"user_ids": []string{alice.Id}})
	require.Equal(t, http.StatusOK, status, string(body))
	waitForPluginEvent(t, other, follow.ChangedEvent, aboutRecord(number, true))
	assert.Len(t, followsOf(t, alice), 1, "added to the record conversation, alice follows the record")
}
