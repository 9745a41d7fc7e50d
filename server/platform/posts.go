package platform

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/pluginapi"
)

// Posts is Mattermost's posts.
type Posts struct{ client *pluginapi.Client }

func (p *Posts) GetPost(postID string) (*model.Post, error) { return p.client.Post.GetPost(postID) }

func (p *Posts) CreatePost(post *model.Post) error { return p.client.Post.CreatePost(post) }

func (p *Posts) UpdatePost(post *model.Post) error { return p.client.Post.UpdatePost(post) }
