//go:build tools

// Package mattermost pins the Mattermost server built by build/rig.
package mattermost

import _ "github.com/mattermost/mattermost/server/v8/cmd/mattermost"
