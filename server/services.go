package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/api"
	"github.com/connectchat/mattermost-plugin-connect/server/command"
	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/console"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/creation"
	"github.com/connectchat/mattermost-plugin-connect/server/digest"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/journal"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
	"github.com/connectchat/mattermost-plugin-connect/server/outbox"
	"github.com/connectchat/mattermost-plugin-connect/server/platform"
	"github.com/connectchat/mattermost-plugin-connect/server/receipts"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/recovery"
	"github.com/connectchat/mattermost-plugin-connect/server/search"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
	"github.com/connectchat/mattermost-plugin-connect/server/swarm"
	"github.com/connectchat/mattermost-plugin-connect/server/upgrade"
	"github.com/connectchat/mattermost-plugin-connect/server/workspace"
)

// services is every service of the running plugin. newServices builds it whole; the plugin
// makes it reachable to hooks and routes only then, and start begins the background work.
type services struct {
	platform   *platform.Platform
	config     *config.Store
	serviceNow servicenow.Holder
	pluginID   string
	// data is the version of the stored data, as the start found and left it.
	data upgrade.State

	staff         *staff.Service
	conversations *conversations.Service
	records       *records.Service
	workspace     *workspace.Service
	notify        *notify.Service
	digest        *digest.Service
	follow        *follow.Service
	swarm         *swarm.Service
	outbox        *outbox.Outbox
	journal       *journal.Service
	receipts      *receipts.Service
	search        *search.Service
	creation      *creation.Service
	recovery      *recovery.Service
	commands      *command.Handler
	router        http.Handler
	stopHeartbeat func()
}

const (
	// recordFillSweepJob looks for pending card fills on one server at a time.
	recordFillSweepJob = "records_fill_sweep"
	// followPollJob polls the followed records on one server at a time.
	followPollJob = "follow_poll"
	// outboxRetryLongest is the longest wait of the outbox's retry job; it runs as often as the
	// polling when that is more frequent.
	outboxRetryLongest = 30 * time.Second
	// conversationSettleDelay gathers a burst of conversation changes (members, names, closing)
	// into one update per member.
	conversationSettleDelay = 250 * time.Millisecond
	// groupNameDelay lets a group being filled settle before its stored name follows its members.
	groupNameDelay = time.Second
	// dataUpgradeWait bounds waiting for another server's data migration, and running one.
	dataUpgradeWait = 5 * time.Minute
)

// upgradeData brings the stored data up to this release's version before any service reads
// it (one KV read when it is current; see package upgrade). Newer data, from a release this
// one replaced, is left as it is.
func upgradeData(pl *platform.Platform) (upgrade.State, error) {
	ctx, cancel := context.WithTimeout(context.Background(), dataUpgradeWait)
	defer cancel()
	state, err := upgrade.Check(ctx, upgrade.Deps{KV: pl.KV, Lock: pl.Cluster.Lock, Log: pl.Log})
	return state, errors.Wrap(err, "failed to bring Connect's stored data up to this release")
}

// newServices builds every service in dependency order, each from its Deps. Following comes
// after conversations, which reach it through a func resolved at call time.
func newServices(pl *platform.Platform, store *config.Store, manifest *model.Manifest, bundlePath string) *services {
	s := &services{platform: pl, config: store, pluginID: manifest.Id}
	s.staff = s.newStaff()
	s.conversations = s.newConversations()
	s.records = records.NewService(records.Deps{
		Posts: pl.Posts, Access: pl.Channels, Audience: s.staff.Audience, KV: pl.KV, Log: pl.Log,
		IsConversation: s.conversations.IsConversation, Languages: pl.Languages,
	})
	s.workspace = workspace.NewService(workspace.Deps{
		Conversations: s.conversations, Files: pl.Files, Posts: pl.Posts, Records: s.records, Log: pl.Log,
	})
	s.notify = s.newNotify()
	s.digest = s.newDigest()
	s.outbox = outbox.New(outbox.Deps{KV: pl.KV, Log: pl.Log, Tell: pl.Bot.Ephemeral})
	s.follow = s.newFollow()
	s.swarm = s.newSwarm()
	s.journal = s.newJournal()
	s.receipts = receipts.NewService(receipts.Deps{
		Members: pl.Channels, KV: pl.KV, IsConversation: s.conversations.IsConversation,
		Config: store.Load, BotID: pl.Bot.ID(),
	})
	s.search = search.NewService(search.Deps{Posts: pl.Posts, Conversations: s.conversations})
	s.creation = s.newCreation()
	s.recovery = recovery.NewService(recovery.Deps{
		Posts: pl.Posts, Screen: s.staff.Policy, Cards: s.records, Bot: pl.Bot, KV: pl.KV, Log: pl.Log,
	})
	s.commands = s.newCommands()
	s.router = s.newRouter(manifest, bundlePath)
	return s
}

func (s *services) newStaff() *staff.Service {
	service, err := staff.NewService(staff.ServiceDeps{
		Directory: s.platform.Users,
		Channels:  s.platform.Channels,
		KV:        s.platform.KV,
		Cluster:   s.platform.Cluster,
		Notifier:  s.platform.Bot,
		Admins:    s.platform.Bot,
		Log:       s.platform.Log,
		BotID:     s.platform.Bot.ID(),
		Config:    s.config.Load,
		Source:    s.roleSource,
		Languages: s.platform.Languages,
	})
	if err != nil {
		s.platform.Log.Warn("Starting without the stored ServiceNow role holders", "error", err.Error())
	}
	s.platform.Cluster.Handle(staff.ClusterEvent, service.OnClusterEvent)
	s.platform.Cluster.Handle(staff.ChannelEvent, service.OnChannelEvent)
	return service
}

// roleSource is the ServiceNow client as the staff service sees it: a nil interface when unset.
func (s *services) roleSource() staff.RoleSource {
	if client := s.serviceNow.Current(); client != nil {
		return client
	}
	return nil
}

func (s *services) newConversations() *conversations.Service {
	service := conversations.NewService(conversations.Deps{
		Channels:    s.platform.Channels,
		Directory:   s.platform.Users,
		Clients:     s.platform.Clients,
		Notifier:    s.platform.Bot,
		Cluster:     s.platform.Cluster,
		KV:          s.platform.KV,
		Staff:       s.staff,
		Log:         s.platform.Log,
		Config:      s.config.Load,
		BotID:       s.platform.Bot.ID(),
		SettleDelay: conversationSettleDelay,
		NameDelay:   groupNameDelay,
		RecordOf:    func(channelID string) *conversations.RecordRef { return s.follow.RecordOf(channelID) },
		Languages:   s.platform.Languages,
	})
	s.platform.Cluster.Handle(conversations.ClusterMembersChanged, service.OnMembersChanged)
	return service
}

// newNotify builds the bell: per-conversation notification preferences.
func (s *services) newNotify() *notify.Service {
	service := notify.NewService(notify.Deps{
		Conversations: s.conversations,
		Members:       s.platform.Channels,
		Users:         s.platform.Users,
		Posts:         s.platform.Posts,
		KV:            s.platform.KV,
		Clients:       s.platform.Clients,
		Log:           s.platform.Log,
		Config:        s.config.Load,
		Broadcast:     s.platform.Cluster.Broadcast,
	})
	s.platform.Cluster.Handle(notify.ClusterEvent, service.OnClusterEvent)
	return service
}

// newDigest builds the email digest.
func (s *services) newDigest() *digest.Service {
	siteURL := s.platform.Server.SiteURL
	return digest.NewService(digest.Deps{
		Conversations: s.conversations,
		Members:       s.platform.Channels,
		Posts:         s.platform.Posts,
		Files:         s.platform.Files,
		Users:         s.platform.Users,
		Bell:          s.notify,
		KV:            s.platform.KV,
		Mail:          s.platform.Mail,
		Links:         s.records,
		Clients:       s.platform.Clients,
		Log:           s.platform.Log,
		Config:        s.config.Load,
		SiteURL:       siteURL,
		WorkspaceURL:  func() string { return api.WorkspaceURL(siteURL(), s.pluginID) },
		StopURLBase: func() string {
			return strings.TrimSuffix(siteURL(), "/") + "/plugins/" + s.pluginID + digest.StopPath
		},
		BotID:     s.platform.Bot.ID(),
		Languages: s.platform.Languages,
	})
}

// newFollow builds following and indexes the record conversations, so the first hooks know them.
func (s *services) newFollow() *follow.Service {
	service := follow.NewService(follow.Deps{
		Upstream: func() follow.Upstream {
			if client := s.serviceNow.Current(); client != nil {
				return client
			}
			return nil
		},
		Conversations: s.conversations,
		Posts:         s.platform.Posts,
		KV:            s.platform.KV,
		Clients:       s.platform.Clients,
		Log:           s.platform.Log,
		Config:        s.config.Load,
		Users:         s.platform.Users,
		IsStaff:       s.isStaff,
		Ephemeral:     s.platform.Bot.Ephemeral,
		Lock:          s.platform.Cluster.Lock,
		Broadcast:     s.platform.Cluster.Broadcast,
		BotID:         s.platform.Bot.ID(),
		Outbox:        s.outbox,
		Files:         s.platform.Files,
		Languages:     s.platform.Languages,
	})
	service.Reindex()
	s.platform.Cluster.Handle(follow.ClusterEvent, service.OnIndexChanged)
	s.platform.Cluster.Handle(follow.KindClusterEvent, service.OnKindChanged)
	return service
}

// newSwarm builds bringing in a record's people, on top of following.
func (s *services) newSwarm() *swarm.Service {
	return swarm.NewService(swarm.Deps{
		Upstream: func() swarm.Upstream {
			if client := s.serviceNow.Current(); client != nil {
				return client
			}
			return nil
		},
		Users:         s.platform.Users,
		Staff:         s.staff,
		Follow:        s.follow,
		Conversations: s.conversations,
		Members:       s.platform.Channels,
		Posts:         s.platform.Posts,
		Dialogs:       s.platform.Bot,
		Ephemeral:     s.platform.Bot.Ephemeral,
		PluginPath:    "/plugins/" + s.pluginID,
		BotID:         s.platform.Bot.ID(),
		Languages:     s.platform.Languages,
	})
}

// newJournal builds saving conversations to records, whose writes go through the outbox.
func (s *services) newJournal() *journal.Service {
	return journal.NewService(journal.Deps{
		Conversations: s.conversations,
		Posts:         s.platform.Posts,
		Files:         s.platform.Files,
		Users:         s.platform.Users,
		Records:       s.records,
		Upstream: func() journal.Upstream {
			if client := s.serviceNow.Current(); client != nil {
				return client
			}
			return nil
		},
		Outbox:  s.outbox,
		KV:      s.platform.KV,
		Lock:    s.platform.Cluster.Lock,
		IsStaff: s.isStaff,
		Config:  s.config.Load,
		Log:     s.platform.Log,
		BotID:   s.platform.Bot.ID(),
	})
}

// newCreation builds creating records from conversations, whose writes go through the outbox
// when ServiceNow cannot take them at once.
func (s *services) newCreation() *creation.Service {
	return creation.NewService(creation.Deps{
		Upstream: func() creation.Upstream {
			if client := s.serviceNow.Current(); client != nil {
				return client
			}
			return nil
		},
		Conversations: s.conversations,
		Users:         s.platform.Users,
		Posts:         s.platform.Posts,
		Staff:         s.staff,
		KV:            s.platform.KV,
		Outbox:        s.outbox,
		Log:           s.platform.Log,
		Config:        s.config.Load,
		BotID:         s.platform.Bot.ID(),
		Languages:     s.platform.Languages,
	})
}

func (s *services) newCommands() *command.Handler {
	return command.NewHandler(command.Deps{
		WorkspaceURL:   func() string { return api.WorkspaceURL(s.platform.Server.SiteURL(), s.pluginID) },
		WorkspaceRoute: s.workspaceRoute,
		IsAdmin:        s.platform.Server.IsAdmin,
		Staff:          s.staff,
		Records:        s.records,
		Bell:           s.notify,
		Digest:         s.digest,
		Follows:        s.follow,
		Swarm:          s.swarm,
		Journal:        s.journal,
		IsStaff:        s.isStaff,
		Log:            s.platform.Log,
		Creator:        s.creation,
		Languages:      s.platform.Languages,
	})
}

// workspaceRoute is the workspace inside the web app for a team ("" when it has none).
func (s *services) workspaceRoute(teamID string) string {
	if teamID == "" {
		return ""
	}
	name, err := s.platform.Users.TeamName(teamID)
	if err != nil {
		return ""
	}
	return api.WorkspaceRoute(s.platform.Server.SiteURL(), name, s.pluginID)
}

func (s *services) newRouter(manifest *model.Manifest, bundlePath string) http.Handler {
	return api.NewRouter(api.Config{
		PluginID:      manifest.Id,
		Version:       manifest.Version,
		BundlePath:    bundlePath,
		SiteURL:       s.platform.Server.SiteURL,
		IsAdmin:       s.platform.Server.IsAdmin,
		AdminHealth:   s.adminHealth,
		Staff:         s.staff,
		Cards:         s.records,
		Conversations: s.conversations,
		Tools:         s.workspace,
		Notifications: s.notify,
		Digest:        s.digest,
		Follows:       s.follow,
		Search:        s.search,
		RecordNames:   s.records,
		Swarm:         s.swarm,
		Receipts:      s.receipts,
		Webhook:       s.follow,
		Journal:       s.journal,
		Log:           s.platform.Log,
		Creator:       s.creation,
		Languages:     s.platform.Languages,
		Admin: console.New(console.Deps{
			ServiceNow: &s.serviceNow, Config: s.config.Load, Staff: s.staff, Members: s.platform.Users,
		}),
	})
}

// configure applies the current settings to what the services derive from them. The plugin
// calls it for every change, the first included.
func (s *services) configure(cfg *config.Config) {
	s.platform.Languages.RefreshServerLocale() // Mattermost's own settings may have changed too
	s.configureCards(cfg)
	s.staff.Changed("")
	if err := s.platform.Jobs.Schedule(staff.RoleSyncJob, cfg.StaffSync, s.staff.RunScheduledSync); err != nil {
		s.platform.Log.Error("Failed to schedule the ServiceNow role sync", "error", err.Error())
	}
	if err := s.platform.Jobs.Schedule(followPollJob, cfg.FollowPoll, s.follow.Poll); err != nil {
		s.platform.Log.Error("Failed to schedule the record polling", "error", err.Error())
	}
	if err := s.platform.Jobs.Schedule(outbox.Job, min(cfg.FollowPoll, outboxRetryLongest), s.outbox.RetryDue); err != nil {
		s.platform.Log.Error("Failed to schedule the retries of ServiceNow writes", "error", err.Error())
	}
}

// configureCards points the ServiceNow client and the record cards at the settings.
func (s *services) configureCards(cfg *config.Config) {
	s.serviceNow.Update(cfg.ServiceNow)
	if err := s.records.Configure(records.OptionsOf(cfg), s.serviceNow.Current()); err != nil {
		s.platform.Log.Error("Record cards are off: their settings are invalid", "error", err.Error())
	}
}

// start begins the background work and registers /connect, once hooks and routes reach s.
func (s *services) start() error {
	if err := s.platform.Server.RegisterCommand(s.commands.Definition()); err != nil {
		return errors.Wrap(err, "failed to register /connect")
	}
	if err := s.ensureWebhookSecret(); err != nil {
		return err
	}
	if err := s.platform.Jobs.Schedule(digest.Job, digest.JobInterval, s.digest.RunDue); err != nil {
		return err
	}
	go s.recovery.Recover() // posts made while the plugin was not running
	s.stopHeartbeat = s.recovery.StartHeartbeat()
	go s.records.SweepFills() // cards left loading by a restart or a crash
	return s.platform.Jobs.Schedule(recordFillSweepJob, records.SweepInterval, s.records.SweepFills)
}

// ensureWebhookSecret generates the webhook secret on first start; the System Console can
// regenerate it. Saving it comes back as a configuration change.
func (s *services) ensureWebhookSecret() error {
	if s.config.Load().WebhookSecret != "" {
		return nil
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return errors.Wrap(err, "failed to generate the webhook secret")
	}
	return errors.Wrap(s.platform.Server.SaveSetting("WebhookSecret", base64.StdEncoding.EncodeToString(secret)), "failed to save the webhook secret")
}

// stop ends the background work.
func (s *services) stop() error {
	if s.stopHeartbeat != nil {
		s.stopHeartbeat()
		s.recovery.Stopped()
	}
	s.records.Close()
	s.outbox.Close()
	return s.platform.Close()
}

func (s *services) adminHealth() map[string]any {
	health := map[string]any{
		"staff":      s.staff.Stats(),
		"servicenow": s.serviceNow.Health(),
		"records":    s.records.Stats(),
		"recovery":   s.recovery.Stats(),
		"digest":     s.digest.Stats(),
		"follow":     s.follow.Stats(),
		"outbox":     s.outbox.Stats(),
		"data":       s.data,
	}
	if problem := s.config.Problem(); problem != "" {
		health["configuration_error"] = problem
	}
	return health
}

// isStaff is the staff rule as the slash commands ask it; a failure to tell counts as not staff.
func (s *services) isStaff(userID string) bool {
	staff, err := s.staff.Audience.IsStaff(userID)
	return err == nil && staff
}
