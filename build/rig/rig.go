// Package rig runs a real, pinned Mattermost server on a real PostgreSQL with the plugin installed.
// Integration tests, browser tests, `make bench` and `make dev` all start it through Start.
package rig

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/pkg/errors"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

// Options shape one server run. The zero value suits a test run.
type Options struct {
	// Dir is the run's working directory; a temporary one is made (and removed) when empty.
	Dir string
	// Port to listen on; a free one when 0.
	Port int
	// Database name; a fresh, uniquely named one when empty. It is always created anew.
	Database string
	// Detached servers outlive the calling process (make dev); others die with it.
	Detached bool
	// Log receives progress lines; nil discards them.
	Log io.Writer
	// ProfileDir, when set, lets ProfilePlugin take CPU profiles of Connect's process.
	ProfileDir string
}

// Server is a running Mattermost with the plugin enabled and the demo users created.
type Server struct {
	URL      string
	Dir      string
	Database string
	PID      int
	Teams    Teams
	Admin    User
	Staff    []User
	// Customers are non-staff users (end users of IT services).
	Customers []User
	// ServiceNow is the in-process stand-in (nil for detached runs, whose stand-in is a process).
	ServiceNow    *standin.Server
	ServiceNowURL string
	// Mail keeps the email the server sends (test runs only; nil for detached runs).
	Mail *MailSink

	serviceNowPID int
	process       *process
	pg            *postgres
	ownsDir       bool
	log           io.Writer
	profileDir    string
}

// Start builds what is missing (Mattermost binary, plugin bundle), starts PostgreSQL and the
// server, and installs the plugin. Call Stop when done, also after a failed test.
func Start(ctx context.Context, opts Options) (srv *Server, err error) {
	log := opts.Log
	if log == nil {
		log = io.Discard
	}
	root := RepoRoot()

	binary, err := ensureMattermostBinary(ctx, root, log)
	if err != nil {
		return nil, err
	}
	bundle, err := buildBundle(ctx, root, log)
	if err != nil {
		return nil, err
	}
	pg, err := ensurePostgres(ctx, root, log)
	if err != nil {
		return nil, err
	}

	srv = &Server{log: log, pg: pg, Dir: opts.Dir, Database: opts.Database, profileDir: opts.ProfileDir}
	defer func() {
		if err != nil {
			srv.Stop()
			srv = nil
		}
	}()
	if srv.Dir == "" {
		sweepAbandonedRuns(log)
		if srv.Dir, err = os.MkdirTemp("", runDirPattern); err != nil {
			return srv, errors.Wrap(err, "failed to make the run directory")
		}
		srv.ownsDir = true
	}
	if srv.Database == "" {
		srv.Database = uniqueDatabaseName()
	}
	if err = pg.recreateDatabase(ctx, srv.Database); err != nil {
		return srv, err
	}
	if err = srv.startServiceNow(ctx, opts.Detached); err != nil {
		return srv, err
	}
	if !opts.Detached {
		if srv.Mail, err = startMailSink(); err != nil {
			return srv, err
		}
	}
	if err = srv.startProcess(ctx, binary, opts); err != nil {
		return srv, err
	}
	srv.pointServiceNowAtWebhook()
	if err = srv.bootstrap(ctx, bundle); err != nil {
		return srv, err
	}
	if err = srv.ConfigurePlugin(ctx, nil); err != nil {
		return srv, err
	}
	fmt.Fprintf(log, "rig: Mattermost is up at %s with the plugin enabled\n", srv.URL)
	return srv, nil
}

// Stop ends the server and removes its database and run directory. It is safe to call twice.
func (s *Server) Stop() {
	s.stopServiceNow()
	if s.Mail != nil {
		s.Mail.close()
		s.Mail = nil
	}
	if s.process != nil {
		s.process.stop()
		s.process = nil
	}
	if s.pg != nil && s.Database != "" {
		if err := s.pg.dropDatabase(context.Background(), s.Database); err != nil {
			fmt.Fprintf(s.log, "rig: %v\n", err)
		}
		s.Database = ""
	}
	if s.pg != nil {
		_ = s.pg.db.Close()
		s.pg = nil
	}
	if s.ownsDir && s.Dir != "" {
		_ = os.RemoveAll(s.Dir)
		s.Dir = ""
	}
}

// RepoRoot is the plugin repository's top folder.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}
