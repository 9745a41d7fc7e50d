package main

import (
	"context"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

// state is one configuration the bench measures.
type state struct {
	name  string
	about string
	apply func(ctx context.Context, srv *rig.Server) error
}

// states are measured in every round, in a rotating order.
var states = []state{
	{"disabled", "Connect and the floor plugin disabled", func(ctx context.Context, srv *rig.Server) error {
		return onlyEnabled(ctx, srv, "")
	}},
	{"floor", "only the floor plugin: Connect's server hooks, each doing nothing", func(ctx context.Context, srv *rig.Server) error {
		return onlyEnabled(ctx, srv, floorID)
	}},
	{"connect", "only Connect, default test settings (enforcement on, ServiceNow stand-in)", func(ctx context.Context, srv *rig.Server) error {
		if err := srv.ConfigurePlugin(ctx, nil); err != nil {
			return err
		}
		return onlyEnabled(ctx, srv, rig.PluginID)
	}},
}

// onlyEnabled leaves pluginID (none when "") as the only one of Connect and the floor running.
// It stops the other first, so that the two never run together.
func onlyEnabled(ctx context.Context, srv *rig.Server, pluginID string) error {
	for _, id := range []string{rig.PluginID, floorID} {
		if id == pluginID {
			continue
		}
		if err := srv.SetPluginEnabledByID(ctx, id, false); err != nil {
			return err
		}
	}
	if pluginID == "" {
		return nil
	}
	return srv.SetPluginEnabledByID(ctx, pluginID, true)
}

// rotated is the round's order: each state goes first in turn, so warm-up and drift favour none.
func rotated(round int) []state {
	order := make([]state, 0, len(states))
	for i := range states {
		order = append(order, states[(round+i)%len(states)])
	}
	return order
}
