package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

const devPort = 8065

func devStatePath() string {
	return filepath.Join(rig.RepoRoot(), "build", ".dev", "state.json")
}

// startDev brings up the development server, or shows the one already running.
func startDev(ctx context.Context) error {
	if state, err := readDevState(); err == nil && state.Running() {
		fmt.Println("The development server is already running (make dev-stop stops it).")
		printDev(state)
		return nil
	}
	dir := filepath.Join(rig.RepoRoot(), "build", ".dev", "server")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	srv, err := rig.Start(ctx, rig.Options{Dir: dir, Port: devPortOrFree(), Database: "connect_dev", Detached: true, Log: os.Stderr})
	if err != nil {
		return err
	}
	if err := seedDev(ctx, srv); err != nil {
		return err
	}
	state := srv.Detach()
	if err := writeDevState(state); err != nil {
		return err
	}
	printDev(state)
	return nil
}

// seedDev adds the demo conversations; when it cannot, it stops the half-seeded server.
func seedDev(ctx context.Context, srv *rig.Server) error {
	fmt.Fprintln(os.Stderr, "rig: seeding the demo conversations")
	if err := srv.SeedDemo(ctx); err != nil {
		srv.Stop()
		return fmt.Errorf("failed to seed the demo conversations, so the server is stopped (its log is in %s/logs): %w", srv.Dir, err)
	}
	return nil
}

func stopDev(ctx context.Context) error {
	state, err := readDevState()
	if err != nil {
		fmt.Println("No development server is recorded; nothing to stop.")
		return nil
	}
	if err := rig.StopDetached(ctx, state); err != nil {
		return err
	}
	fmt.Println("The development server is stopped and its database dropped.")
	return os.Remove(devStatePath())
}

func printDev(state rig.Detached) {
	fmt.Printf(`
Connect Chat development server
  Mattermost:           %[1]s
  Connect Workspace:    %[1]s/plugins/%[2]s/workspace
  Plugin health:        %[1]s/plugins/%[2]s/api/v1/health
  Server logs:          %[3]s/logs
  ServiceNow stand-in:  %[5]s (user %[6]q, password %[7]q)

Logins (password %[4]q for all):
  sysadmin              system admin
  alice, bob, carol     ITIL staff (teams "support" and "itil", the staff team)
  dave, erin            customers (team "support" only)

Demo conversations (seeded at start; log in as alice to see them all):
  alice ↔ bob           direct: the Finance mail outage, in markdown, with a card for %[8]s
  %[10]q
                        Connect group of alice, bob and carol: a card for %[9]s, a code block, a picture
  alice ↔ carol         direct: carol's last message is unread for alice

Open %[1]s/ in a browser and sign in. Mattermost's own web client is not published anywhere
this machine can reach, so the web client here is Connect's dev host (webapp/devhost): it loads
the plugin as the web app does, with the Connect icon in its app bar.
`, state.URL, rig.PluginID, state.Dir, rig.Password, state.ServiceNowURL, standin.DefaultUsername, standin.DefaultPassword,
		rig.DemoDirectRecord, rig.DemoGroupRecord, rig.DemoGroupName)
}

func devPortOrFree() int {
	listener, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", devPort))
	if err != nil {
		return 0
	}
	_ = listener.Close()
	return devPort
}

func readDevState() (rig.Detached, error) {
	var state rig.Detached
	content, err := os.ReadFile(devStatePath())
	if err != nil {
		return state, err
	}
	return state, json.Unmarshal(content, &state)
}

func writeDevState(state rig.Detached) error {
	content, err := json.MarshalIndent(state, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(devStatePath(), content, 0o600)
}
