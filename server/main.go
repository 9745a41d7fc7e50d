// Command server is the Connect Chat plugin's server half, which Mattermost starts and talks to
// over RPC: plugin.go wires the domain packages, hooks.go delegates every hook to them.
package main

import (
	"os"
	"runtime"

	"github.com/mattermost/mattermost/server/public/plugin"

	"github.com/connectchat/mattermost-plugin-connect/server/profiling"
)

func main() {
	useOneProcessor(os.Getenv)
	profiling.Listen()
	plugin.ClientMain(&Plugin{})
}

// useOneProcessor runs the plugin's goroutines on one processor unless the GOMAXPROCS
// environment variable sets a number. Mattermost calls each hook over RPC on a fresh goroutine
// that runs for microseconds, and with more processors Go's scheduler wakes idle threads to spin
// for work at every call: measured with `make bench` (20% ticket numbers, recipients offline,
// email on, 2 cores), that spinning cost more than all of Connect's own work, and one processor
// took Connect's process from 83 µs per post above the do-nothing plugin to 45 µs below it.
// Connect's work is short or waits on the network (ServiceNow, the plugin API), which releases
// the processor; Go preempts anything longer every 10 ms.
func useOneProcessor(getenv func(string) string) {
	if getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
}
