package rig

import (
	"context"
	"os"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
)

// InstallBundle uploads a plugin bundle to the server behind client (a system admin's or a
// local-mode client) and enables the plugin. It does not wait for the plugin to start: local mode
// has no plugin statuses endpoint.
func InstallBundle(ctx context.Context, client *model.Client4, bundlePath string) (*model.Manifest, error) {
	bundle, err := os.Open(bundlePath)
	if err != nil {
		return nil, errors.Wrap(err, "failed to open the plugin bundle")
	}
	defer bundle.Close()

	manifest, _, err := client.UploadPluginForced(ctx, bundle)
	if err != nil {
		return nil, errors.Wrap(err, "failed to upload the plugin bundle")
	}
	if _, err := client.EnablePlugin(ctx, manifest.Id); err != nil {
		return nil, errors.Wrapf(err, "failed to enable %s", manifest.Id)
	}
	return manifest, nil
}

// waitForPluginState waits up to a minute for the plugin to reach want, and says why not.
func waitForPluginState(ctx context.Context, client *model.Client4, pluginID string, want int) error {
	return waitFor(ctx, 60*time.Second, func() error {
		status, err := pluginStatus(ctx, client, pluginID)
		if err == nil && status.State != want {
			err = errors.Errorf("plugin %s is in state %d (want %d) %s", pluginID, status.State, want, status.Error)
		}
		return err
	})
}

func pluginStatus(ctx context.Context, client *model.Client4, pluginID string) (*model.PluginStatus, error) {
	statuses, _, err := client.GetPluginStatuses(ctx)
	if err != nil {
		return nil, errors.Wrap(err, "failed to read plugin statuses")
	}
	for _, status := range statuses {
		if status.PluginId == pluginID {
			return status, nil
		}
	}
	return &model.PluginStatus{PluginId: pluginID, State: model.PluginStateNotRunning}, nil
}
