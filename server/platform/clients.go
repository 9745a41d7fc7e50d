package platform

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// Clients reaches users' open web, desktop and mobile clients over the websocket; they receive
// custom_<plugin id>_<event>.
type Clients struct{ api plugin.API }

// Publish sends event to every open client of userID.
func (c *Clients) Publish(userID, event string, payload map[string]any) {
	c.api.PublishWebSocketEvent(event, payload, &model.WebsocketBroadcast{UserId: userID})
}
