package search

import (
	"net/http"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
)

type fakePosts struct {
	results *model.PostSearchResults
	err     error
	terms   string
}

func (f *fakePosts) SearchForUser(_, terms string, _, _ int) (*model.PostSearchResults, error) {
	f.terms = terms
	return f.results, f.err
}

type fakeConversations []conversations.Conversation

func (f fakeConversations) All(string) ([]conversations.Conversation, error) { return f, nil }

func found(posts ...*model.Post) *model.PostSearchResults {
	list := model.NewPostList()
	matches := model.PostSearchMatches{}
	for _, p := range posts {
		list.AddPost(p)
		list.AddOrder(p.Id)
		matches[p.Id] = []string{"printer"}
	}
	return model.MakePostSearchResults(list, matches)
}

func TestSearchKeepsOnlyConnectConversationsGroupedNewestFirst(t *testing.T) {
	posts := &fakePosts{results: found(
		&model.Post{Id: "p1", ChannelId: "dm", UserId: "bob", Message: "printer jammed", CreateAt: 100},
		&model.Post{Id: "p2", ChannelId: "team", UserId: "bob", Message: "printer in town square", CreateAt: 400},
		&model.Post{Id: "p3", ChannelId: "group", UserId: "carol", Message: "printer upstairs", CreateAt: 300},
		&model.Post{Id: "p4", ChannelId: "dm", UserId: "alice", Message: "printer fixed", CreateAt: 200},
		&model.Post{Id: "p5", ChannelId: "dm", UserId: "alice", Message: "alice joined", Type: model.PostTypeJoinChannel, CreateAt: 500},
	)}
	svc := NewService(Deps{Posts: posts, Conversations: fakeConversations{{ID: "dm", Name: "Bob Baker"}, {ID: "group", Name: "Printers"}}})

	results, err := svc.Search("alice", "printer from:bob")
	require.NoError(t, err)
	assert.Equal(t, "printer from:bob", posts.terms, "Mattermost parses the terms")
	require.Len(t, results.Groups, 2)
	assert.Equal(t, "group", results.Groups[0].Conversation.ID)
	assert.Equal(t, "dm", results.Groups[1].Conversation.ID)
	require.Len(t, results.Groups[1].Messages, 2)
	assert.Equal(t, "p4", results.Groups[1].Messages[0].PostID)
	assert.Equal(t, "p1", results.Groups[1].Messages[1].PostID)
	assert.Equal(t, []string{"printer"}, results.Groups[1].Messages[1].Highlights)
}

func TestSearchMarksTheSearchedWordsWhenMattermostReportsNoMatches(t *testing.T) {
	results := found(&model.Post{Id: "p1", ChannelId: "dm", UserId: "bob", Message: "printer jammed", CreateAt: 100})
	results.Matches = nil
	svc := NewService(Deps{Posts: &fakePosts{results: results}, Conversations: fakeConversations{{ID: "dm"}}})
	got, err := svc.Search("alice", `printer "paper jam" from:bob in:town-square -toner print*`)
	require.NoError(t, err)
	assert.Equal(t, []string{"printer", "paper", "jam", "print"}, got.Groups[0].Messages[0].Highlights)
}

func TestSearchSaysWhenMattermostHasSearchOff(t *testing.T) {
	off := model.NewAppError("SearchPostsForUser", "store.sql_post.search.disabled", nil, "", http.StatusNotImplemented)
	svc := NewService(Deps{Posts: &fakePosts{err: off}, Conversations: fakeConversations{}})
	_, err := svc.Search("alice", "printer")
	assert.True(t, failure.Is(err, failure.Unavailable))
}

func TestSearchWithNoMatchesAnswersNoGroups(t *testing.T) {
	svc := NewService(Deps{Posts: &fakePosts{results: found()}, Conversations: fakeConversations{}})
	results, err := svc.Search("alice", "nothing")
	require.NoError(t, err)
	assert.NotNil(t, results.Groups)
	assert.Empty(t, results.Groups)
}
