package console

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

const (
	standInPassword     = "p4ss-Wörd-5521"
	standInClientSecret = "c1ient-s3cret-9034"
)

func startStandIn(t *testing.T) *standin.Server {
	t.Helper()
	s, err := standin.Start(standin.Options{Password: standInPassword, ClientSecret: standInClientSecret})
	require.NoError(t, err)
	t.Cleanup(s.Close)
	return s
}

// checkService checks settings as saved, through a holder kept in step with them as the plugin does.
func checkService(settings config.ServiceNow, roles []string) *Service {
	holder := &servicenow.Holder{}
	holder.Update(settings)
	cfg := &config.Config{ServiceNow: settings, StaffRoles: roles}
	return New(Deps{ServiceNow: holder, Config: func() *config.Config { return cfg }})
}

func standInSettings(s *standin.Server, mode string) config.ServiceNow {
	opts := s.Options()
	return config.ServiceNow{
		URL: s.URL(), AuthMode: mode, Username: opts.Username, Password: opts.Password,
		ClientID: opts.ClientID, ClientSecret: opts.ClientSecret,
	}
}

func assertNoSecret(t *testing.T, check Check) {
	t.Helper()
	body, err := json.Marshal(check)
	require.NoError(t, err)
	assert.NotContains(t, string(body), standInPassword)
	assert.NotContains(t, string(body), standInClientSecret)
	assert.NotContains(t, string(body), "wrong-password-6610")
}

func TestCheckConnectionReportsEveryStep(t *testing.T) {
	s := startStandIn(t)
	for _, mode := range []string{"basic", "oauth"} {
		t.Run(mode, func(t *testing.T) {
			check := checkService(standInSettings(s, mode), []string{"itil"}).CheckConnection(context.Background())

			assert.Empty(t, check.Problem)
			assert.True(t, check.Configured)
			assert.Equal(t, s.URL(), check.Instance)
			assert.Equal(t, mode, check.AuthMode)
			assert.True(t, check.Reachable)
			assert.True(t, check.Authenticated)
			assert.True(t, check.RecordsReadable)
			assert.Positive(t, check.TaskCount)
			assert.NotEmpty(t, check.SampleNumber)
			assert.True(t, check.RolesChecked)
			assert.True(t, check.RolesReadable)
			assert.Positive(t, check.RoleGrants, "the stand-in's itil holders")
			assert.GreaterOrEqual(t, check.LatencyMS, int64(0))
			assertNoSecret(t, check)
		})
	}
}

func TestCheckConnectionSaysWhereItStopped(t *testing.T) {
	s := startStandIn(t)

	wrong := standInSettings(s, "basic")
	wrong.Password = "wrong-password-6610"
	rejected := checkService(wrong, []string{"itil"}).CheckConnection(context.Background())
	assert.True(t, rejected.Configured)
	assert.True(t, rejected.Reachable, "ServiceNow answered")
	assert.False(t, rejected.Authenticated)
	assert.False(t, rejected.RecordsReadable)
	assert.False(t, rejected.RolesChecked)
	assert.Contains(t, rejected.Problem, "rejected the Connect credentials (401)")
	assertNoSecret(t, rejected)

	down := standInSettings(s, "basic")
	s.Close()
	unreachable := checkService(down, []string{"itil"}).CheckConnection(context.Background())
	assert.True(t, unreachable.Configured)
	assert.False(t, unreachable.Reachable)
	assert.False(t, unreachable.Authenticated)
	assert.Contains(t, unreachable.Problem, "could not reach ServiceNow")
	assertNoSecret(t, unreachable)
}

func TestCheckConnectionWithoutRolesSkipsTheRoleStep(t *testing.T) {
	s := startStandIn(t)
	check := checkService(standInSettings(s, "basic"), nil).CheckConnection(context.Background())
	assert.Empty(t, check.Problem)
	assert.True(t, check.RecordsReadable)
	assert.False(t, check.RolesChecked)
	assert.Equal(t, -1, check.RoleGrants)
}

func TestCheckConnectionWithoutSettings(t *testing.T) {
	check := checkService(config.ServiceNow{AuthMode: "basic"}, []string{"itil"}).CheckConnection(context.Background())
	assert.False(t, check.Configured)
	assert.False(t, check.Reachable)
	assert.Contains(t, check.Problem, "not configured")
	assert.WithinDuration(t, time.Now(), check.CheckedAt, time.Minute)
}
