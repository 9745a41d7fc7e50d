package staff

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

func TestAccessRuleNamesEveryWayIn(t *testing.T) {
	cases := []struct {
		config config.Config
		want   string
	}{
		{config.Config{StaffRoles: []string{"itil"}}, "Access comes with the ServiceNow role “itil”. If your work needs it, ask your Mattermost system admin."},
		{
			config.Config{StaffRoles: []string{"itil", "itil_admin"}, StaffTeams: []string{"it"}, StaffGroups: []string{"sd", "noc", "ops"}},
			"Access comes with the ServiceNow roles “itil” or “itil_admin” or membership of the Mattermost team “it” or membership of the groups “sd”, “noc” or “ops”. If your work needs it, ask your Mattermost system admin.",
		},
		{config.Config{}, "No one has access yet: a system admin has not said who counts as IT staff. If your work needs it, ask your Mattermost system admin."},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, AccessRule(&c.config, i18n.English()))
	}
}

func TestAccessRuleIsInTheReadersLanguage(t *testing.T) {
	bundle, err := i18n.Catalogs()
	require.NoError(t, err)
	rule := AccessRule(&config.Config{StaffRoles: []string{"itil"}, StaffTeams: []string{"it", "noc"}}, bundle.For("fr"))
	assert.Equal(t, "L'accès est accordé par le rôle ServiceNow « itil » ou l'appartenance aux équipes Mattermost « it » ou « noc ». Si votre travail l'exige, adressez-vous à votre administrateur système Mattermost.", rule)
}
