// Command rig runs the real Mattermost test server for the browser tests and for `make dev`.
//
//	rig exec -- <command> [args]   start a throwaway server, run the command against it, tear down
//	rig dev                        start (or show) the long-running development server
//	rig dev-stop                   stop the development server and drop its database
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	code, err := run(ctx, os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "rig:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

func run(ctx context.Context, args []string) (int, error) {
	if len(args) == 0 {
		return 2, fmt.Errorf("usage: rig exec -- <command> | rig dev | rig dev-stop")
	}
	switch args[0] {
	case "exec":
		return execAgainstServer(ctx, args[1:])
	case "dev":
		return 0, startDev(ctx)
	case "dev-stop":
		return 0, stopDev(ctx)
	}
	return 2, fmt.Errorf("unknown command %q", args[0])
}
