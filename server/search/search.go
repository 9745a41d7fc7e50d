// Package search owns finding messages across a user's Connect conversations: Mattermost's own
// search, run as the user (so its permissions and its terms, from: and in: included, apply),
// keeping only the conversations the user has in Connect.
package search

import (
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// perPage is how many of Mattermost's matches, newest first, one search reads.
const perPage = 100

// Posts is Mattermost's post search, as the user.
type Posts interface {
	SearchForUser(userID, terms string, page, perPage int) (*model.PostSearchResults, error)
}

// Conversations are the user's Connect conversations, closed ones too.
type Conversations interface {
	All(userID string) ([]conversations.Conversation, error)
}

// Deps is what the service needs.
type Deps struct {
	Posts         Posts
	Conversations Conversations
}

// Service searches messages.
type Service struct{ deps Deps }

// NewService returns the search service.
func NewService(deps Deps) *Service { return &Service{deps: deps} }

// Results answers GET /api/v1/search: the matches grouped by conversation, the conversation
// with the newest match first.
type Results struct {
	Terms  string  `json:"terms"`
	Groups []Group `json:"groups"`
}

// Group is one conversation's matches, newest first.
type Group struct {
	Conversation conversations.Conversation `json:"conversation"`
	Messages     []Match                    `json:"messages"`
}

// Match is one message found.
type Match struct {
	PostID   string `json:"post_id"`
	UserID   string `json:"user_id"`
	RootID   string `json:"root_id,omitempty"`
	Message  string `json:"message"`
	CreateAt int64  `json:"create_at"`
	// Highlights are the words to mark in the message: what Mattermost's search engine says
	// matched (Elasticsearch and Bleve report it), else the words searched for.
	Highlights []string `json:"highlights"`
}

// Search finds messages matching terms (Mattermost's search syntax: words, "phrases", from:,
// in:, before:, after:, -excluded) in the user's Connect conversations. Mattermost searches only
// the channels the user is a member of; of those, only Connect conversations are kept, so a
// customer's channel or a team channel never shows.
func (s *Service) Search(userID, terms string) (Results, error) {
	found, err := s.deps.Posts.SearchForUser(userID, terms, 0, perPage)
	if err != nil {
		var appErr *model.AppError
		if errors.As(err, &appErr) && appErr.StatusCode == http.StatusNotImplemented {
			return Results{}, failure.New(failure.Unavailable, i18n.M("connect.search.off", "Message search is turned off on this Mattermost server."))
		}
		return Results{}, errors.Wrap(err, "failed to search posts")
	}
	all, err := s.deps.Conversations.All(userID)
	if err != nil {
		return Results{}, err
	}
	return group(terms, found, all), nil
}

// searchedWords are the words of the terms as Mattermost's parser reads them: without from:,
// in:, dates and excluded words, quotes and a trailing * taken off.
func searchedWords(terms string) []string {
	words := []string{}
	for _, params := range model.ParseSearchParams(terms, 0) {
		for _, word := range strings.Fields(params.Terms) {
			word = strings.Trim(word, `"*`)
			if word != "" && !slices.Contains(words, word) {
				words = append(words, word)
			}
		}
	}
	return words
}

func group(terms string, found *model.PostSearchResults, all []conversations.Conversation) Results {
	results := Results{Terms: terms, Groups: []Group{}}
	if found == nil || found.PostList == nil {
		return results
	}
	byID := make(map[string]conversations.Conversation, len(all))
	for _, c := range all {
		byID[c.ID] = c
	}
	words := searchedWords(terms)
	index := map[string]int{}
	for _, postID := range found.Order {
		post := found.Posts[postID]
		if post == nil || post.DeleteAt != 0 || post.Type != "" {
			continue
		}
		c, ok := byID[post.ChannelId]
		if !ok {
			continue
		}
		i, seen := index[c.ID]
		if !seen {
			i = len(results.Groups)
			index[c.ID] = i
			results.Groups = append(results.Groups, Group{Conversation: c, Messages: []Match{}})
		}
		highlights := found.Matches[postID]
		if len(highlights) == 0 {
			highlights = words
		}
		results.Groups[i].Messages = append(results.Groups[i].Messages, Match{
			PostID: post.Id, UserID: post.UserId, RootID: post.RootId, Message: post.Message, CreateAt: post.CreateAt, Highlights: highlights,
		})
	}
	for _, g := range results.Groups {
		sort.SliceStable(g.Messages, func(a, b int) bool { return g.Messages[a].CreateAt > g.Messages[b].CreateAt })
	}
	sort.SliceStable(results.Groups, func(a, b int) bool {
		return results.Groups[a].Messages[0].CreateAt > results.Groups[b].Messages[0].CreateAt
	})
	return results
}
