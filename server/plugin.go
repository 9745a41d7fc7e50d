package main

import (
	"net/http"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/api"
	"github.com/connectchat/mattermost-plugin-connect/server/command"
	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/digest"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
	"github.com/connectchat/mattermost-plugin-connect/server/platform"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/recovery"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
	"github.com/connectchat/mattermost-plugin-connect/server/workspace"
)

// Plugin wires the domain packages to Mattermost. Hooks stay thin and delegate.
type Plugin struct {
	plugin.MattermostPlugin

	platform   *platform.Platform
	config     config.Store
	serviceNow servicenow.Holder

	staff         *staff.Service
	records       *records.Service
	conversations *conversations.Service
	workspace     *workspace.Service
	notify        *notify.Service
	digest        *digest.Service
	follow        *follow.Service
	recovery      *recovery.Service
	stopHeartbeat func()
	commands      *command.Handler
	router        http.Handler
}

var bot = platform.BotProfile{
	Username:    "connect",
	DisplayName: "Connect",
	Description: "Posts Connect Chat system messages and ServiceNow record cards.",
	ImagePath:   "assets/connect.png",
}

const (
	// recordFillSweepJob looks for pending card fills on one server at a time.
	recordFillSweepJob = "records_fill_sweep"
	// conversationSettleDelay gathers a burst of conversation changes (members, names, closing)
	// into one update per member.
	conversationSettleDelay = 250 * time.Millisecond
	// groupNameDelay lets a group being filled settle before its stored name follows its members.
	groupNameDelay = time.Second
)

// OnActivate ensures the bot, wires the domains, registers /connect and builds the HTTP routes.
func (p *Plugin) OnActivate() error {
	client := pluginapi.NewClient(p.API, p.Driver)
	manifest, bundlePath, err := readManifest(p.API)
	if err != nil {
		return err
	}
	botID, err := platform.EnsureBot(client, bot)
	if err != nil {
		return err
	}
	p.platform = platform.New(p.API, client, botID)
	p.startStaff()
	p.records = records.NewService(p.platform.Posts, p.platform.Channels, p.staff.Audience, p.platform.KV, p.platform.Log)
	if err := p.OnConfigurationChange(); err != nil {
		return err
	}
	p.startConversations()
	p.startWorkspace()
	p.startNotify()
	if err := p.startDigest(manifest.Id); err != nil {
		return err
	}
	if err := p.startFollow(); err != nil {
		return err
	}
	if err := p.startCommands(manifest.Id); err != nil {
		return err
	}
	p.router = p.newRouter(manifest, bundlePath)
	p.startRecovery()
	go p.records.SweepFills() // cards left loading by a restart or a crash
	if err := p.platform.Jobs.Schedule(recordFillSweepJob, records.SweepInterval, p.records.SweepFills); err != nil {
		return err
	}
	return p.scheduleRoleSync()
}

func readManifest(api plugin.API) (*model.Manifest, string, error) {
	bundlePath, err := api.GetBundlePath()
	if err != nil {
		return nil, "", errors.Wrap(err, "failed to find the plugin bundle")
	}
	manifest, _, err := model.FindManifest(bundlePath)
	return manifest, bundlePath, errors.Wrap(err, "failed to read the plugin manifest")
}

func (p *Plugin) startStaff() {
	service, err := staff.NewService(staff.ServiceDeps{
		Directory: p.platform.Users,
		Channels:  p.platform.Channels,
		KV:        p.platform.KV,
		Cluster:   p.platform.Cluster,
		Notifier:  p.platform.Bot,
		Admins:    p.platform.Bot,
		Log:       p.platform.Log,
		BotID:     p.platform.Bot.ID(),
		Config:    p.config.Load,
		Source:    p.roleSource,
	})
	if err != nil {
		p.platform.Log.Warn("Starting without the stored ServiceNow role holders", "error", err.Error())
	}
	p.staff = service
	p.platform.Cluster.Handle(staff.ClusterEvent, service.OnClusterEvent)
	p.platform.Cluster.Handle(staff.ChannelEvent, service.OnChannelEvent)
}

// roleSource is the ServiceNow client as the staff service sees it: a nil interface when unset.
func (p *Plugin) roleSource() staff.RoleSource {
	if client := p.serviceNow.Current(); client != nil {
		return client
	}
	return nil
}

func (p *Plugin) startConversations() {
	p.conversations = conversations.NewService(conversations.Deps{
		Channels:    p.platform.Channels,
		Directory:   p.platform.Users,
		Clients:     p.platform.Clients,
		Notifier:    p.platform.Bot,
		Cluster:     p.platform.Cluster,
		KV:          p.platform.KV,
		Staff:       p.staff,
		Log:         p.platform.Log,
		Config:      p.config.Load,
		BotID:       p.platform.Bot.ID(),
		SettleDelay: conversationSettleDelay,
		NameDelay:   groupNameDelay,
	})
	p.platform.Cluster.Handle(conversations.ClusterMembersChanged, p.conversations.OnMembersChanged)
}

// startWorkspace builds the workspace tools pane, and has posts in Connect conversations note
// the records they mention for its "also discussed in".
func (p *Plugin) startWorkspace() {
	p.records.IndexConversations(p.conversations.IsConversation)
	p.workspace = workspace.NewService(workspace.Deps{
		Conversations: p.conversations,
		Files:         p.platform.Files,
		Posts:         p.platform.Posts,
		Records:       p.records,
		Log:           p.platform.Log,
	})
}

// startNotify builds the bell: per-conversation notification preferences.
func (p *Plugin) startNotify() {
	p.notify = notify.NewService(notify.Deps{
		Conversations: p.conversations,
		Members:       p.platform.Channels,
		Users:         p.platform.Users,
		Posts:         p.platform.Posts,
		KV:            p.platform.KV,
		Clients:       p.platform.Clients,
		Log:           p.platform.Log,
		Config:        p.config.Load,
		Broadcast:     p.platform.Cluster.Broadcast,
	})
	p.platform.Cluster.Handle(notify.ClusterEvent, p.notify.OnClusterEvent)
}

// startDigest builds the email digest and schedules its run, once across the cluster.
func (p *Plugin) startDigest(pluginID string) error {
	siteURL := p.platform.Server.SiteURL
	p.digest = digest.NewService(digest.Deps{
		Conversations: p.conversations,
		Members:       p.platform.Channels,
		Posts:         p.platform.Posts,
		Files:         p.platform.Files,
		Users:         p.platform.Users,
		Bell:          p.notify,
		KV:            p.platform.KV,
		Mail:          p.platform.Mail,
		Links:         p.records,
		Clients:       p.platform.Clients,
		Log:           p.platform.Log,
		Config:        p.config.Load,
		SiteURL:       siteURL,
		WorkspaceURL:  func() string { return api.WorkspaceURL(siteURL(), pluginID) },
		StopURLBase: func() string {
			return strings.TrimSuffix(siteURL(), "/") + "/plugins/" + pluginID + digest.StopPath
		},
		BotID: p.platform.Bot.ID(),
	})
	return p.platform.Jobs.Schedule(digest.Job, digest.JobInterval, p.digest.RunDue)
}

// startRecovery handles, in the background, the posts made while the plugin was not running.
func (p *Plugin) startRecovery() {
	p.recovery = recovery.NewService(recovery.Deps{
		Posts: p.platform.Posts, Screen: p.staff.Policy, Cards: p.records, Bot: p.platform.Bot,
		KV: p.platform.KV, Log: p.platform.Log,
	})
	go p.recovery.Recover()
	p.stopHeartbeat = p.recovery.StartHeartbeat()
}

func (p *Plugin) startCommands(pluginID string) error {
	p.commands = command.NewHandler(command.Deps{
		WorkspaceURL: func() string { return api.WorkspaceURL(p.platform.Server.SiteURL(), pluginID) },
		WorkspaceRoute: func(teamID string) string {
			if teamID == "" {
				return ""
			}
			name, err := p.platform.Users.TeamName(teamID)
			if err != nil {
				return ""
			}
			return api.WorkspaceRoute(p.platform.Server.SiteURL(), name, pluginID)
		},
		IsAdmin: p.platform.Server.IsAdmin,
		Staff:   p.staff,
		Records: p.records,
		Bell:    p.notify,
		Digest:  p.digest,
		Follows: p.follow,
		IsStaff: p.isStaff,
	})
	return errors.Wrap(p.platform.Server.RegisterCommand(p.commands.Definition()), "failed to register /connect")
}

func (p *Plugin) newRouter(manifest *model.Manifest, bundlePath string) http.Handler {
	return api.NewRouter(api.Config{
		PluginID:      manifest.Id,
		Version:       manifest.Version,
		BundlePath:    bundlePath,
		SiteURL:       p.platform.Server.SiteURL,
		IsAdmin:       p.platform.Server.IsAdmin,
		AdminHealth:   p.adminHealth,
		Staff:         p.staff,
		Cards:         p.records,
		Conversations: p.conversations,
		Tools:         p.workspace,
		Notifications: p.notify,
		Digest:        p.digest,
		Follows:       p.follow,
		RecordNames:   p.records,
		Signed:        []api.SignedRoute{p.webhookRoute()},
	})
}

// scheduleRoleSync (re)starts the role sync at the configured interval, on one server at a time.
func (p *Plugin) scheduleRoleSync() error {
	return p.platform.Jobs.Schedule(staff.RoleSyncJob, p.config.Load().StaffSync, p.staff.RunScheduledSync)
}

// OnDeactivate stops the background work.
func (p *Plugin) OnDeactivate() error {
	if p.recovery != nil {
		p.stopHeartbeat()
		p.recovery.Stopped()
	}
	if p.records != nil {
		p.records.Close()
	}
	if p.platform != nil {
		return p.platform.Close()
	}
	return nil
}

// OnConfigurationChange applies the System Console settings. Invalid settings are logged and
// the previous ones stay in force.
func (p *Plugin) OnConfigurationChange() error {
	if p.platform == nil {
		return nil // OnActivate loads the configuration once the platform exists.
	}
	var settings config.Settings
	if err := p.platform.Server.LoadSettings(&settings); err != nil {
		return errors.Wrap(err, "failed to load the plugin configuration")
	}
	if err := p.config.Apply(settings); err != nil {
		p.platform.Log.Error("Connect Chat settings are invalid; the previous settings stay in force", "error", err.Error())
		return nil
	}
	cfg := p.config.Load()
	p.serviceNow.Update(cfg.ServiceNow)
	if err := p.records.Configure(records.OptionsOf(cfg), p.serviceNow.Current()); err != nil {
		p.platform.Log.Error("Record cards are off: their settings are invalid", "error", err.Error())
	}
	if p.staff != nil {
		p.staff.Changed("")
		if err := p.scheduleRoleSync(); err != nil {
			p.platform.Log.Error("Failed to reschedule the ServiceNow role sync", "error", err.Error())
		}
	}
	if p.follow != nil {
		if err := p.scheduleFollowPoll(); err != nil {
			p.platform.Log.Error("Failed to reschedule the record polling", "error", err.Error())
		}
	}
	return nil
}

func (p *Plugin) adminHealth() map[string]any {
	health := map[string]any{
		"staff":      p.staff.Stats(),
		"servicenow": p.serviceNow.Health(),
		"records":    p.records.Stats(),
		"recovery":   p.recovery.Stats(),
		"digest":     p.digest.Stats(),
		"follow":     p.follow.Stats(),
	}
	if problem := p.config.Problem(); problem != "" {
		health["configuration_error"] = problem
	}
	return health
}

// isStaff is the staff rule as the slash commands ask it; a failure to tell counts as not staff.
func (p *Plugin) isStaff(userID string) bool {
	staff, err := p.staff.Audience.IsStaff(userID)
	return err == nil && staff
}
