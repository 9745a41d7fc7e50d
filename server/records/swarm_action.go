package records

import (
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// SwarmActionPath is the card's "Bring in the team" button's integration, served by the
// plugin; Mattermost calls it as the user who clicked, with a trigger id for the dialog it opens.
const SwarmActionPath = "/plugins/connect-chat/api/v1/actions/swarm"

// swarmAction is the "Bring in the team" button of a found record's card, beside Follow.
func swarmAction(r servicenow.Record, l *i18n.Localizer) *model.PostAction {
	return &model.PostAction{
		Id:   "swarm" + r.SysID[:20],
		Type: model.PostActionTypeButton,
		Name: l.Text(i18n.M("connect.records.bring_in_the_team", "Bring in the team")),
		Integration: &model.PostActionIntegration{
			URL:     SwarmActionPath,
			Context: map[string]any{"table": r.Table, "sys_id": r.SysID, "number": r.Number},
		},
	}
}
