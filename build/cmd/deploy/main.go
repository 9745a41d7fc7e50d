// Command deploy uploads a plugin bundle to a running Mattermost server and enables it.
//
// Either MM_SERVICESETTINGS_SITEURL and MM_ADMIN_TOKEN (a system admin's personal access token),
// or MM_LOCALSOCKETPATH (the server's local-mode socket, no token needed) must be set.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: deploy <bundle.tar.gz>")
		os.Exit(2)
	}
	if err := deploy(context.Background(), os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "deploy:", err)
		os.Exit(1)
	}
}

func deploy(ctx context.Context, bundlePath string) error {
	client, target, err := clientFromEnv()
	if err != nil {
		return err
	}
	manifest, err := rig.InstallBundle(ctx, client, bundlePath)
	if err != nil {
		return errors.Wrapf(err, "failed to deploy to %s", target)
	}
	fmt.Printf("%s %s is installed and enabled on %s\n", manifest.Id, manifest.Version, target)
	return nil
}

func clientFromEnv() (*model.Client4, string, error) {
	if socket := os.Getenv("MM_LOCALSOCKETPATH"); socket != "" {
		return model.NewAPIv4SocketClient(socket), socket, nil
	}
	siteURL, token := os.Getenv("MM_SERVICESETTINGS_SITEURL"), os.Getenv("MM_ADMIN_TOKEN")
	if siteURL == "" || token == "" {
		return nil, "", errors.New("set MM_SERVICESETTINGS_SITEURL and MM_ADMIN_TOKEN, or MM_LOCALSOCKETPATH for local mode")
	}
	client := model.NewAPIv4Client(siteURL)
	client.SetToken(token)
	return client, siteURL, nil
}
