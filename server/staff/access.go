package staff

import (
	"fmt"
	"strings"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
)

// AccessRule describes, in the words a turned-away user reads, how this server decides who is staff.
func AccessRule(c *config.Config) string {
	var ways []string
	if len(c.StaffRoles) > 0 {
		ways = append(ways, fmt.Sprintf("the ServiceNow %s %s", plural(len(c.StaffRoles), "role", "roles"), quotedList(c.StaffRoles)))
	}
	if len(c.StaffTeams) > 0 {
		ways = append(ways, fmt.Sprintf("membership of the Mattermost %s %s", plural(len(c.StaffTeams), "team", "teams"), quotedList(c.StaffTeams)))
	}
	if len(c.StaffGroups) > 0 {
		ways = append(ways, fmt.Sprintf("membership of the %s %s", plural(len(c.StaffGroups), "group", "groups"), quotedList(c.StaffGroups)))
	}
	ask := "If your work needs it, ask your Mattermost system admin."
	if len(ways) == 0 {
		return "No one has access yet: a system admin has not said who counts as IT staff. " + ask
	}
	return "Access comes with " + strings.Join(ways, " or ") + ". " + ask
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func quotedList(names []string) string {
	quoted := make([]string, len(names))
	for i, name := range names {
		quoted[i] = fmt.Sprintf("“%s”", name)
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}
