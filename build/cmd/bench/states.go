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

// states are measured in every round, in a rotating order. "floor" is the plugin running
// with nothing to do per post but the hook round trip, the cost any hook pays.
var states = []state{
	{"disabled", "plugin disabled", func(ctx context.Context, srv *rig.Server) error {
		return srv.SetPluginEnabled(ctx, false)
	}},
	{"floor", "plugin enabled, enforcement off, no ServiceNow", enabledWith(map[string]any{"EnforcementMode": "off", "ServiceNowURL": ""})},
	{"enforce", "staff-only enforcement, no ServiceNow", enabledWith(map[string]any{"ServiceNowURL": ""})},
	{"all", "enforcement and ServiceNow (role sync, record cards)", enabledWith(nil)},
}

func enabledWith(settings map[string]any) func(context.Context, *rig.Server) error {
	return func(ctx context.Context, srv *rig.Server) error {
		if err := srv.ConfigurePlugin(ctx, settings); err != nil {
			return err
		}
		return srv.SetPluginEnabled(ctx, true)
	}
}

// rotated is the round's order: each state goes first in turn, so warm-up and drift favour none.
func rotated(round int) []state {
	order := make([]state, 0, len(states))
	for i := range states {
		order = append(order, states[(round+i)%len(states)])
	}
	return order
}
