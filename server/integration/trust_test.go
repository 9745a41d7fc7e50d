package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func TestRecordDetailsReachStaffOnly(t *testing.T) {
	alice, bob, dm := staffPair(t)
	dave := newCustomer(t)
	number := freshIncident(t, "Printer on 3rd floor jams")

	t.Run("a customer in a DM with themselves", func(t *testing.T) {
		self := dave.directWith(t, dave)
		posted := mustPost(t, dave, self, "what is "+number+"?")
		assertNumberAndLinkOnly(t, waitForCards(t, dave.client, posted.Id, "restricted"), number)
	})
	t.Run("staff in a team channel with customers", func(t *testing.T) {
		posted := mustPost(t, alice, townSquare(t, alice.client).Id, "looking at "+number)
		assertNumberAndLinkOnly(t, waitForCards(t, dave.client, posted.Id, "restricted"), number)
	})
	t.Run("staff among themselves", func(t *testing.T) {
		posted := mustPost(t, alice, dm, "looking at "+number)
		card := cardsOn(waitForCards(t, bob.client, posted.Id, "found"))[0]
		assert.Contains(t, card.Title, "Printer on 3rd floor jams")
		assert.NotEmpty(t, card.Fields["State"])
	})
	t.Run("a card refreshed after a customer joined the channel", func(t *testing.T) {
		channel, _, err := alice.client.CreateChannel(context.Background(), &model.Channel{
			TeamId: server.Teams.Support.Id, Name: "ops-" + strings.ToLower(model.NewId()[:8]), DisplayName: "Ops", Type: model.ChannelTypeOpen,
		})
		require.NoError(t, err)
		posted := mustPost(t, alice, channel.Id, number)
		waitForCards(t, alice.client, posted.Id, "found")
		_, _, err = alice.client.AddChannelMember(context.Background(), channel.Id, dave.Id)
		require.NoError(t, err)
		require.Eventually(t, func() bool {
			return route[string](t, alice.client, http.MethodPost, "/api/v1/posts/"+posted.Id+"/cards/refresh", nil).Status == http.StatusOK
		}, 10*time.Second, 200*time.Millisecond)
		assertNumberAndLinkOnly(t, waitForCards(t, dave.client, posted.Id, "restricted"), number)
	})
	t.Run("/connect record for a customer", func(t *testing.T) {
		server.ServiceNow.ResetRequests()
		resp, _, err := dave.client.ExecuteCommandWithTeam(context.Background(), townSquare(t, dave.client).Id, server.Teams.Support.Id, "/connect record INC0099999")
		require.NoError(t, err)
		assert.Equal(t, "Only ITIL staff can link ServiceNow records with /connect record.", resp.Text)
		assert.Empty(t, server.ServiceNow.Requests(), "no hint of which numbers exist")
	})
}

func TestRecordLinksToOtherTablesAreNeverLookedUp(t *testing.T) {
	alice, _, dm := staffPair(t)
	server.ServiceNow.ResetRequests()
	link := server.ServiceNowURL + "/sys_user.do?sys_id=" + strings.Repeat("a", 32)
	posted := mustPost(t, alice, dm, "who is "+link)
	assert.Empty(t, posted.Attachments(), "no card for a table no prefix maps")
	time.Sleep(time.Second)
	for _, r := range server.ServiceNow.Requests() {
		assert.NotEqual(t, "/api/now/table/sys_user", r.Path)
	}
}

func TestAChangedEmailClaimsNoServiceNowRole(t *testing.T) {
	alice := newStaff(t)
	mallory := newCustomer(t)
	holder := "rhea-" + strings.ToLower(model.NewId()[:8]) + "@connect.example.com"
	server.ServiceNow.AddRoleHolder(standin.SampleRole, standin.User{UserName: "rhea", Email: holder, Active: true})
	email := holder
	_, _, err := mallory.client.PatchUser(context.Background(), mallory.Id, &model.UserPatch{Email: &email, Password: model.NewPointer(rig.Password)})
	require.NoError(t, err)

	admin := login(t, server.Admin)
	resp, _, err := admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect staff sync")
	require.NoError(t, err)
	require.Contains(t, resp.Text, "ServiceNow role sync done")
	check, _, err := admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect staff check @"+mallory.Username)
	require.NoError(t, err)
	assert.Contains(t, check.Text, "Mattermost has not verified that address")
	_, err = mallory.post(mallory.directWith(t, alice), "hi, I am staff now")
	assert.ErrorContains(t, err, refusedFor(mallory.Username))

	_, _, err = admin.VerifyUserEmailWithoutToken(context.Background(), mallory.Id)
	require.NoError(t, err)
	check, _, err = admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect staff check @"+mallory.Username)
	require.NoError(t, err)
	assert.Contains(t, check.Text, "holds the ServiceNow role itil (as "+holder+")", "a verified address counts")
}

func TestAStaffTeamAnyoneCanJoinIsFlagged(t *testing.T) {
	admin := login(t, server.Admin)
	setOpen := func(open bool) {
		_, _, err := admin.PatchTeam(context.Background(), server.Teams.ITIL.Id, &model.TeamPatch{AllowOpenInvite: model.NewPointer(open)})
		require.NoError(t, err)
	}
	setOpen(true)
	t.Cleanup(func() { setOpen(false) })

	warnings := fmt.Sprint(adminHealth(t)["staff"].(map[string]any)["warnings"])
	assert.Contains(t, warnings, "The staff team itil is open: anyone with an account on this server can join it")
	resp, _, err := admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect staff stats")
	require.NoError(t, err)
	assert.Contains(t, resp.Text, ":warning: The staff team itil is open")
}

func TestTheHeaderOfAMixedConversationCannotBeSetByAnyone(t *testing.T) {
	alice, dave := newStaff(t), newCustomer(t)
	dm := alice.directWith(t, dave)
	_, _, _ = dave.client.PatchChannel(context.Background(), dm, &model.ChannelPatch{Header: model.NewPointer("Closed by IT - reply with your password")})
	assert.Contains(t, waitForEphemeral(t, dave.ws, dm).Message, "Not changed: "+refusedFor(dave.Username))
	require.Eventually(t, func() bool {
		channel, _, err := alice.client.GetChannel(context.Background(), dm, "")
		return err == nil && channel.Header == ""
	}, 5*time.Second, 50*time.Millisecond, "the header is put back")
	list, _, err := alice.client.GetPostsForChannel(context.Background(), dm, 0, 50, "", false, false)
	require.NoError(t, err)
	for _, post := range list.Posts {
		assert.NotContains(t, fmt.Sprint(post.Props), "reply with your password", "no system post carries the text")
	}
}

func TestAStaffGroupMessageConvertedToAChannelStaysStaffOnly(t *testing.T) {
	alice, bob, carol, dave := newStaff(t), newStaff(t), newStaff(t), newCustomer(t)
	gm := alice.groupWith(t, bob, carol)
	mustPost(t, alice, gm, "the change plan for tonight")
	name := "plan-" + strings.ToLower(model.NewId()[:8])
	request, err := json.Marshal(model.GroupMessageConversionRequestBody{ChannelID: gm, TeamID: server.Teams.Support.Id, Name: name, DisplayName: "Change plan"})
	require.NoError(t, err)
	converted, err := alice.client.DoAPIPost(context.Background(), "/channels/"+gm+"/convert_to_channel", string(request))
	require.NoError(t, err, "Mattermost's own convert to channel")
	_ = converted.Body.Close()
	require.Eventually(t, func() bool {
		channel, _, err := alice.client.GetChannel(context.Background(), gm, "")
		return err == nil && channel.Type == model.ChannelTypePrivate && channel.CreatorId != alice.Id
	}, 10*time.Second, 100*time.Millisecond, "Connect takes the group over")

	_, _, err = alice.client.AddChannelMember(context.Background(), gm, dave.Id)
	require.NoError(t, err)
	_, err = dave.post(gm, "let me in")
	assert.Error(t, err, "the customer may not post")
	require.Eventually(t, func() bool {
		_, resp, err := alice.client.GetChannelMember(context.Background(), gm, dave.Id, "")
		return err != nil && resp.StatusCode == http.StatusNotFound
	}, 10*time.Second, 100*time.Millisecond, "and is removed")
	assert.Equal(t, []string{"the change plan for tonight"}, messages(t, alice.client, gm))
}

func TestSomeoneJustAddedToAGroupCannotPostBeforeTheyAreRemoved(t *testing.T) {
	configure(t, map[string]any{"ConversationTeam": "support"}) // a team customers are in too
	alice, bob, carol, dave := newStaff(t), newStaff(t), newStaff(t), newCustomer(t)
	var group *model.Channel
	require.Eventually(t, func() bool {
		var err error
		group, _, err = alice.client.GetChannel(context.Background(), alice.start(t, http.StatusCreated, bob, carol).ID, "")
		return err == nil && group.TeamId == server.Teams.Support.Id
	}, 10*time.Second, 200*time.Millisecond, "groups are made in the support team")
	_, _, err := alice.client.AddChannelMember(context.Background(), group.Id, dave.Id)
	require.NoError(t, err)
	for i := range 30 {
		_, _ = dave.post(group.Id, fmt.Sprintf("attempt %d", i))
	}
	for _, text := range messages(t, alice.client, group.Id) {
		assert.NotContains(t, text, "attempt")
	}
}

func TestADeactivatedMemberDoesNotFreezeAGroup(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	gm := alice.groupWith(t, bob, carol)
	_, err := login(t, server.Admin).UpdateUserActive(context.Background(), carol.Id, false)
	require.NoError(t, err)
	require.Eventually(t, func() bool { _, err := alice.post(gm, "carol has left the company"); return err == nil },
		10*time.Second, 200*time.Millisecond, "posting goes on without carol")
}

func TestReactionsInAMixedConversationAreTakenBack(t *testing.T) {
	alice, dave := newStaff(t), newCustomer(t)
	require.NoError(t, server.ConfigurePlugin(context.Background(), map[string]any{"EnforcementMode": "off"}))
	dm := alice.directWith(t, dave)
	var posted *model.Post
	require.Eventually(t, func() bool { var err error; posted, err = alice.post(dm, "before the rules"); return err == nil },
		10*time.Second, 100*time.Millisecond)
	configure(t, map[string]any{"EnforcementMode": "enforce"})

	_, _, err := dave.client.SaveReaction(context.Background(), &model.Reaction{UserId: dave.Id, PostId: posted.Id, EmojiName: "thumbsup"})
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		reactions, _, err := alice.client.GetReactions(context.Background(), posted.Id)
		return err == nil && len(reactions) == 0
	}, 5*time.Second, 100*time.Millisecond, "the reaction is taken back")
}

func TestAnEditCannotForgeConnectsCards(t *testing.T) {
	alice, bob, dm := staffPair(t)
	posted := mustPost(t, alice, dm, standin.SampleIncident+" is fixed")
	filled := waitForCards(t, bob.client, posted.Id, "found")
	original := cardsOn(filled)[0]
	assert.Zero(t, filled.EditAt, "Connect's own card update is not an edit")

	forged := filled.Clone()
	forged.AddProp(model.PostPropsAttachments, []*model.SlackAttachment{{Title: "Closed by IT - reply with your password", TitleLink: "https://evil.example.com"}})
	_, _, err := alice.client.UpdatePost(context.Background(), posted.Id, forged)
	require.NoError(t, err)
	after, _, err := bob.client.GetPost(context.Background(), posted.Id, "")
	require.NoError(t, err)
	require.Len(t, cardsOn(after), 1)
	assert.Equal(t, original.Title, cardsOn(after)[0].Title, "Connect's card stays")
	assert.Equal(t, original.TitleLink, cardsOn(after)[0].TitleLink)
	assert.NotZero(t, after.EditAt, "and the update shows as an edit")
}

func TestCardsLoadingDuringARestartFillInAfterIt(t *testing.T) {
	alice, bob, dm := staffPair(t)
	number := freshIncident(t, "Restart test")
	server.ServiceNow.SetFault(standin.Fault{Latency: 30 * time.Second})
	t.Cleanup(server.ServiceNow.ClearFault)
	var posts []*model.Post
	for i := range 3 {
		posts = append(posts, mustPost(t, alice, dm, fmt.Sprintf("%s update %d", number, i)))
	}
	stopping := time.Now()
	require.NoError(t, server.SetPluginEnabled(context.Background(), false))
	t.Logf("disabling the plugin with 3 fills waiting on ServiceNow took %v", time.Since(stopping).Round(time.Millisecond))
	server.ServiceNow.ClearFault()
	require.NoError(t, server.SetPluginEnabled(context.Background(), true))
	for _, p := range posts {
		filled := waitForCards(t, bob.client, p.Id, "found")
		assert.Zero(t, filled.EditAt, "no edit mark from a fill")
	}
}

func TestACardKeepsItsDetailsThroughAnOutage(t *testing.T) {
	configure(t, map[string]any{"RecordCacheSeconds": 10})
	alice, bob, dm := staffPair(t)
	number := freshIncident(t, "Outage stale test")
	posted := mustPost(t, alice, dm, number)
	details := cardsOn(waitForCards(t, bob.client, posted.Id, "found"))[0]

	time.Sleep(11 * time.Second) // past the cache
	server.ServiceNow.SetFault(standin.Fault{Status: 503})
	t.Cleanup(server.ServiceNow.ClearFault)
	refreshed := route[string](t, bob.client, http.MethodPost, "/api/v1/posts/"+posted.Id+"/cards/refresh", nil)
	require.Equal(t, http.StatusOK, refreshed.Status, refreshed.Body)
	after, _, err := bob.client.GetPost(context.Background(), posted.Id, "")
	require.NoError(t, err)
	stale := after.Attachments()[0]
	assert.Equal(t, details.Title, stale.Title)
	assert.Equal(t, details.Fields, cardsOn(after)[0].Fields, "the last details stay")
	assert.Contains(t, stale.Footer, "may be out of date")
}

func TestCardsSayWhatWentWrongInWords(t *testing.T) {
	alice, _, dm := staffPair(t)
	number := freshIncident(t, "Words test")
	server.ServiceNow.SetFault(standin.Fault{Status: 503})
	t.Cleanup(server.ServiceNow.ClearFault)
	posted := mustPost(t, alice, dm, number)
	text := cardsOn(waitForCards(t, alice.client, posted.Id, "unavailable"))[0].Text
	assert.Equal(t, "Details unavailable:\u2060 ServiceNow could not be reached\\. They fill in when ServiceNow answers\\.", text)
	assert.Contains(t, fmt.Sprint(adminHealth(t)["records"]), "503", "admins get the detail")
}

func TestPostsMadeWhileThePluginWasDownAreHandledWhenItIsBack(t *testing.T) {
	alice, dave := newStaff(t), newCustomer(t)
	bob := newStaff(t)
	mixed := alice.directWith(t, dave)
	staffDM := alice.directWith(t, bob)
	number := freshIncident(t, "Posted while Connect was down")
	time.Sleep(11 * time.Second) // a heartbeat notes the plugin alive with these channels in place

	require.NoError(t, server.KillPlugin())
	var sneaked *model.Post
	require.Eventually(t, func() bool {
		var err error
		sneaked, err = dave.post(mixed, "my password is hunter2")
		return err == nil
	}, 10*time.Second, 50*time.Millisecond, "with the plugin dead Mattermost takes the post")
	carded := mustPost(t, alice, staffDM, "see "+number)
	require.NoError(t, server.SetPluginEnabled(context.Background(), false))
	require.NoError(t, server.SetPluginEnabled(context.Background(), true))

	require.Eventually(t, func() bool {
		_, resp, _ := alice.client.GetPost(context.Background(), sneaked.Id, "")
		return resp != nil && resp.StatusCode == http.StatusNotFound
	}, 30*time.Second, 200*time.Millisecond, "the refused message is removed from the conversation")
	waitForCards(t, bob.client, carded.Id, "found")

	bot, _, err := dave.client.GetUserByUsername(context.Background(), "connect", "")
	require.NoError(t, err)
	withBot, _, err := dave.client.CreateDirectChannel(context.Background(), dave.Id, bot.Id)
	require.NoError(t, err)
	told := strings.Join(messages(t, dave.client, withBot.Id), "\n")
	assert.Contains(t, told, refusedFor(dave.Username))
	assert.Contains(t, told, "> my password is hunter2", "the author gets the text back")
	assert.NotZero(t, adminHealth(t)["recovery"].(map[string]any)["removed"])
}

func TestGroupNamesAndBodiesAreChecked(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	cases := []struct {
		body any
		want string
	}{
		{map[string]any{"user_ids": idsOf(bob, carol), "name": "Ops\x00"}, "A group name cannot contain control characters such as line breaks or NUL."},
		{map[string]any{"user_ids": idsOf(bob, carol), "name": "\u200b\u200d\u2060"}, "A group name needs at least one visible character."},
		{map[string]any{"user_ids": idsOf(bob, carol), "name": "\x07\x1b"}, "A group name cannot contain control characters such as line breaks or NUL."},
	}
	for _, c := range cases {
		refused := route[string](t, alice.client, http.MethodPost, "/api/v1/conversations", c.body)
		assert.Equal(t, http.StatusBadRequest, refused.Status, refused.Body)
		assert.Equal(t, c.want, errorOf(t, refused.Raw))
	}
	trailing := route[string](t, alice.client, http.MethodPost, "/api/v1/conversations", `{"user_ids":["`+bob.Id+`","`+carol.Id+`"]}{"x":1}`)
	assert.Equal(t, http.StatusBadRequest, trailing.Status, trailing.Body)
	assert.Equal(t, "The request body must be one JSON object, with nothing after it.", errorOf(t, trailing.Raw))
}

func TestMeAndShrugInAMixedConversationSayWhy(t *testing.T) {
	alice, dave := newStaff(t), newCustomer(t)
	dm := alice.directWith(t, dave)
	for _, command := range []string{"/me waves", "/shrug no idea"} {
		_, _, _ = dave.client.ExecuteCommandWithTeam(context.Background(), dm, server.Teams.Support.Id, command)
		assert.Equal(t, "Not sent: "+refusedFor(dave.Username), waitForEphemeral(t, dave.ws, dm).Message, command)
	}
	assert.Empty(t, messages(t, alice.client, dm))
}
