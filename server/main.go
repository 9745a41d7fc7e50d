// Command server is the Connect Chat plugin's server half, which Mattermost starts and talks to
// over RPC: plugin.go wires the domain packages, hooks.go delegates every hook to them.
package main

import (
	"github.com/mattermost/mattermost/server/public/plugin"

	"github.com/connectchat/mattermost-plugin-connect/server/profiling"
)

func main() {
	profiling.Listen()
	plugin.ClientMain(&Plugin{})
}
