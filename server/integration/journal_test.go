package integration

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func TestSavingPickedMessagesWritesThemOnceAsOneEntry(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	channelID := alice.groupWith(t, bob, newStaff(t))
	number := freshIncident(t, "VPN drops every hour")
	first := mustPost(t, alice, channelID, "VPN dropped again at 10:00")
	second := mustPost(t, bob, channelID, "Same here, on the office Wi-Fi")
	shared := bob.share(t, channelID, "vpn.log", "disconnect reason 812")
	mustPost(t, alice, channelID, "Not this one")

	saved := save(t, alice, channelID, map[string]any{"record": number, "post_ids": []string{second.Id, first.Id}, "kind": "work_notes"})
	require.Equal(t, http.StatusOK, saved.Status, saved.Text())
	assert.Equal(t, 2, saved.Body.Saved)
	assert.Zero(t, saved.Body.Already)
	assert.False(t, saved.Body.Queued)
	assert.Equal(t, number, saved.Body.Number)
	assert.Equal(t, "VPN drops every hour", saved.Body.Card.ShortDescription, "the answer carries the record's card")
	assert.Contains(t, saved.Body.Link, "sys_id=")
	entry := fullName(alice) + " via Connect: conversation excerpt\n" +
		excerptLine(alice, first, "VPN dropped again at 10:00") + "\n" +
		excerptLine(bob, second, "Same here, on the office Wi-Fi")
	waitForJournal(t, number, entry, 5*time.Second)
	assert.Len(t, entriesOf(number, "work_notes"), 1)

	again := save(t, alice, channelID, map[string]any{"record": number, "post_ids": []string{first.Id, second.Id, shared.Id}, "kind": "comments"})
	require.Equal(t, http.StatusOK, again.Status, again.Text())
	assert.Equal(t, 1, again.Body.Saved)
	assert.Equal(t, 2, again.Body.Already)
	onlyNew := fullName(alice) + " via Connect: conversation excerpt\n" + excerptLine(bob, shared, "file: vpn.log (files: vpn.log)")
	waitForJournal(t, number, onlyNew, 5*time.Second)
	require.Len(t, entriesOf(number, "comments"), 1, "the new message goes as a comment")

	repeat := save(t, bob, channelID, map[string]any{"record": number, "post_ids": []string{first.Id}})
	require.Equal(t, http.StatusOK, repeat.Status, repeat.Text())
	assert.Equal(t, 0, repeat.Body.Saved)
	assert.Equal(t, 1, repeat.Body.Already)
	time.Sleep(time.Second)
	assert.Len(t, server.ServiceNow.JournalOf(number), 2, "nothing written for messages already saved")
}

func TestSavingFromHereToTheEnd(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	channelID := alice.directWith(t, bob)
	number := freshIncident(t, "Printer queue stuck")
	mustPost(t, alice, channelID, "before")
	from := mustPost(t, bob, channelID, "Cleared the spooler")
	last := mustPost(t, alice, channelID, "Works now")

	saved := save(t, bob, channelID, map[string]any{"record": number, "from_post_id": from.Id})
	require.Equal(t, http.StatusOK, saved.Status, saved.Text())
	assert.Equal(t, 2, saved.Body.Saved)
	waitForJournal(t, number, fullName(bob)+" via Connect: conversation excerpt\n"+
		excerptLine(bob, from, "Cleared the spooler")+"\n"+excerptLine(alice, last, "Works now"), 5*time.Second)
}

func TestSavingIsRefusedWithAClearMessage(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	channelID := alice.directWith(t, bob)
	elsewhere := alice.groupWith(t, bob, newStaff(t))
	number := freshIncident(t, "Badge reader offline")
	mine := mustPost(t, alice, channelID, "Badge reader at door 3 is dark")
	other := mustPost(t, alice, elsewhere, "from another conversation")

	customer := newCustomer(t)
	refused := save(t, customer, channelID, map[string]any{"record": number, "post_ids": []string{mine.Id}})
	assert.Equal(t, http.StatusForbidden, refused.Status, refused.Text())

	outsider := save(t, newStaff(t), channelID, map[string]any{"record": number, "post_ids": []string{mine.Id}})
	assert.Equal(t, http.StatusNotFound, outsider.Status, "a staff member outside the conversation: %s", outsider.Text())

	foreign := save(t, alice, channelID, map[string]any{"record": number, "post_ids": []string{mine.Id, other.Id}})
	assert.Equal(t, http.StatusBadRequest, foreign.Status)
	assert.Contains(t, errorOf(t, foreign.Raw), "is not in this conversation")

	notARecord := save(t, alice, channelID, map[string]any{"record": "hello", "post_ids": []string{mine.Id}})
	assert.Equal(t, http.StatusBadRequest, notARecord.Status)
	assert.Contains(t, errorOf(t, notARecord.Raw), `"hello" is not a record number or record link`)

	missing := save(t, alice, channelID, map[string]any{"record": "INC0999999", "post_ids": []string{mine.Id}})
	assert.Equal(t, http.StatusNotFound, missing.Status)
	assert.Contains(t, errorOf(t, missing.Raw), "INC0999999 was not found in ServiceNow")

	badKind := save(t, alice, channelID, map[string]any{"record": number, "post_ids": []string{mine.Id}, "kind": "diary"})
	assert.Equal(t, http.StatusBadRequest, badKind.Status)
	assert.Contains(t, errorOf(t, badKind.Raw), "kind must be work_notes or comments")

	configure(t, map[string]any{"SaveToRecords": false})
	off := save(t, alice, channelID, map[string]any{"record": number, "post_ids": []string{mine.Id}})
	assert.Equal(t, http.StatusForbidden, off.Status)
	assert.Contains(t, errorOf(t, off.Raw), "turned off")
	assert.Empty(t, server.ServiceNow.JournalOf(number), "nothing refused was written")
}

func TestConnectSaveWritesTheLastMessages(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	channelID := alice.directWith(t, bob)
	number := freshIncident(t, "Laptop will not boot")
	mustPost(t, alice, channelID, "older")
	one := mustPost(t, bob, channelID, "It shows a black screen")
	two := mustPost(t, alice, channelID, "Try safe mode")

	answer := commandIn(t, alice, channelID, "/connect save "+number+" last 2")
	assert.Contains(t, answer, "Saved 2 messages to **"+number+"**")
	assert.Contains(t, answer, "Laptop will not boot", "the card's details")
	waitForJournal(t, number, fullName(alice)+" via Connect: conversation excerpt\n"+
		excerptLine(bob, one, "It shows a black screen")+"\n"+excerptLine(alice, two, "Try safe mode"), 5*time.Second)
	assert.Contains(t, commandIn(t, alice, channelID, "/connect save "+number+" last 2"), "already saved")
	assert.Contains(t, commandIn(t, alice, channelID, "/connect help"), "/connect save")
	customer := newCustomer(t)
	assert.Contains(t, command(t, customer, townSquare(t, customer.client).Id, "/connect save "+number), "Only ITIL staff")
}

func TestASaveQueuedWhileServiceNowIsDownIsWrittenOnceAfterARestart(t *testing.T) {
	configure(t, map[string]any{"FollowPollSeconds": 2})
	alice, bob := newStaff(t), newStaff(t)
	channelID := alice.directWith(t, bob)
	number := freshIncident(t, "Shared drive read-only")
	post := mustPost(t, alice, channelID, "Remounted the share")
	server.ServiceNow.SetFault(standin.Fault{Status: http.StatusServiceUnavailable, Path: "/api/now/table/incident/"})
	t.Cleanup(server.ServiceNow.ClearFault)

	saved := save(t, alice, channelID, map[string]any{"record": number, "post_ids": []string{post.Id}})
	require.Equal(t, http.StatusOK, saved.Status, saved.Text())
	assert.True(t, saved.Body.Queued, "ServiceNow refused it with 503: queued")
	assert.Empty(t, server.ServiceNow.JournalOf(number))

	require.NoError(t, server.SetPluginEnabled(context.Background(), false))
	require.NoError(t, server.SetPluginEnabled(context.Background(), true))
	server.ServiceNow.ClearFault()
	entry := fullName(alice) + " via Connect: conversation excerpt\n" + excerptLine(alice, post, "Remounted the share")
	waitForJournal(t, number, entry, 60*time.Second)
	time.Sleep(6 * time.Second) // more retry runs
	assert.Equal(t, 1, countEqual(journalValues(number), entry), "written exactly once")
	again := save(t, alice, channelID, map[string]any{"record": number, "post_ids": []string{post.Id}})
	assert.Equal(t, 1, again.Body.Already)
}

func TestASaveServiceNowRefusesIsToldOnce(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	channelID := alice.directWith(t, bob)
	ws := secondClient(t, alice)
	number := freshIncident(t, "Monitor flickers")
	post := mustPost(t, alice, channelID, "Replaced the cable")
	server.ServiceNow.SetFault(standin.Fault{Status: http.StatusBadRequest, Path: "/api/now/table/incident/"})
	t.Cleanup(server.ServiceNow.ClearFault)

	saved := save(t, alice, channelID, map[string]any{"record": number, "post_ids": []string{post.Id}})
	require.Equal(t, http.StatusOK, saved.Status, saved.Text())
	told := waitForEphemeral(t, ws, channelID)
	assert.Contains(t, told.Message, "Connect could not save 1 message to "+number)
	assertNoEphemeral(t, ws, channelID)
	server.ServiceNow.ClearFault()
	assert.Empty(t, server.ServiceNow.JournalOf(number))

	retried := save(t, alice, channelID, map[string]any{"record": number, "post_ids": []string{post.Id}})
	require.Equal(t, http.StatusOK, retried.Status, retried.Text())
	assert.Equal(t, 1, retried.Body.Saved, "a failed save can be made again")
	require.Eventually(t, func() bool {
		return len(server.ServiceNow.JournalOf(number)) == 1 && strings.HasSuffix(server.ServiceNow.JournalOf(number)[0].Value, "Replaced the cable")
	}, 5*time.Second, 50*time.Millisecond)
}
