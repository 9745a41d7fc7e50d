package rig

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"github.com/pkg/errors"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/api"
)

// startServiceNow runs the ServiceNow stand-in: in this process for test runs, or as its
// own detached process for a server that outlives the caller (make dev).
func (s *Server) startServiceNow(ctx context.Context, detached bool) error {
	if !detached {
		sn, err := standin.Start(standin.Options{})
		if err != nil {
			return errors.Wrap(err, "failed to start the ServiceNow stand-in")
		}
		s.ServiceNow, s.ServiceNowURL = sn, sn.URL()
		return nil
	}
	pid, url, err := startDetachedServiceNow(ctx, s.Dir)
	s.serviceNowPID, s.ServiceNowURL = pid, url
	return err
}

func startDetachedServiceNow(ctx context.Context, dir string) (int, string, error) {
	binary := filepath.Join(dir, "servicenow-stand-in")
	build := goCommand(ctx, RepoRoot(), "build", "-o", binary, "./build/cmd/servicenow")
	if out, err := build.CombinedOutput(); err != nil {
		return 0, "", errors.Wrapf(err, "failed to build the ServiceNow stand-in: %s", out)
	}
	port, err := freePort()
	if err != nil {
		return 0, "", err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	logFile, err := os.Create(filepath.Join(dir, "servicenow-stand-in.log"))
	if err != nil {
		return 0, "", errors.Wrap(err, "failed to create the stand-in log")
	}
	defer logFile.Close()
	cmd := exec.Command(binary, "-addr", addr)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return 0, "", errors.Wrap(err, "failed to start the ServiceNow stand-in")
	}
	go func() { _ = cmd.Wait() }()
	return cmd.Process.Pid, "http://" + addr, waitFor(ctx, 10*time.Second, func() error {
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			_ = conn.Close()
		}
		return err
	})
}

// pointServiceNowAtWebhook sets the in-process stand-in's webhook properties, so that events
// handed to it reach the plugin signed as the business rule signs them.
func (s *Server) pointServiceNowAtWebhook() {
	if s.ServiceNow != nil {
		s.ServiceNow.SetWebhook(standin.Webhook{URL: s.URL + "/plugins/" + PluginID + api.WebhookPath, Secret: WebhookSecret})
	}
}

func (s *Server) stopServiceNow() {
	if s.ServiceNow != nil {
		s.ServiceNow.Close()
		s.ServiceNow = nil
	}
	if s.serviceNowPID > 0 {
		_ = syscall.Kill(-s.serviceNowPID, syscall.SIGTERM)
		s.serviceNowPID = 0
	}
}
