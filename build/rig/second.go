package rig

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
)

// StartSecond starts another Mattermost process on s's database, file store and mail sink, as
// a second node sharing one database would run: its own port and plugin directory, the same
// plugin (Mattermost installs it from the shared file store) and s's settings. An unlicensed
// server forms no cluster, so the plugin's cluster jobs and KV compare-and-set over the shared
// database are all that keep the two apart. Stop it with StopSecond.
func (s *Server) StartSecond(ctx context.Context) (*Server, error) {
	binary, err := ensureMattermostBinary(ctx, RepoRoot(), s.log)
	if err != nil {
		return nil, err
	}
	second := &Server{log: s.log, pg: s.pg, Database: s.Database, Mail: s.Mail, Teams: s.Teams, Admin: s.Admin,
		Staff: s.Staff, Customers: s.Customers, ServiceNowURL: s.ServiceNowURL, ownsDir: true}
	if second.Dir, err = os.MkdirTemp("", runDirPattern); err != nil {
		return nil, errors.Wrap(err, "failed to make the second server's directory")
	}
	for _, dir := range []string{"plugins", "client-plugins", "logs"} {
		if err := os.MkdirAll(filepath.Join(second.Dir, dir), 0o750); err != nil {
			second.StopSecond()
			return nil, errors.Wrap(err, "failed to prepare the second server's directory")
		}
	}
	settings, err := os.ReadFile(filepath.Join(s.Dir, "config.json"))
	if err != nil {
		second.StopSecond()
		return nil, errors.Wrap(err, "failed to read the first server's config")
	}
	configPath := filepath.Join(second.Dir, "config.json")
	if err := os.WriteFile(configPath, settings, 0o600); err != nil {
		second.StopSecond()
		return nil, errors.Wrap(err, "failed to write the second server's config")
	}
	port, err := freePort()
	if err != nil {
		second.StopSecond()
		return nil, err
	}
	second.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	shared := []string{"MM_FILESETTINGS_DIRECTORY=" + filepath.Join(s.Dir, "data")}
	if err := second.launch(ctx, binary, configPath, port, false, shared); err != nil {
		second.StopSecond()
		return nil, err
	}
	admin, err := second.AdminClient(ctx)
	if err != nil {
		second.StopSecond()
		return nil, err
	}
	if err := waitForPluginState(ctx, admin, PluginID, model.PluginStateRunning); err != nil {
		second.StopSecond()
		return nil, errors.Wrapf(err, "the plugin did not start on the second server:\n%s", second.LogTail(20))
	}
	return second, nil
}

// StopSecond ends a server StartSecond started, leaving what it shares with the first.
func (s *Server) StopSecond() {
	if s.process != nil {
		s.process.stop()
		s.process = nil
	}
	if s.ownsDir && s.Dir != "" {
		_ = os.RemoveAll(s.Dir)
		s.Dir = ""
	}
}
