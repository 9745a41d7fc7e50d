package workspace

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

func incident(n string) servicenow.RecordKey {
	return servicenow.RecordKey{Table: "incident", Number: n}
}

// wordScan is a stand-in for the recognizer: INC words are records, http(s) words are links.
func wordScan(message string) (keys []servicenow.RecordKey, links []string) {
	for _, word := range strings.Fields(message) {
		switch {
		case strings.HasPrefix(word, "INC"):
			keys = append(keys, incident(word))
		case strings.HasPrefix(word, "http"):
			links = append(links, word)
		}
	}
	return keys, links
}

func post(id string, at int64, message string) *model.Post {
	return &model.Post{Id: id, UserId: "u-" + id, CreateAt: at, Message: message}
}

func TestTallyOrdersCountsAndDedups(t *testing.T) {
	tests := []struct {
		name     string
		posts    []*model.Post
		mentions []mention
		links    []Link
		scanned  int
	}{
		{
			name:    "nothing",
			posts:   []*model.Post{post("p1", 10, "hello")},
			scanned: 1,
		},
		{
			name: "newest mention first, one entry per record, posts counted",
			posts: []*model.Post{
				post("p3", 30, "INC2 again"),
				post("p2", 20, "INC1 and INC2"),
				post("p1", 10, "INC1"),
			},
			mentions: []mention{
				{key: incident("INC2"), lastAt: 30, postID: "p3", posts: 2},
				{key: incident("INC1"), lastAt: 20, postID: "p2", posts: 2},
			},
			scanned: 3,
		},
		{
			name: "links newest first, each once, as their newest post shared them",
			posts: []*model.Post{
				post("p3", 30, "https://b"),
				post("p2", 20, "https://a https://b"),
				post("p1", 10, "https://a"),
			},
			links: []Link{
				{URL: "https://b", PostID: "p3", UserID: "u-p3", CreateAt: 30},
				{URL: "https://a", PostID: "p2", UserID: "u-p2", CreateAt: 20},
			},
			scanned: 3,
		},
		{
			name: "a post read twice (pages shift) counts once; system messages share nothing",
			posts: []*model.Post{
				post("p2", 20, "INC1"),
				{Id: "s1", Type: model.PostTypeAddToChannel, CreateAt: 15, Message: "INC9 https://x"},
				post("p2", 20, "INC1"),
			},
			mentions: []mention{{key: incident("INC1"), lastAt: 20, postID: "p2", posts: 1}},
			scanned:  2,
		},
		{
			name:     "out of order pages still keep the newest post",
			posts:    []*model.Post{post("p1", 10, "INC1 https://a"), post("p2", 20, "INC1 https://a")},
			mentions: []mention{{key: incident("INC1"), lastAt: 20, postID: "p2", posts: 2}},
			links:    []Link{{URL: "https://a", PostID: "p2", UserID: "u-p2", CreateAt: 20}},
			scanned:  2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := newTally()
			for _, p := range tt.posts {
				tl.add(p, wordScan)
			}
			mentions, links := tl.result()
			assert.Equal(t, orEmpty(tt.mentions), mentions)
			assert.Equal(t, orEmpty(tt.links), links)
			assert.Equal(t, tt.scanned, tl.scanned)
		})
	}
}

func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

func TestTallyKeepsTheNewestHundred(t *testing.T) {
	tl := newTally()
	for i := range 150 {
		tl.add(post(fmt.Sprint("p", i), int64(i), fmt.Sprintf("INC%d https://x/%d", i, i)), wordScan)
	}
	mentions, links := tl.result()
	assert.Len(t, mentions, maxRecords)
	assert.Len(t, links, maxLinks)
	assert.Equal(t, incident("INC149"), mentions[0].key)
	assert.Equal(t, incident("INC50"), mentions[maxRecords-1].key)
	assert.Equal(t, "https://x/149", links[0].URL)
}

func TestAssembleJoinsCardsAndPlaces(t *testing.T) {
	bySysID := servicenow.RecordKey{Table: "incident", SysID: "0123456789abcdef0123456789abcdef"}
	mentions := []mention{
		{key: incident("INC1"), lastAt: 30, postID: "p3", posts: 2},
		{key: incident("INC2"), lastAt: 20, postID: "p2", posts: 1},
		{key: bySysID, lastAt: 10, postID: "p1", posts: 1},
	}
	found := &servicenow.Record{Table: "incident", SysID: bySysID.SysID, Number: "INC1", ShortDescription: "Mail down", State: "In Progress", Priority: "2 - High", AssignedTo: "Beth Anglin", UpdatedOn: "2026-11-20 09:14:03", URL: "https://sn/incident.do?sys_id=x"}
	entries := []records.Entry{
		{Key: mentions[0].key, Number: "INC1", Table: "incident", SysID: bySysID.SysID, URL: found.URL, Status: records.Found, Record: found},
		{Key: mentions[1].key, Number: "INC2", Table: "incident", URL: "https://sn/q", Status: records.Missing, Problem: "INC2 was not found in ServiceNow"},
		{Key: bySysID, Number: "INC1", Table: "incident", SysID: bySysID.SysID, URL: found.URL, Status: records.Found, Record: found},
	}
	discussed := map[servicenow.RecordKey][]records.Discussion{
		mentions[0].key: {{ChannelID: "here", At: 30}, {ChannelID: "theirs", At: 25}, {ChannelID: "dm", At: 5}},
		bySysID:         {{ChannelID: "here", At: 10}, {ChannelID: "group", At: 8}, {ChannelID: "dm", At: 7}},
		mentions[1].key: {{ChannelID: "here", At: 20}},
	}
	places := map[string]Place{
		"here":  {ID: "here", Name: "This one", Kind: conversations.Direct},
		"dm":    {ID: "dm", Name: "Bob Baker", Kind: conversations.Direct},
		"group": {ID: "group", Name: "Night shift", Kind: conversations.Group},
	}

	got := assemble("here", mentions, entries, discussed, places)
	assert.Equal(t, []Record{
		{
			Number: "INC1", Table: "incident", SysID: bySysID.SysID, URL: found.URL, LastMentionedAt: 30, PostID: "p3", Mentions: 3,
			Card:   Card{Status: records.Found, ShortDescription: "Mail down", State: "In Progress", Priority: "2 - High", AssignedTo: "Beth Anglin", Updated: "2026-11-20 09:14:03"},
			AlsoIn: []Place{places["group"], places["dm"]},
		},
		{
			Number: "INC2", Table: "incident", URL: "https://sn/q", LastMentionedAt: 20, PostID: "p2", Mentions: 1,
			Card:   Card{Status: records.Missing, Problem: "INC2 was not found in ServiceNow"},
			AlsoIn: []Place{},
		},
	}, got, "a number and a sys_id link of one record are one entry; another user's conversation and this one are never in also_in")
}

func TestCardsWithoutDetails(t *testing.T) {
	restricted := CardOf(records.Entry{Status: records.Restricted, Record: &servicenow.Record{ShortDescription: "secret"}})
	assert.Equal(t, Card{Status: records.Restricted}, restricted)
}
