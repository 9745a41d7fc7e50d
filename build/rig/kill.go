package rig

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/pkg/errors"
)

// KillPlugin kills the plugin's process with SIGKILL, as a crash would: Mattermost runs none
// of its hooks until its health check restarts it (or it is disabled and enabled again).
func (s *Server) KillPlugin() error {
	pid, err := s.pluginPID()
	if err != nil {
		return err
	}
	return errors.Wrapf(syscall.Kill(pid, syscall.SIGKILL), "failed to kill plugin process %d", pid)
}

// pluginPID finds the child of the server whose command line is this run's plugin binary.
func (s *Server) pluginPID() (int, error) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, errors.Wrap(err, "failed to list processes")
	}
	binaryDir := filepath.Join(s.Dir, "plugins", PluginID)
	for _, entry := range entries {
		pid, err := strconv.Atoi(entry.Name())
		if err != nil {
			continue
		}
		cmdline, err := os.ReadFile(filepath.Join("/proc", entry.Name(), "cmdline"))
		if err == nil && bytes.Contains(cmdline, []byte(binaryDir)) && strings.Contains(string(cmdline), "plugin-") {
			return pid, nil
		}
	}
	return 0, errors.Errorf("no process runs the plugin from %s", binaryDir)
}
