package platform

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

// Clients reaches users' open web, desktop and mobile clients over the websocket; they receive
// custom_<plugin id>_<event>. Mattermost delivers the event on every server of the cluster.
type Clients struct{ api plugin.API }

// Publish sends event to every open client of userID.
func (c *Clients) Publish(userID string, event wire.Event) {
	c.api.PublishWebSocketEvent(event.EventName(), wire.Data(event), &model.WebsocketBroadcast{UserId: userID})
}
