package config

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultsAreValid(t *testing.T) {
	c, err := Parse(Settings{StaffRoles: "itil"})
	require.NoError(t, err)
	assert.Equal(t, ModeEnforce, c.Enforcement)
	assert.Equal(t, time.Hour, c.StaffSync)
	assert.Equal(t, 7, c.NumberDigits)
	assert.Equal(t, 5, c.MaxCards)
	assert.Equal(t, 5*time.Minute, c.RecordTTL)
	assert.False(t, c.ServiceNow.Configured())
	assert.Equal(t, "sc_task", c.Prefixes["SCTASK"])
}

func TestCustomPrefixes(t *testing.T) {
	c, err := Parse(Settings{RecordPrefixes: "INC=incident\nHR=sn_hr_core_case"})
	require.NoError(t, err)
	assert.Equal(t, "sn_hr_core_case", c.Prefixes["HR"])
	assert.NotContains(t, c.Prefixes, "RITM")
}

func TestListsAreTrimmed(t *testing.T) {
	c, err := Parse(Settings{StaffTeams: " itil, service-desk ,,", StaffGroups: "@desk\nnoc", StaffRoles: "itil;itil_admin"})
	require.NoError(t, err)
	assert.Equal(t, []string{"itil", "service-desk"}, c.StaffTeams)
	assert.Equal(t, []string{"desk", "noc"}, c.StaffGroups)
	assert.Equal(t, []string{"itil", "itil_admin"}, c.StaffRoles)
}

func TestServiceNowSettings(t *testing.T) {
	c, err := Parse(Settings{ServiceNowURL: "https://acme.service-now.com/", ServiceNowUsername: "connect", ServiceNowPassword: "pw"})
	require.NoError(t, err)
	assert.Equal(t, "https://acme.service-now.com", c.ServiceNow.URL)
	assert.Equal(t, "basic", c.ServiceNow.AuthMode)
	assert.True(t, c.ServiceNow.Configured())
}

func TestProblemsAreNamed(t *testing.T) {
	cases := map[string]struct {
		settings Settings
		problem  string
	}{
		"mode":      {Settings{EnforcementMode: "strict"}, `Staff-only enforcement must be enforce, warn or off, not "strict".`},
		"interval":  {Settings{StaffSyncMinutes: 5000}, "Role sync interval must be 1 to 1440 minutes, not 5000."},
		"digits":    {Settings{NumberDigits: 2}, "Digits after the prefix must be 4 to 12, not 2."},
		"cards":     {Settings{MaxCardsPerMessage: 50}, "Cards per message must be 1 to 20, not 50."},
		"ttl":       {Settings{RecordCacheSeconds: 1}, "Record cache must be 10 to 86400 seconds, not 1."},
		"prefixes":  {Settings{RecordPrefixes: "INC=incident\ninc=problem"}, "Number prefixes: line 2"},
		"url":       {Settings{ServiceNowURL: "acme.service-now.com", ServiceNowUsername: "u", ServiceNowPassword: "p"}, `ServiceNow instance URL "acme.service-now.com" is not an http(s) address`},
		"basic":     {Settings{ServiceNowURL: "https://acme.service-now.com"}, "ServiceNow basic authentication needs a user name and a password."},
		"oauth":     {Settings{ServiceNowURL: "https://acme.service-now.com", ServiceNowAuthMode: "oauth", ServiceNowClientID: "id"}, "ServiceNow OAuth needs a client ID and a client secret."},
		"auth mode": {Settings{ServiceNowURL: "https://acme.service-now.com", ServiceNowAuthMode: "kerberos"}, `ServiceNow authentication must be basic or oauth, not "kerberos".`},
	}
	for name, c := range cases {
		_, err := Parse(c.settings)
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), c.problem, name)
	}
}

func TestSecretsNeverAppearInProblems(t *testing.T) {
	_, err := Parse(Settings{ServiceNowURL: "ftp://acme", ServiceNowUsername: "u", ServiceNowPassword: "hunter2-secret"})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "hunter2-secret")
}

func TestConversationTeamIsTrimmedAndLowerCased(t *testing.T) {
	c, err := Parse(Settings{ConversationTeam: "  Service-Desk "})
	require.NoError(t, err)
	assert.Equal(t, "service-desk", c.ConversationTeam)

	c, err = Parse(Settings{})
	require.NoError(t, err)
	assert.Empty(t, c.ConversationTeam, "empty means the first staff team")
}

func TestApplyKeepsThePreviousSettingsWhenNewOnesAreInvalid(t *testing.T) {
	var store Store
	require.Error(t, store.Apply(Settings{NumberDigits: 2}))
	require.NotNil(t, store.Load(), "the first load falls back to the defaults")
	assert.Equal(t, 7, store.Load().NumberDigits)
	assert.Contains(t, store.Problem(), "Digits after the prefix must be 4 to 12, not 2.")

	require.NoError(t, store.Apply(Settings{NumberDigits: 9}))
	assert.Equal(t, 9, store.Load().NumberDigits)
	assert.Empty(t, store.Problem())

	require.Error(t, store.Apply(Settings{EnforcementMode: "maybe"}))
	assert.Equal(t, 9, store.Load().NumberDigits, "the previous valid settings stay in force")
	assert.Contains(t, store.Problem(), `not "maybe"`)
}

func TestOtherRecordTables(t *testing.T) {
	c, err := Parse(Settings{RecordTables: "u_thing, Sn_HR_Case"})
	require.NoError(t, err)
	assert.Equal(t, []string{"u_thing", "sn_hr_case"}, c.RecordTables)

	_, err = Parse(Settings{RecordTables: "sys_user.do?x"})
	assert.ErrorContains(t, err, `Other record tables: "sys_user.do?x" is not a ServiceNow table name`)
}

func TestCreateTables(t *testing.T) {
	c, err := Parse(Settings{})
	require.NoError(t, err)
	assert.True(t, c.CreateRecords, "on unless turned off")
	assert.Equal(t, []string{"incident"}, c.CreateTables)

	off := false
	c, err = Parse(Settings{CreateRecords: &off, CreateTables: "Problem, u_thing", RecordTables: "u_thing"})
	require.NoError(t, err)
	assert.False(t, c.CreateRecords)
	assert.Equal(t, []string{"problem", "u_thing"}, c.CreateTables)

	_, err = Parse(Settings{CreateTables: "incident, sys_user"})
	assert.ErrorContains(t, err, `Tables records can be created in: "sys_user" is not a record table`)
	_, err = Parse(Settings{CreateTables: "incident^x"})
	assert.ErrorContains(t, err, `"incident^x" is not a ServiceNow table name`)
}
