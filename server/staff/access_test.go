package staff

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
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
		assert.Equal(t, c.want, AccessRule(&c.config))
	}
}
