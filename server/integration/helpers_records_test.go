package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

// card is one record card as every client receives it: a message attachment.
type card struct {
	Title, TitleLink, Text string
	Fields                 map[string]string
}

func cardsOn(post *model.Post) []card {
	var cards []card
	for _, a := range post.Attachments() {
		c := card{Title: a.Title, TitleLink: a.TitleLink, Text: a.Text, Fields: map[string]string{}}
		for _, f := range a.Fields {
			c.Fields[f.Title] = fmt.Sprint(f.Value)
		}
		cards = append(cards, c)
	}
	return cards
}

// statuses is what Connect knows about each record on post.
func statuses(post *model.Post) []string {
	var out []string
	raw, _ := json.Marshal(post.GetProp("connect_records"))
	var cards []struct{ Status string }
	_ = json.Unmarshal(raw, &cards)
	for _, c := range cards {
		out = append(out, c.Status)
	}
	return out
}

// waitForCards polls the post until every card reached a final or wanted state.
func waitForCards(t *testing.T, client *model.Client4, postID string, want ...string) *model.Post {
	t.Helper()
	var post *model.Post
	require.Eventually(t, func() bool {
		var err error
		post, _, err = client.GetPost(context.Background(), postID, "")
		return err == nil && assert.ObjectsAreEqual(want, statuses(post))
	}, 30*time.Second, 100*time.Millisecond, "cards never reached %v", want)
	return post
}

// freshIncident adds an incident nobody has looked up yet, so no cache hides a fault.
func freshIncident(t *testing.T, description string) string {
	number := fmt.Sprintf("INC%07d", 3_000_000+rand.IntN(999_999))
	server.ServiceNow.PutRecord("incident", standin.Record{Number: number, ShortDescription: description, State: "1", Priority: "3"})
	return number
}

const restrictedCardText = `Record details are shown only in conversations of ITIL staff\. Open the record in ServiceNow\.`

// assertNumberAndLinkOnly checks that a card names its record and nothing more.
func assertNumberAndLinkOnly(t *testing.T, post *model.Post, number string) {
	t.Helper()
	cards := cardsOn(post)
	require.Len(t, cards, 1)
	assert.Equal(t, number, cards[0].Title)
	assert.Contains(t, cards[0].TitleLink, number)
	assert.Equal(t, restrictedCardText, cards[0].Text)
	assert.Empty(t, cards[0].Fields, "no state, priority or assignee")
	assert.NotContains(t, fmt.Sprint(post.Attachments()), "Printer", "no short description")
}
