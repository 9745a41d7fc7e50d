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

	"github.com/connectchat/mattermost-plugin-connect/server/follow"
)

func journalKindPath(channelID string) string {
	return "/api/v1/conversations/" + channelID + "/journal"
}

func TestTheComposersChoiceSendsAMessageAsACommentOrAWorkNote(t *testing.T) {
	configure(t, map[string]any{"FollowTwoWay": true, "FollowPollSeconds": 2})
	alice, bob := newStaff(t), newStaff(t)
	number, f := followByCommand(t, alice, "Wi-Fi slow on floor 4")
	require.Contains(t, command(t, bob, townSquare(t, bob.client).Id, "/connect follow "+number), "You follow")

	kind := route[follow.JournalKind](t, alice.client, http.MethodGet, journalKindPath(f.ConversationID), nil)
	require.Equal(t, http.StatusOK, kind.Status, kind.Text())
	assert.Equal(t, "work_notes", kind.Body.Kind, "work notes unless chosen otherwise")
	set := route[follow.JournalKind](t, alice.client, http.MethodPut, journalKindPath(f.ConversationID), map[string]any{"kind": "comments"})
	require.Equal(t, http.StatusOK, set.Status, set.Text())
	assert.Equal(t, "comments", route[follow.JournalKind](t, alice.client, http.MethodGet, journalKindPath(f.ConversationID), nil).Body.Kind)
	bad := route[follow.JournalKind](t, alice.client, http.MethodPut, journalKindPath(f.ConversationID), map[string]any{"kind": "diary"})
	assert.Equal(t, http.StatusBadRequest, bad.Status)
	notRecord := route[follow.JournalKind](t, alice.client, http.MethodGet, journalKindPath(alice.directWith(t, bob)), nil)
	assert.Equal(t, http.StatusBadRequest, notRecord.Status, "only record conversations have a journal field")
	customer := newCustomer(t)
	assert.Equal(t, http.StatusForbidden, route[follow.JournalKind](t, customer.client, http.MethodGet, journalKindPath(f.ConversationID), nil).Status)

	remembered := mustPost(t, alice, f.ConversationID, "Channel 11 is congested") // as from Mattermost's own clients: no prop
	chosen, _, err := alice.client.CreatePost(context.Background(), &model.Post{ChannelId: f.ConversationID, Message: "Moved the AP to channel 6",
		Props: model.StringInterface{follow.JournalProp: "work_notes"}})
	require.NoError(t, err)
	bobs := mustPost(t, bob, f.ConversationID, "Thanks, looks better")

	waitForJournal(t, number, fullName(alice)+" via Connect: Channel 11 is congested", 5*time.Second)
	waitForJournal(t, number, fullName(alice)+" via Connect: Moved the AP to channel 6", 5*time.Second)
	waitForJournal(t, number, fullName(bob)+" via Connect: Thanks, looks better", 5*time.Second)
	elements := map[string]string{}
	for _, j := range server.ServiceNow.JournalOf(number) {
		elements[j.Value] = j.Element
	}
	assert.Equal(t, "comments", elements[fullName(alice)+" via Connect: Channel 11 is congested"], "alice's remembered choice")
	assert.Equal(t, "work_notes", elements[fullName(alice)+" via Connect: Moved the AP to channel 6"], "the message's own choice")
	assert.Equal(t, "work_notes", elements[fullName(bob)+" via Connect: Thanks, looks better"], "bob's default")

	for post, want := range map[string]string{remembered.Id: "comments", chosen.Id: "work_notes", bobs.Id: "work_notes"} {
		stored, _, err := alice.client.GetPost(context.Background(), post, "")
		require.NoError(t, err)
		assert.Equal(t, want, stored.GetProp(follow.JournalProp), "each message shows where it went")
	}
	other := mustPost(t, alice, alice.directWith(t, bob), "not a record conversation")
	assert.Nil(t, other.GetProp(follow.JournalProp), "no label outside record conversations")

	assert.Contains(t, command(t, alice, f.ConversationID, "/connect follow mode work_notes"), "work notes")
	assert.Equal(t, "work_notes", route[follow.JournalKind](t, alice.client, http.MethodGet, journalKindPath(f.ConversationID), nil).Body.Kind,
		"/connect follow mode sets the same remembered choice")
}

func TestAnEditAddsAnEditedEntryAndADeletionNothing(t *testing.T) {
	configure(t, map[string]any{"FollowTwoWay": true, "FollowPollSeconds": 2})
	alice := newStaff(t)
	number, f := followByCommand(t, alice, "Phone line crackles")
	post := mustPost(t, alice, f.ConversationID, "Replaced the handset")
	waitForJournal(t, number, fullName(alice)+" via Connect: Replaced the handset", 5*time.Second)

	post.Message = "Replaced the handset and the cord"
	_, _, err := alice.client.UpdatePost(context.Background(), post.Id, post)
	require.NoError(t, err)
	waitForJournal(t, number, fullName(alice)+" via Connect (edited): Replaced the handset and the cord", 5*time.Second)

	_, err = alice.client.DeletePost(context.Background(), post.Id)
	require.NoError(t, err)
	time.Sleep(3 * time.Second)
	assert.Equal(t, []string{fullName(alice) + " via Connect: Replaced the handset", fullName(alice) + " via Connect (edited): Replaced the handset and the cord"},
		journalValues(number), "a deletion adds nothing")
}

func TestASharedFileIsAttachedToTheRecordAndATooLargeOneIsRefusedToItsAuthor(t *testing.T) {
	configure(t, map[string]any{"FollowTwoWay": true, "FollowPollSeconds": 2})
	alice := newStaff(t)
	ws := secondClient(t, alice)
	_, f := followByCommand(t, alice, "Router config lost")
	shared := alice.share(t, f.ConversationID, "router.cfg", "hostname core-1\ninterface ge-0/0/1")

	require.Eventually(t, func() bool { return len(server.ServiceNow.AttachmentsOf(f.SysID)) == 1 }, 5*time.Second, 50*time.Millisecond)
	attached := server.ServiceNow.AttachmentsOf(f.SysID)[0]
	assert.Equal(t, "router.cfg", attached.FileName)
	assert.Equal(t, "incident", attached.TableName)
	assert.Equal(t, "hostname core-1\ninterface ge-0/0/1", string(attached.Content))
	assert.NotEmpty(t, attached.ContentType)

	server.ServiceNow.SetAttachmentMaxSize(16)
	t.Cleanup(func() { server.ServiceNow.SetAttachmentMaxSize(0) })
	big := alice.share(t, f.ConversationID, "capture.txt", strings.Repeat("packet ", 20))
	told := waitForEphemeral(t, ws, f.ConversationID)
	assert.Contains(t, told.Message, "Connect could not attach capture.txt to the record in ServiceNow")
	assert.Contains(t, told.Message, "413")
	assertNoEphemeral(t, ws, f.ConversationID)
	still, _, err := alice.client.GetPost(context.Background(), big.Id, "")
	require.NoError(t, err, "the message stays")
	assert.Equal(t, int64(0), still.DeleteAt)
	assert.Len(t, server.ServiceNow.AttachmentsOf(f.SysID), 1)
	assert.NotEmpty(t, shared.Id)

	configure(t, map[string]any{"FollowTwoWay": true, "FollowPollSeconds": 2, "AttachFiles": false})
	server.ServiceNow.SetAttachmentMaxSize(0)
	alice.share(t, f.ConversationID, "notes.txt", "not attached")
	time.Sleep(2 * time.Second)
	assert.Len(t, server.ServiceNow.AttachmentsOf(f.SysID), 1, "attaching turned off")
}
