//go:build !posthooks

package main

import (
	"io"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// The hooks beyond the post hooks, left out of the post-hooks floor.

func (*floor) MessageWillBeUpdated(_ *plugin.Context, _, _ *model.Post) (*model.Post, string) {
	return nil, ""
}

func (*floor) FileWillBeUploaded(*plugin.Context, *model.FileInfo, io.Reader, io.Writer) (*model.FileInfo, string) {
	return nil, ""
}

func (*floor) EmailNotificationWillBeSent(*model.EmailNotification) (*model.EmailNotificationContent, string) {
	return nil, ""
}

func (*floor) ExecuteCommand(*plugin.Context, *model.CommandArgs) (*model.CommandResponse, *model.AppError) {
	return &model.CommandResponse{}, nil
}

func (*floor) ServeHTTP(*plugin.Context, http.ResponseWriter, *http.Request) {}

func (*floor) MessageHasBeenUpdated(_ *plugin.Context, _, _ *model.Post) {}

func (*floor) MessageHasBeenDeleted(*plugin.Context, *model.Post) {}

func (*floor) ReactionHasBeenAdded(*plugin.Context, *model.Reaction) {}

func (*floor) UserHasJoinedChannel(*plugin.Context, *model.ChannelMember, *model.User) {}

func (*floor) UserHasLeftChannel(*plugin.Context, *model.ChannelMember, *model.User) {}

func (*floor) UserHasBeenCreated(*plugin.Context, *model.User) {}

func (*floor) UserHasJoinedTeam(*plugin.Context, *model.TeamMember, *model.User) {}

func (*floor) UserHasLeftTeam(*plugin.Context, *model.TeamMember, *model.User) {}

func (*floor) UserHasBeenDeactivated(*plugin.Context, *model.User) {}

func (*floor) OnPluginClusterEvent(*plugin.Context, model.PluginClusterEvent) {}
