package platform

import (
	"sort"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/pkg/errors"
)

// Posts is Mattermost's posts.
type Posts struct {
	api    plugin.API
	client *pluginapi.Client
}

// SearchForUser runs Mattermost's own message search as the user: the channels they are a
// member of in every team (no team given) and their direct and group messages, with the terms
// parsed as Mattermost parses them (from:, in:, quotes, before:/after:).
func (p *Posts) SearchForUser(userID, terms string, page, perPage int) (*model.PostSearchResults, error) {
	found, appErr := p.api.SearchPostsInTeamForUser("", userID, model.SearchParameter{
		Terms: &terms, Page: &page, PerPage: &perPage,
	})
	if appErr != nil {
		return nil, appErr
	}
	return found, nil
}

func (p *Posts) GetPost(postID string) (*model.Post, error) { return p.client.Post.GetPost(postID) }

func (p *Posts) CreatePost(post *model.Post) error { return p.client.Post.CreatePost(post) }

func (p *Posts) UpdatePost(post *model.Post) error { return p.client.Post.UpdatePost(post) }

// ChannelPosts returns a page of channelID's posts, newest first, replies included and deleted
// posts left out. page counts pages of perPage posts.
func (p *Posts) ChannelPosts(channelID string, page, perPage int) ([]*model.Post, error) {
	list, err := p.client.Post.GetPostsForChannel(channelID, page, perPage)
	if err != nil || list == nil {
		return nil, err
	}
	posts := make([]*model.Post, 0, len(list.Order))
	for _, id := range list.Order {
		if post := list.Posts[id]; post != nil {
			posts = append(posts, post)
		}
	}
	return posts, nil
}

// RemoveReaction takes a reaction off its post.
func (p *Posts) RemoveReaction(reaction *model.Reaction) error {
	return p.client.Post.RemoveReaction(reaction)
}

// DeletePost removes a post, as its author deleting it would.
func (p *Posts) DeletePost(postID string) error { return p.client.Post.DeletePost(postID) }

// PostsSince returns up to limit posts made at or after since, oldest first, after the post
// after (nil to start); each carries only its Id and CreateAt. The plugin API has no such
// query, so it reads Mattermost's database through the plugin database proxy.
func (p *Posts) PostsSince(since int64, after *model.Post, limit int) ([]*model.Post, error) {
	if after == nil {
		after = &model.Post{}
	}
	db, err := p.client.Store.GetMasterDB()
	if err != nil {
		return nil, errors.Wrap(err, "failed to reach the Mattermost database")
	}
	rows, err := db.Query(`SELECT Id, CreateAt FROM Posts
		WHERE CreateAt >= $1 AND DeleteAt = 0 AND (CreateAt > $2 OR (CreateAt = $2 AND Id > $3))
		ORDER BY CreateAt, Id LIMIT $4`, since, after.CreateAt, after.Id, limit)
	if err != nil {
		return nil, errors.Wrap(err, "failed to list recent posts")
	}
	defer func() { _ = rows.Close() }()
	var posts []*model.Post
	for rows.Next() {
		post := &model.Post{}
		if err := rows.Scan(&post.Id, &post.CreateAt); err != nil {
			return nil, errors.Wrap(err, "failed to read recent posts")
		}
		posts = append(posts, post)
	}
	return posts, errors.Wrap(rows.Err(), "failed to read recent posts")
}

// PostsAfter returns channelID's posts created after since (Unix ms), oldest first, without
// deleted posts.
func (p *Posts) PostsAfter(channelID string, since int64) ([]*model.Post, error) {
	list, err := p.client.Post.GetPostsSince(channelID, since)
	if err != nil || list == nil {
		return nil, err
	}
	posts := make([]*model.Post, 0, len(list.Order))
	for _, post := range list.Posts {
		if post.CreateAt > since && post.DeleteAt == 0 {
			posts = append(posts, post)
		}
	}
	sort.Slice(posts, func(i, j int) bool { return posts[i].CreateAt < posts[j].CreateAt })
	return posts, nil
}
