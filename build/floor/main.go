// Command floor is a Mattermost plugin ("Connect floor", id connect-floor) that implements the
// server hooks Connect implements and does nothing in them. `make bench` builds and installs it
// as its baseline: what any plugin with these hooks costs the server, before doing any work.
// Built with the tag posthooks ("Connect post-hooks floor", id connect-floor-post) it implements
// only the two post hooks: the baseline of a plugin that only looks at posts.
package main

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

type floor struct {
	plugin.MattermostPlugin
}

// Hooks that may change or refuse something answer nil and "": no change, not refused.

func (*floor) MessageWillBePosted(*plugin.Context, *model.Post) (*model.Post, string) {
	return nil, ""
}

func (*floor) MessageHasBeenPosted(*plugin.Context, *model.Post) {}

func main() {
	plugin.ClientMain(&floor{})
}
