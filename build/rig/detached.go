package rig

import (
	"context"
	"os"
	"syscall"
	"time"

	"github.com/pkg/errors"
)

// Detached describes a server started with Options.Detached, so a later process can stop it.
type Detached struct {
	URL      string `json:"url"`
	Dir      string `json:"dir"`
	Database string `json:"database"`
	PID      int    `json:"pid"`
	// ServiceNowPID is the stand-in's process; ServiceNowURL where it answers.
	ServiceNowPID int    `json:"servicenow_pid"`
	ServiceNowURL string `json:"servicenow_url"`
}

// Detach lets the server outlive this process and returns what StopDetached needs.
func (s *Server) Detach() Detached {
	s.process = nil
	defer func() { s.serviceNowPID = 0 }()
	return Detached{
		URL: s.URL, Dir: s.Dir, Database: s.Database, PID: s.PID,
		ServiceNowPID: s.serviceNowPID, ServiceNowURL: s.ServiceNowURL,
	}
}

// Running tells whether the detached server's process is still alive.
func (d Detached) Running() bool {
	return processAlive(d.PID)
}

// StopDetached ends a detached server (its whole session) and drops its database and directory.
func StopDetached(ctx context.Context, d Detached) error {
	if d.Running() {
		_ = syscall.Kill(-d.PID, syscall.SIGTERM)
		_ = waitFor(ctx, 15*time.Second, func() error {
			if d.Running() {
				return errors.New("still running")
			}
			return nil
		})
		_ = syscall.Kill(-d.PID, syscall.SIGKILL)
	}
	if d.ServiceNowPID > 0 && processAlive(d.ServiceNowPID) {
		_ = syscall.Kill(-d.ServiceNowPID, syscall.SIGTERM)
	}
	pg, err := ensurePostgres(ctx, RepoRoot(), nil)
	if err != nil {
		return err
	}
	if err := pg.dropDatabase(ctx, d.Database); err != nil {
		return err
	}
	return errors.Wrap(os.RemoveAll(d.Dir), "failed to remove the server directory")
}
