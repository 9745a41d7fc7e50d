package staff

import (
	"context"

	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
)

// Cluster is what the service needs when several Mattermost servers share one database.
type Cluster interface {
	// Lock serializes role syncs across servers.
	Lock(ctx context.Context) (unlock func(), err error)
	// StaffChanged tells the other servers to drop cached verdicts (userID "" = everyone)
	// and reload the stored role holders.
	StaffChanged(userID string)
}

// Service is the staff domain as the plugin uses it.
type Service struct {
	*Roster
	Guard  *Guard
	Policy *Policy

	sync    *RoleSync
	config  func() *config.Config
	source  func() RoleSource
	cluster Cluster
	alert   func(message string)
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
	// Alert tells system admins about a problem that needs them.
	Alert func(message string)
}

// NewService wires the roster, guard, policy and role sync, and loads the stored role holders.
func NewService(d ServiceDeps) (*Service, error) {
	roster := NewRoster(d.Directory, d.BotID, d.Config)
	guard := NewGuard(roster, d.Channels)
	s := &Service{
		Roster: roster,
		Guard:  guard,
		Policy: NewPolicy(guard, func() config.Mode { return d.Config().Enforcement }, d.Notifier, d.Log),
		sync:   NewRoleSync(d.KV, roster),
		config: d.Config, source: d.Source, cluster: d.Cluster, alert: d.Alert,
	}
	return s, s.sync.Load()
}

// SyncRoles reads the ServiceNow role holders now, once across the cluster.
func (s *Service) SyncRoles(ctx context.Context) (SyncStatus, error) {
	unlock, err := s.cluster.Lock(ctx)
	if err != nil {
		return SyncStatus{}, errors.Wrap(err, "another server is syncing the ServiceNow roles; try again shortly")
	}
	defer unlock()
	status, failedBefore, err := s.sync.Run(ctx, s.source(), s.config().StaffRoles)
	if err != nil {
		if !failedBefore {
			s.alert(err.Error())
		}
		return status, err
	}
	s.cluster.StaffChanged("")
	return status, nil
}

// SyncDue reports whether scheduled syncs have anything to do.
func (s *Service) SyncDue() bool {
	return s.source() != nil && len(s.config().StaffRoles) > 0
}

// Reload picks up role holders another server stored and drops every cached verdict.
func (s *Service) Reload() error { return s.sync.Load() }

// Changed drops userID's cached verdict here and on every other server.
func (s *Service) Changed(userID string) {
	s.Forget(userID)
	s.cluster.StaffChanged(userID)
}

// SyncStatus is the last role sync's outcome.
func (s *Service) SyncStatus() SyncStatus { return s.sync.Status() }

// Stats summarizes the staff machinery for admins.
func (s *Service) Stats() Stats {
	cfg := s.config()
	return Stats{
		Mode: string(cfg.Enforcement), Teams: cfg.StaffTeams, Groups: cfg.StaffGroups, Roles: cfg.StaffRoles,
		Sync: s.SyncStatus(), CachedVerdicts: s.CachedVerdicts(), CachedChannels: s.Guard.CachedChannels(),
	}
}
