// Package console owns what Connect's System Console page reads from the server: the ServiceNow
// connection check and the staff summary. Both are for system admins only (the api package
// checks), and neither ever carries a secret.
package console

import (
	"context"
	"time"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// checkTimeout bounds one check: ServiceNow may be down, and the admin is waiting on the page.
const checkTimeout = 20 * time.Second

// Check is what the connection check found, in the order it found it. It describes the settings
// as saved: the System Console sends unsaved values nowhere until Save.
type Check struct {
	// Configured is false when no instance URL is set or the settings cannot make a client.
	Configured bool   `json:"configured"`
	Instance   string `json:"instance,omitempty"`
	AuthMode   string `json:"auth_mode,omitempty"`
	// Reachable: ServiceNow answered over HTTP.
	Reachable bool `json:"reachable"`
	// Authenticated: it accepted the user name and password or the OAuth client.
	Authenticated bool `json:"authenticated"`
	// RecordsReadable: the credentials read the task table (cards and following need it).
	RecordsReadable bool   `json:"records_readable"`
	TaskCount       int    `json:"task_count"` // -1 when ServiceNow did not say
	SampleNumber    string `json:"sample_number,omitempty"`
	// RolesChecked is false when no staff role is set, so role sync has nothing to read.
	RolesChecked  bool `json:"roles_checked"`
	RolesReadable bool `json:"roles_readable"`
	RoleGrants    int  `json:"role_grants"` // grants of the staff roles to active users; -1 when ServiceNow did not say
	// LatencyMS is how long ServiceNow took to answer the first request.
	LatencyMS int64 `json:"latency_ms"`
	// Problem is the first thing that failed, in an admin's words (ServiceNow's errors never
	// carry credentials or tokens); "" when every step passed.
	Problem   string    `json:"problem,omitempty"`
	CheckedAt time.Time `json:"checked_at"`
}

// Service answers the System Console page's questions.
type Service struct {
	serviceNow *servicenow.Holder
	config     func() *config.Config
	roster     *staff.Service
	members    staff.Members
	now        func() time.Time
}

// Deps are the service's collaborators.
type Deps struct {
	ServiceNow *servicenow.Holder
	Config     func() *config.Config
	Staff      *staff.Service
	Members    staff.Members
}

// New builds the service from its collaborators.
func New(d Deps) *Service {
	return &Service{serviceNow: d.ServiceNow, config: d.Config, roster: d.Staff, members: d.Members, now: time.Now}
}

// CheckConnection runs the same check as /connect record test (one task read through the saved
// credentials), then reads the staff role grants as the role sync does.
func (s *Service) CheckConnection(ctx context.Context) Check {
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	settings := s.config().ServiceNow
	check := Check{Instance: settings.URL, AuthMode: settings.AuthMode, TaskCount: -1, RoleGrants: -1, CheckedAt: s.now()}
	client := s.serviceNow.Current()
	switch {
	case !settings.Configured():
		check.Problem = "ServiceNow is not configured: set its instance URL and credentials, then save."
		return check
	case client == nil:
		check.Problem = s.serviceNow.Problem()
		return check
	}
	check.Configured = true
	return checkWith(ctx, client, s.config().StaffRoles, check)
}

// Prober is the part of the ServiceNow client the check uses.
type Prober interface {
	Check(ctx context.Context) (servicenow.CheckReport, error)
	CheckRoles(ctx context.Context, roles []string) (int, error)
}

func checkWith(ctx context.Context, client Prober, roles []string, check Check) Check {
	report, err := client.Check(ctx)
	check.LatencyMS = report.Latency.Milliseconds()
	if err != nil {
		return failed(check, err)
	}
	check.Reachable, check.Authenticated, check.RecordsReadable = true, true, true
	check.TaskCount, check.SampleNumber = report.TaskCount, report.SampleNumber
	if len(roles) == 0 {
		return check
	}
	check.RolesChecked = true
	grants, err := client.CheckRoles(ctx, roles)
	if err != nil {
		check.Problem = sentence("Connect cannot read the staff roles (sys_user_has_role): " + err.Error())
		return check
	}
	check.RolesReadable, check.RoleGrants = true, grants
	return check
}

// failed records how far the first request got before err.
func failed(check Check, err error) Check {
	check.Problem = sentence(err.Error())
	switch servicenow.KindOf(err) {
	case servicenow.KindUnauthorized:
		check.Reachable = true
	case servicenow.KindForbidden, servicenow.KindNotFound, servicenow.KindBadRequest, servicenow.KindRateLimited, servicenow.KindUnexpected:
		check.Reachable, check.Authenticated = true, true
	}
	return check
}

func sentence(text string) string {
	if text == "" || text[len(text)-1] == '.' {
		return text
	}
	return text + "."
}
