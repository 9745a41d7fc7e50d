package platform

import (
	"context"
	"sync"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/mattermost/mattermost/server/public/pluginapi/cluster"
)

// Cluster reaches the plugin on the other servers of a Mattermost cluster: events, through one
// dispatch table keyed by event id, and cluster-wide locks.
type Cluster struct {
	api    plugin.API
	client *pluginapi.Client

	mu       sync.RWMutex
	handlers map[string]func(data []byte)
}

func newCluster(api plugin.API, client *pluginapi.Client) *Cluster {
	return &Cluster{api: api, client: client, handlers: map[string]func([]byte){}}
}

// Handle makes handler receive the data of every event with id event sent by another server.
func (c *Cluster) Handle(event string, handler func(data []byte)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.handlers[event] = handler
}

// Dispatch hands an event from another server to its handler; it reports whether one took it.
func (c *Cluster) Dispatch(ev model.PluginClusterEvent) bool {
	c.mu.RLock()
	handler, ok := c.handlers[ev.Id]
	c.mu.RUnlock()
	if ok {
		handler(ev.Data)
	}
	return ok
}

// Broadcast sends an event to the plugin on every other server, reliably.
func (c *Cluster) Broadcast(event, data string) error {
	return c.client.Cluster.PublishPluginEvent(
		model.PluginClusterEvent{Id: event, Data: []byte(data)},
		model.PluginClusterEventSendOptions{SendType: model.PluginClusterEventSendTypeReliable},
	)
}

// Lock takes the cluster-wide lock named key, waiting until ctx ends; call unlock to release it.
func (c *Cluster) Lock(ctx context.Context, key string) (unlock func(), err error) {
	mutex, err := cluster.NewMutex(c.api, key)
	if err != nil {
		return nil, err
	}
	if err := mutex.LockWithContext(ctx); err != nil {
		return nil, err
	}
	return mutex.Unlock, nil
}
