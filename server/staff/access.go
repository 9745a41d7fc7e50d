package staff

import (
	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// AccessRule describes, in the words a turned-away user reads (in their language), how this
// server decides who is staff.
func AccessRule(c *config.Config, l *i18n.Localizer) string {
	var ways []string
	if n := len(c.StaffRoles); n > 0 {
		ways = append(ways, l.Text(i18n.Plural("connect.staff.access_roles", "the ServiceNow role {{.Names}}", "the ServiceNow roles {{.Names}}", n,
			i18n.Data{"Names": quotedList(c.StaffRoles, l)})))
	}
	if n := len(c.StaffTeams); n > 0 {
		ways = append(ways, l.Text(i18n.Plural("connect.staff.access_teams", "membership of the Mattermost team {{.Names}}", "membership of the Mattermost teams {{.Names}}", n,
			i18n.Data{"Names": quotedList(c.StaffTeams, l)})))
	}
	if n := len(c.StaffGroups); n > 0 {
		ways = append(ways, l.Text(i18n.Plural("connect.staff.access_groups", "membership of the group {{.Names}}", "membership of the groups {{.Names}}", n,
			i18n.Data{"Names": quotedList(c.StaffGroups, l)})))
	}
	ask := l.Text(i18n.M("connect.staff.access_ask", "If your work needs it, ask your Mattermost system admin."))
	if len(ways) == 0 {
		return l.Text(i18n.M("connect.staff.access_nobody", "No one has access yet: a system admin has not said who counts as IT staff. {{.Ask}}", i18n.Data{"Ask": ask}))
	}
	either := ways[0]
	for _, way := range ways[1:] {
		either = l.Text(i18n.M("connect.staff.access_either", "{{.First}} or {{.Then}}", i18n.Data{"First": either, "Then": way}))
	}
	return l.Text(i18n.M("connect.staff.access_rule", "Access comes with {{.Ways}}. {{.Ask}}", i18n.Data{"Ways": either, "Ask": ask}))
}

func quotedList(names []string, l *i18n.Localizer) string {
	quoted := make([]string, len(names))
	for i, name := range names {
		quoted[i] = l.Quoted(name)
	}
	return l.Or(quoted)
}
