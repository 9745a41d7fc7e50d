package main

import (
	"context"
	"net/http"
	"time"

	"github.com/pkg/errors"

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
	{"disabled", "Connect and both floor plugins disabled", func(ctx context.Context, srv *rig.Server) error {
		return onlyEnabled(ctx, srv, "")
	}},
	{"posthook", "only the post-hooks floor: MessageWillBePosted and MessageHasBeenPosted, doing nothing", func(ctx context.Context, srv *rig.Server) error {
		return onlyEnabled(ctx, srv, postHooksFloor.id)
	}},
	{"floor", "only the floor plugin: Connect's server hooks, each doing nothing", func(ctx context.Context, srv *rig.Server) error {
		return onlyEnabled(ctx, srv, floor.id)
	}},
	{"connect", "only Connect, default test settings (enforcement on, ServiceNow stand-in)", func(ctx context.Context, srv *rig.Server) error {
		if err := srv.ConfigurePlugin(ctx, nil); err != nil {
			return err
		}
		if err := onlyEnabled(ctx, srv, rig.PluginID); err != nil {
			return err
		}
		return waitForRecovery(ctx, srv)
	}},
}

// recoveryLimit bounds the wait for Connect to go through the posts made while it was off.
const recoveryLimit = 2 * time.Minute

// waitForRecovery waits until Connect, just enabled, has screened and carded the posts the other
// states made while it was off, and has no card fills waiting (its health says): that is the
// cost of the bench switching it off and on, not of posting, and must not run into a measurement.
func waitForRecovery(ctx context.Context, srv *rig.Server) error {
	admin, err := srv.AdminClient(ctx)
	if err != nil {
		return err
	}
	for deadline := time.Now().Add(recoveryLimit); time.Now().Before(deadline); {
		var health struct {
			Recovery struct {
				LastRun time.Time `json:"last_run"`
			} `json:"recovery"`
			Records struct {
				Fills struct {
					Backlog int `json:"backlog"`
				} `json:"fills"`
			} `json:"records"`
		}
		if err := srv.CallConnect(ctx, admin, http.MethodGet, "/api/v1/health", nil, &health); err != nil {
			return err
		}
		if !health.Recovery.LastRun.IsZero() && health.Records.Fills.Backlog == 0 {
			return nil
		}
		if err := sleep(ctx, 100*time.Millisecond); err != nil {
			return err
		}
	}
	return errors.Errorf("Connect did not finish its recovery within %v", recoveryLimit)
}

// onlyEnabled leaves pluginID (none when "") as the only one of Connect and the floors running.
// It stops the others first, so that no two ever run together.
func onlyEnabled(ctx context.Context, srv *rig.Server, pluginID string) error {
	for _, id := range []string{rig.PluginID, floor.id, postHooksFloor.id} {
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
