// Package integration drives a real Mattermost server with the plugin installed, the way users do:
// through the REST API, the websocket and slash commands.
package integration

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

var server *rig.Server

func TestMain(m *testing.M) {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	var err error
	server, err = rig.Start(ctx, rig.Options{Log: os.Stderr})
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "integration: the test server did not start:", err)
		os.Exit(1)
	}
	code := m.Run()
	server.Stop()
	os.Exit(code)
}
