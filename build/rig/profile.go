package rig

import (
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/profiling"
)

// profileWriteLimit bounds the wait for the plugin to write a profile it was asked for.
const profileWriteLimit = 10 * time.Second

// StartPluginProfile starts a CPU profile of Connect's running process (Options.ProfileDir
// must be set); StopPluginProfile ends it and saves it at path.
func (s *Server) StartPluginProfile() error {
	if s.profileDir == "" {
		return errors.New("the server was started without a profile folder")
	}
	_ = os.Remove(filepath.Join(s.profileDir, profiling.FileName))
	return s.signalPlugin(syscall.SIGUSR1)
}

// StopPluginProfile ends the profile StartPluginProfile started and moves it to path.
func (s *Server) StopPluginProfile(path string) error {
	if err := s.signalPlugin(syscall.SIGUSR2); err != nil {
		return err
	}
	written := filepath.Join(s.profileDir, profiling.FileName)
	for deadline := time.Now().Add(profileWriteLimit); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(written); err == nil {
			return errors.Wrap(os.Rename(written, path), "failed to keep the plugin's profile")
		}
	}
	return errors.Errorf("the plugin wrote no profile within %v", profileWriteLimit)
}

func (s *Server) signalPlugin(sig syscall.Signal) error {
	pid, err := s.pluginPID()
	if err != nil {
		return err
	}
	return errors.Wrapf(syscall.Kill(pid, sig), "failed to signal plugin process %d", pid)
}
