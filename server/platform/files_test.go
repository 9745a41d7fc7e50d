package platform

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChannelFilesAsksForTheChannelNewestFirst(t *testing.T) {
	p, api := newTestPlatform(t)
	want := &model.GetFileInfosOptions{ChannelIds: []string{"ch"}, SortBy: model.FileinfoSortByCreated, SortDescending: true}
	api.On("GetFileInfos", 2, 20, want).Return([]*model.FileInfo{{Id: "f1"}}, nil).Once()
	api.On("GetFileInfos", 0, 20, want).Return(nil, model.NewAppError("GetFileInfos", "boom", nil, "", 500)).Once()

	infos, err := p.Files.ChannelFiles("ch", 2, 20)
	require.NoError(t, err)
	assert.Equal(t, []*model.FileInfo{{Id: "f1"}}, infos)
	_, err = p.Files.ChannelFiles("ch", 0, 20)
	assert.Error(t, err)
}

func TestChannelPostsAreInTheListsOrder(t *testing.T) {
	p, api := newTestPlatform(t)
	list := &model.PostList{
		Order: []string{"new", "old"},
		Posts: map[string]*model.Post{"old": {Id: "old"}, "new": {Id: "new"}, "parent": {Id: "parent"}},
	}
	api.On("GetPostsForChannel", "ch", 1, 200).Return(list, nil).Once()

	posts, err := p.Posts.ChannelPosts("ch", 1, 200)
	require.NoError(t, err)
	require.Len(t, posts, 2, "a reply's parent outside the page is not part of it")
	assert.Equal(t, "new", posts[0].Id)
	assert.Equal(t, "old", posts[1].Id)
}
