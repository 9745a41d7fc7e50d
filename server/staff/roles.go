package staff

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// RoleSet is the last good answer from ServiceNow: who holds a staff role, by email.
type RoleSet struct {
	Holders  map[string]string `json:"holders"` // lower-case email → role
	Roles    []string          `json:"roles"`
	SyncedAt time.Time         `json:"synced_at"`
}

// RoleOf returns the staff role held by the owner of email, or "".
func (s *RoleSet) RoleOf(email string) string {
	if s == nil || email == "" {
		return ""
	}
	return s.Holders[strings.ToLower(email)]
}

// SyncStatus is what admins see about role sync.
type SyncStatus struct {
	LastAttempt time.Time `json:"last_attempt"`
	LastSuccess time.Time `json:"last_success"`
	LastError   string    `json:"last_error,omitempty"`
	Holders     int       `json:"holders"`
}

// Healthy reports whether the last attempt succeeded (or none was needed yet).
func (s SyncStatus) Healthy() bool { return s.LastError == "" }

// KV is the plugin's key-value store, shared by every server of a cluster.
type KV interface {
	// GetJSON decodes key's value into out; a missing key leaves out as it was.
	GetJSON(key string, out any) error
	SetJSON(key string, value any) error
}

// RoleSource reads role holders from ServiceNow.
type RoleSource interface {
	RoleHolders(ctx context.Context, roles []string) ([]servicenow.RoleHolder, error)
}

const (
	roleSetKey    = "staff_roles"
	syncStatusKey = "staff_roles_sync"
)

// RoleSync copies ServiceNow role holders into the KV store, where every server reads them.
type RoleSync struct {
	kv     KV
	roster *Roster
	now    func() time.Time
}

// NewRoleSync builds the sync for roster.
func NewRoleSync(kv KV, roster *Roster) *RoleSync {
	return &RoleSync{kv: kv, roster: roster, now: time.Now}
}

// Load installs the stored role set into the roster (at start, and when another server synced).
func (s *RoleSync) Load() error {
	var set RoleSet
	if err := s.kv.GetJSON(roleSetKey, &set); err != nil {
		return errors.Wrap(err, "failed to read the stored ServiceNow role holders")
	}
	s.roster.SetRoles(&set)
	return nil
}

// Run reads the holders of roles from source and stores them. On failure the last good
// set stays in force and the status records the error; failedBefore tells the caller
// whether this failure is news.
func (s *RoleSync) Run(ctx context.Context, source RoleSource, roles []string) (status SyncStatus, failedBefore bool, err error) {
	status = s.Status()
	failedBefore = !status.Healthy()
	status.LastAttempt = s.now()
	set, err := s.fetch(ctx, source, roles)
	if err != nil {
		status.LastError = err.Error()
		return status, failedBefore, s.saveStatus(status, err)
	}
	if err := s.kv.SetJSON(roleSetKey, set); err != nil {
		return status, failedBefore, errors.Wrap(err, "failed to store the ServiceNow role holders")
	}
	s.roster.SetRoles(set)
	status.LastSuccess, status.LastError, status.Holders = set.SyncedAt, "", len(set.Holders)
	return status, failedBefore, s.saveStatus(status, nil)
}

func (s *RoleSync) fetch(ctx context.Context, source RoleSource, roles []string) (*RoleSet, error) {
	if source == nil {
		return nil, errors.New("ServiceNow is not configured: set its instance URL and credentials in the System Console")
	}
	set := &RoleSet{Holders: map[string]string{}, Roles: roles, SyncedAt: s.now()}
	if len(roles) == 0 {
		return set, nil
	}
	holders, err := source.RoleHolders(ctx, roles)
	if err != nil {
		return nil, err
	}
	for _, h := range holders {
		if email := strings.ToLower(strings.TrimSpace(h.Email)); email != "" {
			set.Holders[email] = h.Role
		}
	}
	return set, nil
}

func (s *RoleSync) saveStatus(status SyncStatus, syncErr error) error {
	if err := s.kv.SetJSON(syncStatusKey, status); err != nil {
		return errors.Wrap(err, "failed to store the role sync status")
	}
	if syncErr != nil {
		return fmt.Errorf("ServiceNow role sync failed, the last good staff set stays in force: %w", syncErr)
	}
	return nil
}

// Status is the stored status of the last sync, shared by every server.
func (s *RoleSync) Status() SyncStatus {
	var status SyncStatus
	_ = s.kv.GetJSON(syncStatusKey, &status)
	return status
}
