package main

import (
	"net/http"
	"path/filepath"
	"sync/atomic"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/mattermost/mattermost/server/public/pluginapi/cluster"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/api"
	"github.com/connectchat/mattermost-plugin-connect/server/command"
	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// Plugin wires the domain packages to Mattermost. Hooks stay thin and delegate.
type Plugin struct {
	plugin.MattermostPlugin

	client     *pluginapi.Client
	config     config.Store
	configErr  atomic.Pointer[string]
	serviceNow serviceNowHolder
	botID      string

	directory *directory
	staff     *staff.Service
	records   *records.Service
	roleSync  *cluster.Job
	router    http.Handler
	commands  *command.Handler

	conversations *conversations.Service
}

const botUsername = "connect"

// OnActivate ensures the bot, wires the domains, registers /connect and builds the HTTP routes.
func (p *Plugin) OnActivate() error {
	p.client = pluginapi.NewClient(p.API, p.Driver)
	bundlePath, err := p.API.GetBundlePath()
	if err != nil {
		return errors.Wrap(err, "failed to find the plugin bundle")
	}
	manifest, _, err := model.FindManifest(bundlePath)
	if err != nil {
		return errors.Wrap(err, "failed to read the plugin manifest")
	}
	if p.botID, err = p.ensureBot(); err != nil {
		return err
	}
	p.records = records.NewService(postStore{client: p.client}, &p.client.Log)
	if err := p.OnConfigurationChange(); err != nil {
		return err
	}
	if err := p.startStaff(); err != nil {
		return err
	}
	if err := p.startConversations(); err != nil {
		return err
	}

	site := siteURLReader{client: p.client}
	p.commands = command.NewHandler(command.Deps{
		WorkspaceURL: func() string { return api.WorkspaceURL(site.SiteURL(), manifest.Id) },
		IsAdmin:      p.isAdmin,
		Staff:        p.staff,
		Records:      recordCommands{plugin: p},
	})
	if err := p.client.SlashCommand.Register(p.commands.Definition()); err != nil {
		return errors.Wrap(err, "failed to register /connect")
	}
	p.router = api.NewRouter(api.Config{
		PluginID:      manifest.Id,
		Version:       manifest.Version,
		BundlePath:    bundlePath,
		SiteURL:       site.SiteURL,
		IsAdmin:       p.isAdmin,
		AdminHealth:   p.adminHealth,
		Staff:         p.staff,
		Cards:         recordCards{plugin: p},
		Conversations: p.conversations,
	})
	return nil
}

// OnDeactivate stops the background jobs.
func (p *Plugin) OnDeactivate() error {
	if p.records != nil {
		p.records.Close()
	}
	if p.roleSync != nil {
		return p.roleSync.Close()
	}
	return nil
}

func (p *Plugin) ensureBot() (string, error) {
	botID, err := p.client.Bot.EnsureBot(&model.Bot{
		Username:    botUsername,
		DisplayName: "Connect",
		Description: "Posts Connect Chat system messages and ServiceNow record cards.",
	}, pluginapi.ProfileImagePath(filepath.Join("assets", "connect.png")))
	return botID, errors.Wrap(err, "failed to ensure the connect bot")
}

// OnConfigurationChange validates the System Console settings. Invalid settings are
// logged and the previous ones stay in force; the first load falls back to the defaults.
func (p *Plugin) OnConfigurationChange() error {
	if p.client == nil {
		return nil // OnActivate loads the configuration once the client exists.
	}
	var settings config.Settings
	if err := p.client.Configuration.LoadPluginConfiguration(&settings); err != nil {
		return errors.Wrap(err, "failed to load the plugin configuration")
	}
	cfg, err := config.Parse(settings)
	if err != nil {
		p.rejectConfiguration(err)
		return nil
	}
	p.configErr.Store(nil)
	p.config.Set(cfg)
	p.serviceNow.update(cfg.ServiceNow)
	p.configureRecords(cfg)
	p.afterConfigurationChange()
	return nil
}

func (p *Plugin) rejectConfiguration(err error) {
	message := err.Error()
	p.configErr.Store(&message)
	p.client.Log.Error("Connect Chat settings are invalid; the previous settings stay in force", "error", message)
	if p.config.Load() == nil {
		defaults, _ := config.Parse(config.Settings{})
		p.config.Set(defaults)
	}
}

func (p *Plugin) afterConfigurationChange() {
	if p.staff == nil {
		return
	}
	p.staff.Changed("")
	if err := p.scheduleRoleSync(); err != nil {
		p.client.Log.Error("Failed to reschedule the ServiceNow role sync", "error", err.Error())
	}
}

// ServeHTTP serves everything under /plugins/connect-chat.
func (p *Plugin) ServeHTTP(_ *plugin.Context, w http.ResponseWriter, r *http.Request) {
	p.router.ServeHTTP(w, r)
}

// ExecuteCommand answers /connect.
func (p *Plugin) ExecuteCommand(_ *plugin.Context, args *model.CommandArgs) (*model.CommandResponse, *model.AppError) {
	return p.commands.Execute(args), nil
}

func (p *Plugin) isAdmin(userID string) bool {
	return p.API.HasPermissionTo(userID, model.PermissionManageSystem)
}

func (p *Plugin) adminHealth() map[string]any {
	health := map[string]any{
		"staff":      p.staff.Stats(),
		"servicenow": p.serviceNow.health(),
		"records":    p.records.Stats(),
	}
	if problem := p.configErr.Load(); problem != nil {
		health["configuration_error"] = *problem
	}
	return health
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
