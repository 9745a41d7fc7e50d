package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

// execAgainstServer runs a command with CONNECT_MM_* variables describing a fresh server.
func execAgainstServer(ctx context.Context, args []string) (int, error) {
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		return 2, fmt.Errorf("usage: rig exec -- <command> [args]")
	}
	srv, err := rig.Start(ctx, rig.Options{Log: os.Stderr})
	if err != nil {
		return 1, err
	}
	defer srv.Stop()

	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), serverEnv(srv)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	return 0, err
}

// serverEnv is the contract with tests written in other languages (the browser tests).
func serverEnv(srv *rig.Server) []string {
	return []string{
		"CONNECT_MM_URL=" + srv.URL,
		"CONNECT_MM_PASSWORD=" + rig.Password,
		"CONNECT_MM_ADMIN=" + srv.Admin.Username,
		"CONNECT_MM_STAFF=" + usernames(srv.Staff),
		"CONNECT_MM_CUSTOMERS=" + usernames(srv.Customers),
		"CONNECT_MM_TEAM=" + srv.Teams.Support.Name,
		"CONNECT_SN_URL=" + srv.ServiceNowURL,
	}
}

func usernames(users []rig.User) string {
	names := make([]string, len(users))
	for i, u := range users {
		names[i] = u.Username
	}
	return strings.Join(names, ",")
}
