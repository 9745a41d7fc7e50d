package integration

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/creation"
)

// inServiceNow gives each person a ServiceNow user with their (verified) email address, so
// they can be a new record's caller.
func inServiceNow(people ...*person) {
	for _, p := range people {
		server.ServiceNow.PutUser(standin.User{UserName: p.Username, Name: fullName(p), Email: p.Email, Active: true})
	}
}

// createRecord asks POST /api/v1/conversations/{id}/records as p.
func createRecord(t *testing.T, p *person, channelID string, body map[string]any) reply[creation.Created] {
	t.Helper()
	return route[creation.Created](t, p.client, http.MethodPost, "/api/v1/conversations/"+channelID+"/records", body)
}

// createdWith is the record the stand-in created with this short description.
func createdWith(description string) (standin.Created, bool) {
	for _, c := range server.ServiceNow.CreatedRecords() {
		if c.ShortDescription == description {
			return c, true
		}
	}
	return standin.Created{}, false
}

// countCreatedWith counts the records the stand-in created with this short description.
func countCreatedWith(description string) int {
	n := 0
	for _, c := range server.ServiceNow.CreatedRecords() {
		if c.ShortDescription == description {
			n++
		}
	}
	return n
}

// workNoteOf is the first work note of the record with this number.
func workNoteOf(t *testing.T, number string) string {
	t.Helper()
	for _, j := range server.ServiceNow.JournalOf(number) {
		if j.Element == "work_notes" {
			return j.Value
		}
	}
	require.Failf(t, "no work note", "%s has no work note", number)
	return ""
}

// createdCardPost waits for the Connect bot's post of the new record in the conversation, its
// card found.
func createdCardPost(t *testing.T, p *person, channelID, number string) *model.Post {
	t.Helper()
	var postID string
	require.Eventually(t, func() bool {
		list, _, err := p.client.GetPostsForChannel(context.Background(), channelID, 0, 50, "", false, false)
		if err != nil {
			return false
		}
		for _, post := range list.Posts {
			if post.GetProp(creation.CreatedProp) == number {
				postID = post.Id
				return true
			}
		}
		return false
	}, 15*time.Second, 100*time.Millisecond, "no post of %s in the conversation", number)
	return waitForCards(t, p.client, postID, "found")
}

// uniqueDescription is a short description no other test uses.
func uniqueDescription(text string) string {
	return text + " " + strings.ToLower(model.NewId()[:8])
}

// teamCommand runs a slash command as p in a direct or group message, which Mattermost runs
// in a team's context (the support team's here), and returns the text it answers.
func teamCommand(t *testing.T, p *person, channelID, text string) string {
	t.Helper()
	resp, _, err := p.client.ExecuteCommandWithTeam(context.Background(), channelID, server.Teams.Support.Id, text)
	require.NoError(t, err)
	return resp.Text
}
