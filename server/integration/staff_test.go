package integration

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func TestStaffConversationsWork(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	dm := alice.directWith(t, bob)
	_, err := alice.post(dm, "Can you take INC0010001?")
	require.NoError(t, err)
	_, err = bob.post(dm, "On it")
	require.NoError(t, err)
	gm := alice.groupWith(t, bob, carol)
	_, err = carol.post(gm, "Change window at 22:00")
	require.NoError(t, err)
	require.NoError(t, alice.upload(dm))
	assert.Equal(t, []string{"On it", "Can you take INC0010001?"}, messages(t, alice.client, dm))
}

func TestMixedConversationsAreRefusedInEnforceMode(t *testing.T) {
	alice, bob, dave := newStaff(t), newStaff(t), newCustomer(t)
	cases := map[string]struct {
		author  *person
		channel string
	}{
		"staff to customer":     {alice, alice.directWith(t, dave)},
		"customer to staff":     {dave, dave.directWith(t, alice)},
		"group with a customer": {bob, bob.groupWith(t, alice, dave)},
	}
	for name, c := range cases {
		_, err := c.author.post(c.channel, "Here is the password reset link")
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), refusedFor(dave.Username), name)
		assert.Contains(t, waitForEphemeral(t, c.author.ws, c.channel).Message, "Not sent: "+refusedFor(dave.Username), name)

		err = c.author.upload(c.channel)
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), refusedFor(dave.Username), name)
		assert.Empty(t, messages(t, c.author.client, c.channel), name)
	}
}

func TestWarnModeLetsMessagesThroughWithAWarning(t *testing.T) {
	configure(t, map[string]any{"EnforcementMode": "warn"})
	alice, dave := newStaff(t), newCustomer(t)
	dm := alice.directWith(t, dave)
	_, err := alice.post(dm, "Your laptop is ready")
	require.NoError(t, err)
	assert.Equal(t, "Sent, but note: "+refusedFor(dave.Username), waitForEphemeral(t, alice.ws, dm).Message)
	require.NoError(t, dave.upload(dm))
}

func TestOffModeLetsMessagesThroughSilently(t *testing.T) {
	configure(t, map[string]any{"EnforcementMode": "off"})
	alice, dave := newStaff(t), newCustomer(t)
	dm := alice.directWith(t, dave)
	_, err := dave.post(dm, "Thanks!")
	require.NoError(t, err)
	assertNoEphemeral(t, dave.ws, dm)
}

func TestEveryOtherPathIsRefusedToo(t *testing.T) {
	alice, bob, dave := newStaff(t), newStaff(t), newCustomer(t)
	channel := townSquare(t, alice.client)

	t.Run("/msg", func(t *testing.T) {
		_, _, _ = alice.client.ExecuteCommand(context.Background(), channel.Id, "/msg @"+dave.Username+" your ticket is closed")
		dm := alice.directWith(t, dave)
		assert.Contains(t, waitForEphemeral(t, alice.ws, dm).Message, refusedFor(dave.Username))
		assert.Empty(t, messages(t, alice.client, dm))
	})
	t.Run("/groupmsg", func(t *testing.T) {
		_, _, _ = bob.client.ExecuteCommand(context.Background(), channel.Id,
			"/groupmsg @"+alice.Username+",@"+dave.Username+" status update")
		gm := bob.groupWith(t, alice, dave)
		assert.Contains(t, waitForEphemeral(t, bob.ws, gm).Message, refusedFor(dave.Username))
		assert.Empty(t, messages(t, bob.client, gm))
	})
	t.Run("incoming webhook", func(t *testing.T) {
		admin := login(t, server.Admin)
		hook, _, err := admin.CreateIncomingWebhook(context.Background(), &model.IncomingWebhook{ChannelId: channel.Id, DisplayName: "alerts"})
		require.NoError(t, err)
		payload, _ := json.Marshal(map[string]string{"channel": "@" + dave.Username, "text": "automated note"})
		resp, err := http.Post(server.URL+"/hooks/"+hook.Id, "application/json", bytes.NewReader(payload))
		require.NoError(t, err)
		defer resp.Body.Close()
		assert.NotEqual(t, http.StatusOK, resp.StatusCode)
		dm, _, err := admin.CreateDirectChannel(context.Background(), server.Admin.Id, dave.Id)
		require.NoError(t, err)
		assert.Empty(t, messages(t, admin, dm.Id))
	})
	t.Run("the plugin's own /connect record", func(t *testing.T) {
		dm := alice.directWith(t, dave)
		resp, _, err := alice.client.ExecuteCommandWithTeam(context.Background(), dm, server.Teams.Support.Id, "/connect record "+standin.SampleIncident)
		require.NoError(t, err)
		assert.Contains(t, resp.Text, refusedFor(dave.Username))
		assert.Empty(t, messages(t, alice.client, dm))
	})
	t.Run("editing an earlier message", func(t *testing.T) {
		dm := alice.directWith(t, dave)
		require.NoError(t, server.ConfigurePlugin(context.Background(), map[string]any{"EnforcementMode": "off"}))
		require.Eventually(t, func() bool { _, err := alice.post(dm, "hello"); return err == nil }, 10*time.Second, 100*time.Millisecond)
		require.NoError(t, server.ConfigurePlugin(context.Background(), nil))
		list, _, err := alice.client.GetPostsForChannel(context.Background(), dm, 0, 1, "", false, false)
		require.NoError(t, err)
		post := list.Posts[list.Order[0]]
		require.Eventually(t, func() bool {
			_, _, err := alice.client.PatchPost(context.Background(), post.Id, &model.PostPatch{Message: model.NewPointer("the VPN password is ...")})
			return err != nil && strings.Contains(err.Error(), refusedFor(dave.Username))
		}, 10*time.Second, 100*time.Millisecond)
	})
}

func TestTeamChannelsAndBotsAreNeverTouched(t *testing.T) {
	alice, dave := newStaff(t), newCustomer(t)
	_, err := dave.post(townSquare(t, dave.client).Id, "Is the printer fixed?")
	require.NoError(t, err)

	admin := login(t, server.Admin)
	bot, _, err := admin.CreateBot(context.Background(), &model.Bot{Username: "monitor-" + strings.ToLower(model.NewId()[:6])})
	require.NoError(t, err)
	botDM, _, err := dave.client.CreateDirectChannel(context.Background(), dave.Id, bot.UserId)
	require.NoError(t, err)
	_, err = dave.post(botDM.Id, "status")
	require.NoError(t, err)
	aliceBotDM, _, err := alice.client.CreateDirectChannel(context.Background(), alice.Id, bot.UserId)
	require.NoError(t, err)
	_, err = alice.post(aliceBotDM.Id, "status")
	require.NoError(t, err)
}

func TestStaffTeamMembershipCountsWithinSeconds(t *testing.T) {
	alice, newcomer := newStaff(t), newCustomer(t)
	other := newCustomer(t)
	dm := newcomer.directWith(t, alice)
	_, err := newcomer.post(dm, "first day!")
	require.Error(t, err, "not staff yet")

	admin := login(t, server.Admin)
	_, _, err = admin.AddTeamMember(context.Background(), server.Teams.ITIL.Id, newcomer.Id)
	require.NoError(t, err)
	require.Eventually(t, func() bool { _, err := newcomer.post(dm, "joined the ITIL team"); return err == nil },
		5*time.Second, 100*time.Millisecond)

	_, err = admin.RemoveTeamMember(context.Background(), server.Teams.ITIL.Id, newcomer.Id)
	require.NoError(t, err)
	require.Eventually(t, func() bool { _, err := newcomer.post(dm, "still here?"); return err != nil },
		5*time.Second, 100*time.Millisecond)
	_, err = other.post(other.directWith(t, newcomer), "two customers may talk")
	require.NoError(t, err, "a conversation without staff is not a Connect conversation")
}

func TestServiceNowRoleHoldersBecomeStaff(t *testing.T) {
	admin := login(t, server.Admin)
	alice, rita := newStaff(t), newCustomer(t)
	dm := rita.directWith(t, alice)
	_, err := rita.post(dm, "hello")
	require.Error(t, err, "rita holds no role yet")

	server.ServiceNow.AddRoleHolder("itil", standin.User{UserName: rita.Username, Email: rita.Email, Active: true})
	resp, _, err := admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect staff sync")
	require.NoError(t, err)
	assert.Regexp(t, `^ServiceNow role sync done: \d+ role holders\.$`, resp.Text)
	_, err = rita.post(dm, "I hold itil now")
	require.NoError(t, err)

	check, _, err := admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect staff check @"+rita.Username)
	require.NoError(t, err)
	assert.Equal(t, "@"+rita.Username+" is ITIL staff: @"+rita.Username+" holds the ServiceNow role itil (as "+rita.Email+").", check.Text)
}

func TestServiceNowOutageKeepsTheLastStaffSet(t *testing.T) {
	admin := login(t, server.Admin)
	alice, rita := newStaff(t), newCustomer(t)
	server.ServiceNow.AddRoleHolder("itil", standin.User{UserName: rita.Username, Email: rita.Email, Active: true})
	_, _, err := admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect staff sync")
	require.NoError(t, err)

	server.ServiceNow.SetFault(standin.Fault{Status: http.StatusServiceUnavailable})
	t.Cleanup(server.ServiceNow.ClearFault)
	resp, _, err := admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect staff sync")
	require.NoError(t, err)
	assert.Contains(t, resp.Text, "ServiceNow role sync failed, the last good staff set stays in force")

	_, err = rita.post(rita.directWith(t, alice), "still staff during the outage")
	require.NoError(t, err)
	sync := adminHealth(t)["staff"].(map[string]any)["sync"].(map[string]any)
	assert.NotEmpty(t, sync["last_error"])
	assert.NotZero(t, sync["holders"])
	bot, _, err := admin.GetUserByUsername(context.Background(), "connect", "")
	require.NoError(t, err)
	alert, _, err := admin.CreateDirectChannel(context.Background(), server.Admin.Id, bot.Id)
	require.NoError(t, err)
	assert.Contains(t, strings.Join(messages(t, admin, alert.Id), "\n"), "Connect Chat needs attention")
}

func TestStaffCommandsNeedAnAdmin(t *testing.T) {
	alice := newStaff(t)
	for _, line := range []string{"/connect staff sync", "/connect staff stats", "/connect staff check @" + alice.Username} {
		resp, _, err := alice.client.ExecuteCommand(context.Background(), townSquare(t, alice.client).Id, line)
		require.NoError(t, err)
		assert.Equal(t, "Only system admins can use `/connect staff`.", resp.Text, line)
	}
	admin := login(t, server.Admin)
	stats, _, err := admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect staff stats")
	require.NoError(t, err)
	assert.Contains(t, stats.Text, "- Staff teams: itil")
}

func TestStaffPickerFindsStaffOnly(t *testing.T) {
	alice, dave := newStaff(t), newCustomer(t)
	colleague := newPerson(t, "picker", server.Teams.ITIL)
	_ = newPerson(t, "picker", server.Teams.Support)

	type staffPage struct {
		People []struct{ ID, Username string } `json:"people"`
	}
	page := route[staffPage](t, alice.client, http.MethodGet, "/api/v1/staff?q=picker", nil)
	require.Equal(t, http.StatusOK, page.Status, page.Text())
	require.Len(t, page.Body.People, 1)
	assert.Equal(t, colleague.Username, page.Body.People[0].Username)

	page = route[staffPage](t, alice.client, http.MethodGet, "/api/v1/staff?q="+url.QueryEscape("picker tester"), nil)
	require.Equal(t, http.StatusOK, page.Status, page.Text())
	require.Len(t, page.Body.People, 1, "full names match too")
	assert.Equal(t, colleague.Username, page.Body.People[0].Username)

	refused := route[string](t, dave.client, http.MethodGet, "/api/v1/staff?q=picker", nil)
	assert.Equal(t, http.StatusForbidden, refused.Status)
	assert.Contains(t, refused.Body, "Connect Chat is for ITIL staff only.")
	assert.Equal(t, http.StatusUnauthorized, route[string](t, nil, http.MethodGet, "/api/v1/staff?q=picker", nil).Status)
}
