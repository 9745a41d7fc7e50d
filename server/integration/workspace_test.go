package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/workspace"
)

func TestWorkspaceFilesNewestFirstWithPaging(t *testing.T) {
	alice, bob := newStaff(t), newStaff(t)
	dm := alice.directWith(t, bob)
	first := alice.share(t, dm, "first.txt", "one")
	time.Sleep(5 * time.Millisecond) // distinct creation times, so newest first is one order
	bob.share(t, dm, "second.txt", "two two")
	time.Sleep(5 * time.Millisecond)
	third := alice.share(t, dm, "third.txt", "three")
	_, _, err := alice.client.UploadFile(context.Background(), []byte("draft"), dm, "never-posted.txt")
	require.NoError(t, err)

	page := alice.files(t, dm, "?per_page=2")
	assert.Equal(t, []string{"third.txt", "second.txt"}, fileNames(page), "newest first")
	assert.True(t, page.HasMore)
	newest := page.Files[0]
	assert.Equal(t, "txt", newest.Extension)
	assert.Contains(t, newest.MimeType, "text/plain")
	assert.Equal(t, int64(len("three")), newest.Size)
	assert.Equal(t, alice.Id, newest.UserID)
	assert.Equal(t, third.Id, newest.PostID)
	assert.Equal(t, bob.Id, page.Files[1].UserID)
	assert.NotZero(t, newest.CreateAt)

	page = bob.files(t, dm, "?page=1&per_page=2")
	assert.Equal(t, []string{"first.txt"}, fileNames(page))
	assert.Equal(t, first.Id, page.Files[0].PostID)
	assert.False(t, page.HasMore)

	_, err = alice.client.DeletePost(context.Background(), third.Id)
	require.NoError(t, err)
	// Mattermost deletes a deleted post's file records a moment after the post (channels/app/post.go
	// hands them to a goroutine), so the list drops the file within that moment.
	require.Eventually(t, func() bool {
		page = alice.files(t, dm, "")
		return assert.ObjectsAreEqual([]string{"second.txt", "first.txt"}, fileNames(page))
	}, 5*time.Second, 100*time.Millisecond, "a deleted post's file and a file never posted are left out")
	assert.False(t, page.HasMore)

	tooMany := route[string](t, alice.client, http.MethodGet, "/api/v1/conversations/"+dm+"/files?per_page=500", nil)
	assert.Equal(t, http.StatusBadRequest, tooMany.Status)
	assert.Equal(t, "per_page must be a number from 1 to 100.", errorOf(t, tooMany.Raw))
}

func TestWorkspaceRecordsWithCardsAlsoInAndLinks(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	dm := alice.directWith(t, bob)
	group := alice.start(t, http.StatusCreated, bob, carol)
	theirs := bob.directWith(t, carol)
	mustPost(t, carol, group.ID, "Finance again: "+standin.SampleIncident)
	mustPost(t, bob, theirs, "between us: "+standin.SampleIncident)
	mustPost(t, alice, townSquare(t, alice.client).Id, "team channel: "+standin.SampleIncident)

	mustPost(t, bob, dm, standin.SampleIncident+" is back, runbook at https://wiki.example.com/mail")
	form := server.ServiceNowURL + "/incident.do?sysparm_query=number=" + standin.SampleIncident2
	vpn := mustPost(t, alice, dm, "see [the VPN one]("+form+") and https://status.example.com/")
	latest := mustPost(t, bob, dm, "still "+standin.SampleIncident+" at `https://in.code.example.com`")

	var found workspace.RecordsAndLinks
	require.Eventually(t, func() bool {
		found = alice.recordsOf(t, dm)
		return len(found.Records) == 2 && len(found.Records[0].AlsoIn) > 0
	}, 10*time.Second, 200*time.Millisecond, "the group's mention reaches the index")
	mail, other := found.Records[0], found.Records[1]
	assert.Equal(t, standin.SampleIncident, mail.Number, "most recently mentioned first")
	assert.Equal(t, "incident", mail.Table)
	assert.Equal(t, latest.Id, mail.PostID)
	assert.Equal(t, latest.CreateAt, mail.LastMentionedAt)
	assert.Equal(t, 2, mail.Mentions)
	assert.Contains(t, mail.URL, server.ServiceNowURL+"/incident.do?sys_id=")
	assert.Equal(t, workspace.Card{
		Status: "found", ShortDescription: "Email server is down for the Finance floor", State: standin.SampleIncidentState,
		Priority: standin.SampleIncidentPrio, AssignedTo: standin.SampleAssignee, Updated: standin.SampleIncidentUpdate,
	}, mail.Card)
	assert.Equal(t, []workspace.Place{{ID: group.ID, Name: group.Name, Kind: conversations.Group}}, mail.AlsoIn,
		"alice's other conversation, not bob and carol's, nor a team channel")

	assert.Equal(t, standin.SampleIncident2, other.Number)
	assert.Equal(t, vpn.Id, other.PostID)
	assert.Equal(t, "VPN disconnects every 10 minutes", other.Card.ShortDescription)
	assert.Empty(t, other.AlsoIn)

	var urls []string
	for _, l := range found.Links {
		urls = append(urls, l.URL)
	}
	assert.Equal(t, []string{"https://status.example.com/", "https://wiki.example.com/mail"}, urls, "newest first; record links and code are not links")
	assert.Equal(t, vpn.Id, found.Links[0].PostID)
	assert.Equal(t, alice.Id, found.Links[0].UserID)
	assert.Equal(t, vpn.CreateAt, found.Links[0].CreateAt)
	assert.Equal(t, 3, found.ScannedPosts)
	assert.True(t, found.Complete)

	fromGroup := carol.recordsOf(t, group.ID)
	require.Len(t, fromGroup.Records, 1)
	assert.Equal(t, []workspace.Place{{ID: theirs, Name: fullName(bob), Kind: conversations.Direct}}, fromGroup.Records[0].AlsoIn,
		"carol's DM with bob, not alice and bob's DM")

	newer := mustPost(t, alice, dm, fmt.Sprintf("%s https://new.example.com", standin.SampleProblem))
	again := alice.recordsOf(t, dm)
	require.Len(t, again.Records, 3, "a new message is read at once")
	assert.Equal(t, standin.SampleProblem, again.Records[0].Number)
	assert.Equal(t, newer.Id, again.Records[0].PostID)
	assert.Equal(t, "https://new.example.com", again.Links[0].URL)
}

func TestWorkspaceRoutesRefuseOutsiders(t *testing.T) {
	alice, bob, carol, dave := newStaff(t), newStaff(t), newStaff(t), newCustomer(t)
	dm := alice.directWith(t, bob)
	mustPost(t, alice, dm, standin.SampleIncident)
	for _, path := range []string{"/files", "/records"} {
		outsider := route[string](t, carol.client, http.MethodGet, "/api/v1/conversations/"+dm+path, nil)
		assert.Equal(t, http.StatusNotFound, outsider.Status, path)
		assert.Equal(t, "No such conversation.", errorOf(t, outsider.Raw), path)

		teamChannel := route[string](t, alice.client, http.MethodGet, "/api/v1/conversations/"+townSquare(t, alice.client).Id+path, nil)
		assert.Equal(t, http.StatusNotFound, teamChannel.Status, "a team channel is not a conversation: "+path)
		assert.Equal(t, "No such conversation.", errorOf(t, teamChannel.Raw), path)

		customer := route[string](t, dave.client, http.MethodGet, "/api/v1/conversations/"+dm+path, nil)
		assert.Equal(t, http.StatusForbidden, customer.Status, path)
		assert.Equal(t, "Connect Chat is for ITIL staff only.", errorOf(t, customer.Raw), path)
		var refusal struct{ ID string }
		require.NoError(t, json.Unmarshal(customer.Raw, &refusal))
		assert.Equal(t, "connect.not_staff", refusal.ID)
	}
}
