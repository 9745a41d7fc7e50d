package rig

import (
	"os"
	"path/filepath"

	"github.com/pkg/errors"
)

// installDevHost makes the dev host page (webapp/devhost, built into webapp/dist-devhost) the
// server's web client. The server looks for ./client beside its working directory; it answers
// /static/* from there and every other page path with client/root.html. The Mattermost web client
// itself cannot be built here, so the dev host stands in for it: built on the web app's own
// mattermost-redux and @mattermost/client, it loads enabled plugins before sign-in, signs users in
// and out without reloading, and renders plugins' components where the web app does.
func installDevHost(runDir string) error {
	source := filepath.Join(RepoRoot(), "webapp", "dist-devhost")
	client := filepath.Join(runDir, "client")
	if err := os.MkdirAll(client, 0o750); err != nil {
		return errors.Wrap(err, "failed to make the client directory")
	}
	entries, err := os.ReadDir(source)
	if err != nil {
		return errors.Wrap(err, "the dev host is not built (make bundle builds webapp/dist-devhost)")
	}
	for _, entry := range entries {
		content, err := os.ReadFile(filepath.Join(source, entry.Name()))
		if err != nil {
			return errors.Wrap(err, "failed to read the dev host")
		}
		if err := os.WriteFile(filepath.Join(client, entry.Name()), content, 0o600); err != nil {
			return errors.Wrap(err, "failed to install the dev host")
		}
	}
	return nil
}
