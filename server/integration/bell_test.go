package integration

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
)

func TestBellChoicesAreTheChannelMembersNotifyProps(t *testing.T) {
	t.Cleanup(func() {
		if t.Failed() {
			t.Log(server.LogTail(60))
		}
	})
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	group := alice.groupWith(t, bob, carol)
	want := notify.Preferences{Desktop: notify.Mention, Push: notify.None, Email: notify.Mention, Muted: true}

	set := setBell(t, alice.client, group, want)
	require.Equal(t, http.StatusOK, set.Status, set.Text())
	props := notifyProps(t, group, alice.Id)
	assert.Equal(t, "mention", props["desktop"])
	assert.Equal(t, "none", props["push"])
	assert.Equal(t, "true", props["email"])
	assert.Equal(t, "mention", props["mark_unread"], "muted")
	assert.Equal(t, want, readBell(t, alice.client, group))
	event := waitForPluginEvent(t, alice.ws, notify.ChangedEvent, func(data map[string]any) bool { return data["conversation_id"] == group })
	assert.Equal(t, map[string]any{"desktop": "mention", "push": "none", "email": "mention", "muted": true}, event["preferences"])

	assert.Equal(t, notify.Preferences{Desktop: notify.Mention, Push: notify.Mention, Email: notify.None}, readBell(t, bob.client, group),
		"bob chose nothing: Mattermost's defaults, and no email (opt-in)")

	dm := alice.directWith(t, bob)
	set = setBell(t, alice.client, dm, notify.Preferences{Desktop: notify.All, Push: notify.Mention, Email: notify.None})
	assert.Equal(t, http.StatusBadRequest, set.Status)
	assert.Contains(t, errorOf(t, set.Raw), "every message there is for you")
	set = setBell(t, alice.client, dm, notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.None})
	require.Equal(t, http.StatusOK, set.Status, set.Text())
	assert.Equal(t, "false", notifyProps(t, dm, alice.Id)["email"])
}

func TestBellRefusesNonMembersAndCustomers(t *testing.T) {
	alice, bob, outsider := newStaff(t), newStaff(t), newStaff(t)
	dm := alice.directWith(t, bob)
	all := notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.All}

	assert.Equal(t, http.StatusNotFound, getBell(t, outsider.client, dm).Status)
	assert.Equal(t, http.StatusNotFound, setBell(t, outsider.client, dm, all).Status)
	assert.Equal(t, http.StatusNotFound, getBell(t, alice.client, townSquare(t, alice.client).Id).Status, "a team channel is not a Connect conversation")

	customer := newCustomer(t)
	refused := getBell(t, customer.client, dm)
	assert.Equal(t, http.StatusForbidden, refused.Status)
	assert.Contains(t, refused.Text(), "connect.not_staff")
	assert.Equal(t, http.StatusForbidden, setBell(t, customer.client, dm, all).Status)

	partial := route[notify.Preferences](t, alice.client, http.MethodPut, bellPath(dm), `{"desktop":"all"}`)
	assert.Equal(t, http.StatusBadRequest, partial.Status)
	assert.Contains(t, errorOf(t, partial.Raw), "Send every choice")
}

func TestBellSlashCommand(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	group := alice.groupWith(t, bob, carol)
	ctx := context.Background()
	run := func(channelID, line string) string {
		resp, _, err := alice.client.ExecuteCommandWithTeam(ctx, channelID, server.Teams.Support.Id, line)
		require.NoError(t, err)
		assert.Equal(t, model.CommandResponseTypeEphemeral, resp.ResponseType)
		return resp.Text
	}

	assert.Contains(t, run(group, "/connect notify never push"), "mobile push never")
	assert.Equal(t, "none", notifyProps(t, group, alice.Id)["push"])
	assert.Contains(t, run(group, "/connect notify mentions email"), "email only @mentions")
	assert.Equal(t, "true", notifyProps(t, group, alice.Id)["email"])
	assert.Contains(t, run(group, "/connect notify all"), "desktop all activity, mobile push all activity, email only @mentions")
	assert.Equal(t, "all", notifyProps(t, group, alice.Id)["desktop"])
	assert.Contains(t, run(group, "/connect notify mute"), "The conversation is muted.")
	assert.Equal(t, "mention", notifyProps(t, group, alice.Id)["mark_unread"])
	waitForPluginEvent(t, alice.ws, notify.ChangedEvent, func(data map[string]any) bool {
		prefs, _ := data["preferences"].(map[string]any)
		return data["conversation_id"] == group && prefs["muted"] == true
	})
	assert.NotContains(t, run(group, "/connect notify unmute"), "muted")
	assert.Equal(t, "Notifications for this conversation: desktop all activity, mobile push all activity, email only @mentions.", run(group, "/connect notify"))

	dm := alice.directWith(t, bob)
	assert.Contains(t, run(dm, "/connect notify mentions"), "Only @mentions is for group conversations")
	assert.Contains(t, run(townSquare(t, alice.client).Id, "/connect notify mute"), "works in a Connect conversation")

	names := suggestionsFor(t, alice.client, "/connect notify ")
	assert.Contains(t, names, "connect notify mentions")
	assert.Contains(t, names, "connect notify mute")
}

func TestBellMattermostsEmailsHonourTheChoices(t *testing.T) {
	sendEmailNotifications(t)
	alice := newStaff(t)
	never, neverClient := offlineStaff(t, "never")
	all, allClient := offlineStaff(t, "all")
	mentions, mentionsClient := offlineStaff(t, "mentions")
	unset, _ := offlineStaff(t, "unset")
	ids := []string{alice.Id, never.Id, all.Id, mentions.Id, unset.Id}
	gm, _, err := alice.client.CreateGroupChannel(context.Background(), ids)
	require.NoError(t, err)

	for client, email := range map[*model.Client4]notify.Level{neverClient: notify.None, allClient: notify.All, mentionsClient: notify.Mention} {
		set := setBell(t, client, gm.Id, notify.Preferences{Desktop: notify.All, Push: notify.All, Email: email})
		require.Equal(t, http.StatusOK, set.Status, set.Text())
	}

	mustPost(t, alice, gm.Id, "Bellcheck one for everyone")
	mustPost(t, alice, gm.Id, "Bellcheck two for @"+mentions.Username)
	for _, wait := range []struct {
		to   rig.User
		text string
	}{{all, "Bellcheck one"}, {all, "Bellcheck two"}, {mentions, "Bellcheck two"}} {
		_, err := server.Mail.WaitFor(wait.to.Email, func(m rig.Mail) bool { return strings.Contains(readableBody(t, m), wait.text) }, 30*time.Second)
		require.NoError(t, err, "%s gets an email for %q", wait.to.Username, wait.text)
	}
	time.Sleep(2 * time.Second) // emails for the same posts that should not come would have by now
	count := func(to rig.User, text string) int { return emailsTo(t, to, text) }
	assert.Equal(t, 1, count(all, "Bellcheck one"), "all: one email per message")
	assert.Equal(t, 1, count(all, "Bellcheck two"))
	assert.Equal(t, 0, count(mentions, "Bellcheck one"), "@mentions: not for a message that does not mention them")
	assert.Equal(t, 1, count(mentions, "Bellcheck two"))
	assert.Equal(t, 0, count(never, "Bellcheck"), "never: no email")
	assert.Equal(t, 0, count(unset, "Bellcheck"), "nothing chosen: no email (opt-in)")
}

// emailsTo counts the emails to someone that contain text.
func emailsTo(t *testing.T, to rig.User, text string) int {
	t.Helper()
	n := 0
	for _, m := range server.Mail.Mails() {
		for _, address := range m.To {
			if strings.EqualFold(address, to.Email) && strings.Contains(readableBody(t, m), text) {
				n++
			}
		}
	}
	return n
}

// The email hook decides from what the server remembers of each member's choices: a change in
// the bell counts for the very next message.
func TestBellEmailChangesCountForTheNextMessage(t *testing.T) {
	sendEmailNotifications(t)
	alice, bob := newStaff(t), newStaff(t)
	member, memberClient := offlineStaff(t, "changes")
	gm, _, err := alice.client.CreateGroupChannel(context.Background(), []string{alice.Id, bob.Id, member.Id})
	require.NoError(t, err)
	choose := func(email notify.Level) {
		set := setBell(t, memberClient, gm.Id, notify.Preferences{Desktop: notify.All, Push: notify.All, Email: email})
		require.Equal(t, http.StatusOK, set.Status, string(set.Raw))
	}
	arrives := func(text string) {
		_, err := server.Mail.WaitFor(member.Email, func(m rig.Mail) bool { return strings.Contains(readableBody(t, m), text) }, 30*time.Second)
		require.NoError(t, err, "an email for %q", text)
	}

	choose(notify.All)
	mustPost(t, alice, gm.Id, "Bellchange one")
	arrives("Bellchange one")
	choose(notify.Mention)
	mustPost(t, alice, gm.Id, "Bellchange two, for nobody in particular")
	mustPost(t, alice, gm.Id, "Bellchange three for @"+member.Username)
	arrives("Bellchange three")
	choose(notify.All)
	mustPost(t, alice, gm.Id, "Bellchange four")
	arrives("Bellchange four")
	time.Sleep(2 * time.Second)
	assert.Equal(t, 0, emailsTo(t, member, "Bellchange two"), "only @mentions from the moment it was chosen")
}

func TestBellFollowingMattermostsEmailSettingsEmailsThoseWhoChoseNothing(t *testing.T) {
	sendEmailNotifications(t)
	configure(t, map[string]any{"EmailRule": "follow"})
	alice := newStaff(t)
	unset, unsetClient := offlineStaff(t, "follow")
	never, neverClient := offlineStaff(t, "followsnever")
	gm, _, err := alice.client.CreateGroupChannel(context.Background(), []string{alice.Id, unset.Id, never.Id})
	require.NoError(t, err)
	set := setBell(t, neverClient, gm.Id, notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.None})
	require.Equal(t, http.StatusOK, set.Status, set.Text())
	require.Eventually(t, func() bool { return readBell(t, unsetClient, gm.Id).Email == notify.All }, 10*time.Second, 100*time.Millisecond,
		"nothing chosen: Mattermost's own email setting (on) once the rule is follow")

	mustPost(t, alice, gm.Id, "Bellfollow for everyone")
	_, err = server.Mail.WaitFor(unset.Email, func(m rig.Mail) bool { return strings.Contains(readableBody(t, m), "Bellfollow") }, 30*time.Second)
	require.NoError(t, err, "following Mattermost, a member who chose nothing gets Mattermost's email")
	time.Sleep(2 * time.Second)
	for _, m := range server.Mail.Mails() {
		for _, address := range m.To {
			assert.False(t, strings.EqualFold(address, never.Email) && strings.Contains(readableBody(t, m), "Bellfollow"), "never still means no email")
		}
	}
}
