package integration

import (
	"net/http"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/journal"
)

// save calls POST /api/v1/conversations/{id}/saved as p.
func save(t *testing.T, p *person, channelID string, body map[string]any) reply[journal.Saved] {
	t.Helper()
	return route[journal.Saved](t, p.client, http.MethodPost, "/api/v1/conversations/"+channelID+"/saved", body)
}

// excerptLine is how an excerpt shows one of p's posts.
func excerptLine(p *person, post *model.Post, text string) string {
	return journal.Line(time.UnixMilli(post.CreateAt), fullName(p), text, nil)
}

// journalValues are the values of the record's journal entries, oldest first.
func journalValues(number string) []string {
	var values []string
	for _, j := range server.ServiceNow.JournalOf(number) {
		values = append(values, j.Value)
	}
	return values
}

// entriesOf are the record's journal entries of one field.
func entriesOf(number, element string) []standin.Journal {
	var found []standin.Journal
	for _, j := range server.ServiceNow.JournalOf(number) {
		if j.Element == element {
			found = append(found, j)
		}
	}
	return found
}

// waitForJournal waits until the record's journal holds want, and returns how many times.
func waitForJournal(t *testing.T, number, want string, within time.Duration) {
	t.Helper()
	require.Eventually(t, func() bool { return countEqual(journalValues(number), want) > 0 }, within, 50*time.Millisecond,
		"the record's journal never held %q; it holds %q", want, journalValues(number))
}

func countEqual(values []string, want string) int {
	n := 0
	for _, v := range values {
		if v == want {
			n++
		}
	}
	return n
}
