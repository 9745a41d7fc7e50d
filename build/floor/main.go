// Command floor is a Mattermost plugin ("Connect floor", id connect-floor) that implements the
// server hooks Connect implements and does nothing in them. `make bench` builds and installs it
// as its baseline: what any plugin with these hooks costs the server, before doing any work.
package main

import (
	"io"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

type floor struct {
	plugin.MattermostPlugin
}

// Hooks that may change or refuse something answer nil and "": no change, not refused.

func (*floor) MessageWillBePosted(*plugin.Context, *model.Post) (*model.Post, string) {
	return nil, ""
}

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

func (*floor) MessageHasBeenPosted(*plugin.Context, *model.Post) {}

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

func main() {
	plugin.ClientMain(&floor{})
}
