package staff

import (
	"context"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Cluster is what the service needs when several Mattermost servers share one database.
type Cluster interface {
	// Lock takes the cluster-wide lock named key until ctx ends.
	Lock(ctx context.Context, key string) (unlock func(), err error)
	Broadcast(event, data string) error
}

// Admins reaches the system admins.
type Admins interface {
	MessageAdmins(message i18n.Message) error
}

const (
	// ClusterEvent tells the other servers to drop a cached verdict (data: the user id; empty
	// for everyone) and reload the stored role holders.
	ClusterEvent = "staff_changed"
	// ChannelEvent tells the other servers that a channel's members changed (data: its id).
	ChannelEvent = "staff_channel_changed"
	// RoleSyncJob is the key of the scheduled role sync, which runs on one server at a time.
	RoleSyncJob     = "staff_role_sync"
	roleSyncLockKey = "staff_role_sync_lock"
	// scheduledSyncTimeout bounds one scheduled role sync.
	scheduledSyncTimeout = 5 * time.Minute
)

// Service is the staff domain as the plugin uses it.
type Service struct {
	*Roster
	Guard    *Guard
	Policy   *Policy
	Audience *Audience

	sync    *RoleSync
	config  func() *config.Config
	source  func() RoleSource
	cluster Cluster
	admins  Admins
	log     Logger
}

// ServiceDeps are the service's collaborators.
type ServiceDeps struct {
	Directory Directory
	Channels  Channels
	KV        KV
	Cluster   Cluster
	Notifier  Notifier
	Log       Logger
	BotID     string
	Config    func() *config.Config
	// Source is the ServiceNow client, or nil while ServiceNow is not configured.
	Source func() RoleSource
	// Admins are told when role syncs start failing.
	Admins Admins
	// Languages says refusals in their author's language (nil: English).
	Languages *i18n.Languages
}

// NewService wires the roster, guard, policy and role sync, and loads the stored role holders.
func NewService(d ServiceDeps) (*Service, error) {
	roster := NewRoster(d.Directory, d.BotID, d.Config)
	guard := NewGuard(roster, d.Channels)
	s := &Service{
		Roster:   roster,
		Guard:    guard,
		Policy:   NewPolicy(guard, func() config.Mode { return d.Config().Enforcement }, d.Notifier, d.Log, d.Languages),
		Audience: NewAudience(roster, guard, d.Channels),
		sync:     NewRoleSync(d.KV, roster),
		config:   d.Config, source: d.Source, cluster: d.Cluster, admins: d.Admins, log: d.Log,
	}
	return s, s.sync.Load()
}

// SyncRoles reads the ServiceNow role holders now, once across the cluster.
func (s *Service) SyncRoles(ctx context.Context) (SyncStatus, error) {
	unlock, err := s.cluster.Lock(ctx, roleSyncLockKey)
	if err != nil {
		return SyncStatus{}, errors.Wrap(err, "another server is syncing the ServiceNow roles; try again shortly")
	}
	defer unlock()
	status, failedBefore, err := s.sync.Run(ctx, s.source(), s.config().StaffRoles)
	if err != nil {
		if !failedBefore {
			s.alertAdmins(err.Error())
		}
		return status, err
	}
	s.broadcast("")
	return status, nil
}

// RunScheduledSync is the scheduled role sync: nothing to do without ServiceNow or roles.
func (s *Service) RunScheduledSync() {
	if s.source() == nil || len(s.config().StaffRoles) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), scheduledSyncTimeout)
	defer cancel()
	if _, err := s.SyncRoles(ctx); err != nil {
		s.log.Warn("ServiceNow role sync failed", "error", err.Error())
	}
}

// syncAlert is what system admins read when role syncs start failing (problem is the
// ServiceNow error, in English as ServiceNow's own text is).
func syncAlert(problem string) i18n.Message {
	return i18n.M("connect.staff.sync_alert", "**Connect Chat needs attention.** {{.Problem}}\n\nCheck the ServiceNow settings in the System Console, then run `/connect staff sync`.",
		i18n.Data{"Problem": problem})
}

func (s *Service) alertAdmins(problem string) {
	if err := s.admins.MessageAdmins(syncAlert(problem)); err != nil {
		s.log.Warn("Failed to alert the system admins", "error", err.Error())
	}
}

// OnClusterEvent applies a ClusterEvent from another server.
func (s *Service) OnClusterEvent(data []byte) {
	if userID := string(data); userID != "" {
		s.Forget(userID)
		return
	}
	if err := s.sync.Load(); err != nil {
		s.log.Warn("Failed to reload the ServiceNow role holders", "error", err.Error())
	}
}

// Changed drops userID's cached verdict ("" for everyone) here and on every other server.
func (s *Service) Changed(userID string) {
	s.Forget(userID)
	s.broadcast(userID)
}

func (s *Service) broadcast(userID string) {
	if err := s.cluster.Broadcast(ClusterEvent, userID); err != nil {
		s.log.Warn("Failed to tell the other servers about a staff change", "error", err.Error())
	}
}

// ChannelMembersChanged forgets what was known about a channel's members, here and on every
// other server.
func (s *Service) ChannelMembersChanged(channelID string) {
	s.OnChannelEvent([]byte(channelID))
	if err := s.cluster.Broadcast(ChannelEvent, channelID); err != nil {
		s.log.Warn("Failed to tell the other servers about a membership change", "error", err.Error())
	}
}

// OnChannelEvent applies a ChannelEvent: data is the channel whose members changed.
func (s *Service) OnChannelEvent(data []byte) {
	s.Guard.ForgetChannel(string(data))
	s.Audience.Forget(string(data))
}

// UserCreated makes a new user findable in the people picker at once.
func (s *Service) UserCreated() { s.PeopleChanged() }

// UserJoinedTeam makes a new staff team member count, and be found, at once.
func (s *Service) UserJoinedTeam(userID string) {
	s.PeopleChanged()
	s.Changed(userID)
}

// UserLeftTeam makes a departed staff team member stop counting at once.
func (s *Service) UserLeftTeam(userID string) { s.Changed(userID) }

// UserDeactivated makes a deactivated user stop counting at once.
func (s *Service) UserDeactivated(userID string) {
	s.PeopleChanged()
	s.Changed(userID)
}

// SyncStatus is the last role sync's outcome.
func (s *Service) SyncStatus() SyncStatus { return s.sync.Status() }

// Stats summarizes the staff machinery for admins.
func (s *Service) Stats() Stats {
	cfg := s.config()
	warnings := s.teamWarnings(cfg.StaffTeams)
	stats := Stats{
		Mode: string(cfg.Enforcement), Teams: cfg.StaffTeams, Groups: cfg.StaffGroups, Roles: cfg.StaffRoles,
		Sync: s.SyncStatus(), CachedVerdicts: s.CachedVerdicts(), CachedChannels: s.Guard.CachedChannels(),
		WarningMessages: warnings,
	}
	for _, warning := range warnings {
		stats.Warnings = append(stats.Warnings, warning.English())
	}
	return stats
}

// teamWarnings names the staff teams anyone can join, and those that do not exist.
func (s *Service) teamWarnings(teams []string) []i18n.Message {
	var warnings []i18n.Message
	for _, name := range teams {
		team, err := s.dir.Team(name)
		switch {
		case err != nil:
			warnings = append(warnings, i18n.M("connect.staff.team_unreadable", "The staff team {{.Team}} could not be read ({{.Problem}}): nobody is staff through it.", i18n.Data{"Team": name, "Problem": err.Error()}))
		case team.AllowOpenInvite || team.Type == model.TeamOpen:
			warnings = append(warnings, i18n.M("connect.staff.team_open", "The staff team {{.Team}} is open: anyone with an account on this server can join it and so become ITIL staff. Make it invite only (Team Settings > Access).", i18n.Data{"Team": name}))
		}
	}
	return warnings
}

// AccessRule says, for someone turned away, who counts as ITIL staff here and whom to ask.
func (s *Service) AccessRule(l *i18n.Localizer) string {
	return AccessRule(s.config(), l)
}
