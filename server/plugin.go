package main

import (
	"net/http"
	"path/filepath"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/api"
	"github.com/connectchat/mattermost-plugin-connect/server/command"
)

// Plugin wires the domain packages to Mattermost. Hooks stay thin and delegate.
type Plugin struct {
	plugin.MattermostPlugin

	router   http.Handler
	commands *command.Handler
}

const botUsername = "connect"

// OnActivate ensures the bot, registers /connect and builds the HTTP routes.
func (p *Plugin) OnActivate() error {
	client := pluginapi.NewClient(p.API, p.Driver)

	bundlePath, err := p.API.GetBundlePath()
	if err != nil {
		return errors.Wrap(err, "failed to find the plugin bundle")
	}
	manifest, _, err := model.FindManifest(bundlePath)
	if err != nil {
		return errors.Wrap(err, "failed to read the plugin manifest")
	}
	if _, err := client.Bot.EnsureBot(&model.Bot{
		Username:    botUsername,
		DisplayName: "Connect",
		Description: "Posts Connect Chat system messages and ServiceNow record cards.",
	}, pluginapi.ProfileImagePath(filepath.Join("assets", "connect.png"))); err != nil {
		return errors.Wrap(err, "failed to ensure the connect bot")
	}

	site := siteURLReader{client: client}
	pluginID := manifest.Id
	p.commands = command.NewHandler(func() string { return api.WorkspaceURL(site.SiteURL(), pluginID) })
	if err := client.SlashCommand.Register(p.commands.Definition()); err != nil {
		return errors.Wrap(err, "failed to register /connect")
	}

	p.router = api.NewRouter(api.Config{
		PluginID:   pluginID,
		Version:    manifest.Version,
		BundlePath: bundlePath,
		SiteURL:    site.SiteURL,
	})
	return nil
}

// ServeHTTP serves everything under /plugins/connect-chat.
func (p *Plugin) ServeHTTP(_ *plugin.Context, w http.ResponseWriter, r *http.Request) {
	p.router.ServeHTTP(w, r)
}

// ExecuteCommand answers /connect.
func (p *Plugin) ExecuteCommand(_ *plugin.Context, args *model.CommandArgs) (*model.CommandResponse, *model.AppError) {
	return p.commands.Execute(args), nil
}

type siteURLReader struct{ client *pluginapi.Client }

// SiteURL is read on every use so a changed Site URL applies without a restart.
func (s siteURLReader) SiteURL() string {
	cfg := s.client.Configuration.GetConfig()
	if cfg == nil || cfg.ServiceSettings.SiteURL == nil {
		return ""
	}
	return *cfg.ServiceSettings.SiteURL
}
