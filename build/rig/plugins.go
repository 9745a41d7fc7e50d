package rig

import (
	"context"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
)

// InstallPlugin uploads and enables a plugin bundle (any plugin, not only Connect) and waits
// until it runs.
func (s *Server) InstallPlugin(ctx context.Context, bundlePath string) (*model.Manifest, error) {
	admin, err := s.AdminClient(ctx)
	if err != nil {
		return nil, err
	}
	manifest, err := InstallBundle(ctx, admin, bundlePath)
	if err != nil {
		return nil, err
	}
	err = waitForPluginState(ctx, admin, manifest.Id, model.PluginStateRunning)
	return manifest, errors.Wrapf(err, "server log:\n%s", s.LogTail(20))
}

// SetPluginEnabledByID enables or disables an installed plugin and waits until it has (not)
// started. A plugin already in that state is left alone.
func (s *Server) SetPluginEnabledByID(ctx context.Context, pluginID string, enabled bool) error {
	admin, err := s.AdminClient(ctx)
	if err != nil {
		return err
	}
	change, want := admin.DisablePlugin, model.PluginStateNotRunning
	if enabled {
		change, want = admin.EnablePlugin, model.PluginStateRunning
	}
	if status, err := pluginStatus(ctx, admin, pluginID); err != nil || status.State == want {
		return err
	}
	if _, err := change(ctx, pluginID); err != nil {
		return errors.Wrapf(err, "failed to set plugin %s enabled=%v", pluginID, enabled)
	}
	return errors.Wrapf(waitForPluginState(ctx, admin, pluginID, want), "server log:\n%s", s.LogTail(20))
}
