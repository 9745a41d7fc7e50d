package integration

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/digest"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
)

func TestDigestBundlesWhatAnAwayUserHasNotRead(t *testing.T) {
	sendEmailNotifications(t)
	alice, carol := newStaff(t), newStaff(t)
	bob := optedInAway(t)
	dm := alice.directWith(t, bob)
	group := alice.groupWith(t, bob, carol)
	readLater := carol.directWith(t, bob)

	withRecord := mustPost(t, alice, dm, "Could you take "+standin.SampleIncident+" tonight? <b>bold</b>")
	waitForCards(t, alice.client, withRecord.Id, "found")
	mustPost(t, alice, dm, "The runbook is in the wiki.")
	mustPost(t, carol, group, "Finance is asking again.")
	mustPost(t, carol, readLater, "Already read this one.")
	_, _, err := bob.client.ViewChannel(context.Background(), bob.Id, &model.ChannelView{ChannelId: readLater})
	require.NoError(t, err)
	setStatus(t, bob, model.StatusOffline)

	assert.Contains(t, runDigests(t, server), "Sent")
	body := waitForDigest(t, bob, 1)
	assert.Contains(t, body, "you have 3 unread messages")
	assert.Contains(t, body, "The runbook is in the wiki.")
	assert.Contains(t, body, "Finance is asking again.")
	assert.NotContains(t, body, "Already read this one.", "a message read before the digest is not in it")
	assert.Contains(t, body, "&lt;b&gt;bold&lt;/b&gt;", "message text is escaped")
	_, sysID, _ := server.ServiceNow.Find(standin.SampleIncident)
	assert.Contains(t, body, `<a href="`+server.ServiceNowURL+`/incident.do?sys_id=`+sysID+`">`+standin.SampleIncident+`</a>`)
	assert.Contains(t, body, fullName(alice))
	assert.Contains(t, body, server.URL+"/plugins/connect-chat/workspace?conversation="+dm)
	assert.Contains(t, body, server.URL+"/_redirect/pl/")

	runDigests(t, server)
	time.Sleep(500 * time.Millisecond)
	assert.Len(t, digestsTo(t, bob), 1, "nothing new: no second email")

	mustPost(t, carol, group, "One more thing.")
	runDigests(t, server)
	second := waitForDigest(t, bob, 2)
	assert.Contains(t, second, "One more thing.")
	assert.Contains(t, second, "you have 1 unread message ")
	assert.NotContains(t, second, "Finance is asking again.", "what one digest held is not in the next")
}

func TestDigestSkipsOnlineUsersAndReadMessages(t *testing.T) {
	sendEmailNotifications(t)
	alice := newStaff(t)
	online := optedInAway(t)
	setStatus(t, online, model.StatusOnline)
	reader := optedInAway(t)
	notOptedIn := newStaff(t)
	setStatus(t, notOptedIn, model.StatusOffline)
	for _, p := range []*person{online, reader, notOptedIn} {
		mustPost(t, alice, alice.directWith(t, p), "Are you there?")
	}
	_, _, err := reader.client.ViewChannel(context.Background(), reader.Id, &model.ChannelView{ChannelId: alice.directWith(t, reader)})
	require.NoError(t, err)
	setStatus(t, reader, model.StatusOffline)

	runDigests(t, server)
	time.Sleep(time.Second)
	assert.Empty(t, digestsTo(t, online), "someone online gets no digest")
	assert.Empty(t, digestsTo(t, reader), "nothing unread: no email")
	assert.Empty(t, digestsTo(t, notOptedIn), "the digest is opt-in")
}

func TestDigestLeavesOutConversationsTheUserExcludedOrGetsEmailFor(t *testing.T) {
	sendEmailNotifications(t)
	alice, carol, erin := newStaff(t), newStaff(t), newStaff(t)
	bob := optedInAway(t)
	excluded, emailed, kept := alice.directWith(t, bob), carol.directWith(t, bob), erin.directWith(t, bob)

	left := route[string](t, bob.client, http.MethodPut, "/api/v1/conversations/"+excluded+"/digest", map[string]any{"included": false})
	require.Equal(t, http.StatusOK, left.Status, left.Text())
	bell := setBell(t, bob.client, emailed, notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.All})
	require.Equal(t, http.StatusOK, bell.Status, bell.Text())
	view := route[digest.ConversationView](t, bob.client, http.MethodGet, "/api/v1/conversations/"+emailed+"/digest", nil)
	require.Equal(t, http.StatusOK, view.Status)
	assert.False(t, view.Body.Included)
	assert.Contains(t, view.Body.Reason, "bell")

	mustPost(t, alice, excluded, "Left out on purpose.")
	mustPost(t, carol, emailed, "Mattermost emails this one.")
	mustPost(t, erin, kept, "This one is in the digest.")
	setStatus(t, bob, model.StatusOffline)
	runDigests(t, server)
	body2 := waitForDigest(t, bob, 1)
	assert.Contains(t, body2, "This one is in the digest.")
	assert.NotContains(t, body2, "Left out on purpose.")
	assert.NotContains(t, body2, "Mattermost emails this one.", "nobody gets a message both by email and in the digest")
}

func TestDigestSettingsAreCheckedAndStaffOnly(t *testing.T) {
	sendEmailNotifications(t)
	agent := newStaff(t)
	status, _ := setDigest(t, agent, map[string]any{"interval_minutes": 5})
	assert.Equal(t, http.StatusBadRequest, status)
	status, view := setDigest(t, agent, map[string]any{"enabled": true, "interval_minutes": 120})
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, digest.View{Enabled: true, IntervalMinutes: 120, MinMinutes: 15, MaxMinutes: 1440, Allowed: true, EmailAvailable: true}, view)

	resp, _, err := agent.client.ExecuteCommand(context.Background(), townSquare(t, agent.client).Id, "/connect digest")
	require.NoError(t, err)
	assert.Contains(t, resp.Text, "every 120 minutes")

	customer := newCustomer(t)
	assert.Equal(t, http.StatusForbidden, route[string](t, customer.client, http.MethodGet, "/api/v1/digest", nil).Status)
	resp, _, err = customer.client.ExecuteCommand(context.Background(), townSquare(t, customer.client).Id, "/connect digest on")
	require.NoError(t, err)
	assert.Contains(t, resp.Text, "for ITIL staff")

	configure(t, map[string]any{"DigestAllowed": false})
	require.Eventually(t, func() bool {
		return strings.Contains(route[string](t, agent.client, http.MethodGet, "/api/v1/digest", nil).Body, `"allowed":false`)
	}, 10*time.Second, 100*time.Millisecond)
	status, _ = setDigest(t, agent, map[string]any{"enabled": true})
	assert.Equal(t, http.StatusBadRequest, status)
}

func TestDigestStopLinkAsksThenStopsAndRefusesForgeries(t *testing.T) {
	sendEmailNotifications(t)
	alice := newStaff(t)
	bob := optedInAway(t)
	mustPost(t, alice, alice.directWith(t, bob), "Please stop emailing me, says Bob.")
	setStatus(t, bob, model.StatusOffline)
	runDigests(t, server)
	match := stopLink.FindStringSubmatch(waitForDigest(t, bob, 1))
	require.NotNil(t, match)
	link := html.UnescapeString(match[1])
	parsed, err := url.Parse(link)
	require.NoError(t, err)
	token := parsed.Query().Get("token")

	anonymous := &http.Client{Timeout: 10 * time.Second}
	page := mustRead(t, anonymous, http.MethodGet, link, nil)
	assert.Equal(t, http.StatusOK, page.status)
	assert.Contains(t, page.body, "Stop the digest")
	assertDigestEnabled(t, bob, true, "following the link (a mail scanner would) stops nothing")

	forged := strings.Replace(link, token, token[:len(token)-2]+"xx", 1)
	assert.Equal(t, http.StatusForbidden, mustRead(t, anonymous, http.MethodPost, forged, url.Values{"token": {token[:len(token)-2] + "xx"}}).status)
	other := strings.Replace(token, bob.Id, alice.Id, 1)
	assert.Equal(t, http.StatusForbidden, mustRead(t, anonymous, http.MethodPost, link, url.Values{"token": {other}}).status)
	assertDigestEnabled(t, bob, true, "a forged link changes nothing")

	stopped := mustRead(t, anonymous, http.MethodPost, link, url.Values{"token": {token}})
	assert.Equal(t, http.StatusOK, stopped.status)
	assert.Contains(t, stopped.body, "Your email digest is stopped")
	assertDigestEnabled(t, bob, false, "the button stops the digest without a login")
}

func TestDigestRunsOnceWhenRunsOverlap(t *testing.T) {
	sendEmailNotifications(t)
	alice := newStaff(t)
	people := awayWithDirectMessages(t, alice, 5, "Overlapping runs, message for number ")
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() { defer wg.Done(); runDigests(t, server) }()
	}
	wg.Wait()
	time.Sleep(time.Second)
	for _, p := range people {
		assert.Len(t, digestsTo(t, p), 1, "three runs at once send each digest once")
	}
}
