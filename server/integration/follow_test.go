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
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
)

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
	require.Len(t, actions, 2)
	assert.Equal(t, "Follow", actions[0].Name)
	assert.Equal(t, "Bring in the team", actions[1].Name)

	_, err := alice.client.DoPostActionWithCookie(context.Background(), post.Id, actions[0].Id, "", "")
	require.NoError(t, err)
	follows := followsOf(t, alice)
	require.Len(t, follows, 1, "the click followed the record as the user who clicked")
	assert.Equal(t, number, follows[0].Number)
	assert.Empty(t, followsOf(t, bob), "nobody else follows it")

	followed := route[follow.Follow](t, bob.client, http.MethodPost, "/api/v1/follows", map[string]any{"record": number})
	require.Equal(t, http.StatusOK, followed.Status, followed.Text())
	require.Len(t, followsOf(t, bob), 1)
	assert.Equal(t, follows[0].ConversationID, followsOf(t, bob)[0].ConversationID)

	assert.Equal(t, http.StatusBadRequest, route[string](t, bob.client, http.MethodPost, "/api/v1/follows", map[string]any{"record": "not a record"}).Status)
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
	assert.Equal(t, http.StatusForbidden, route[string](t, customer.client, http.MethodPost, "/api/v1/follows", map[string]any{"record": number}).Status)
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

func TestFollowingShowsLiveInTheUsersOtherClients(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	other := secondClient(t, alice)
	number := freshIncident(t, "Scanner on floor 2 jams")

	followed := route[follow.Follow](t, alice.client, http.MethodPost, "/api/v1/follows", map[string]any{"record": number})
	require.Equal(t, http.StatusOK, followed.Status, followed.Text())
	f := followed.Body
	started := waitForPluginEvent(t, other, follow.ChangedEvent, aboutRecord(number, true))
	assert.Equal(t, map[string]any{"table": "incident", "sys_id": f.SysID, "number": number, "short_description": "Scanner on floor 2 jams",
		"conversation_id": f.ConversationID, "following": true}, started)

	unfollowed := route[string](t, alice.client, http.MethodDelete, "/api/v1/follows/incident/"+f.SysID, nil)
	require.Equal(t, http.StatusNoContent, unfollowed.Status, unfollowed.Text())
	ended := waitForPluginEvent(t, other, follow.ChangedEvent, aboutRecord(number, false))
	assert.Equal(t, f.ConversationID, ended["conversation_id"])

	require.Contains(t, command(t, bob, townSquare(t, bob.client).Id, "/connect follow "+number), "You follow")
	added := route[string](t, bob.client, http.MethodPost, "/api/v1/conversations/"+f.ConversationID+"/members", map[string]any{"user_ids": []string{alice.Id}})
	require.Equal(t, http.StatusOK, added.Status, added.Text())
	waitForPluginEvent(t, other, follow.ChangedEvent, aboutRecord(number, true))
	assert.Len(t, followsOf(t, alice), 1, "added to the record conversation, alice follows the record")
}
