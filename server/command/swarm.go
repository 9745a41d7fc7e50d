package command

import (
	"fmt"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/swarm"
)

// Swarm is bringing in a record's people as /connect swarm uses it.
type Swarm interface {
	OpenDialog(askerID, triggerID string, key servicenow.RecordKey) (swarm.Plan, error)
}

func (h *Handler) swarmCommand() subcommand {
	data := model.NewAutocompleteData("swarm", "<number or link>", "Bring in a record's people: its assignee and assignment group join its record conversation")
	data.AddTextArgument("A record number or link", "INC0010001", "")
	return subcommand{
		name: "swarm", hint: "<number or link>",
		help:         "Bring in the team of a record: choose who of its assignee and assignment group (staff only) joins its record conversation",
		autocomplete: data, execute: h.swarm,
	}
}

// swarm answers with the plan and opens it as a dialog with a checkbox per person; the
// dialog's submission (server/api) brings them in.
func (h *Handler) swarm(args *model.CommandArgs, words []string) *model.CommandResponse {
	if len(words) != 1 {
		return ephemeral("Name one record: `/connect swarm INC0010001` (or paste its link).")
	}
	key, ok := h.deps.Records.RecordKey(words[0])
	if !ok {
		return ephemeral(fmt.Sprintf("`%s` is not a record number or record link Connect knows.", words[0]))
	}
	plan, err := h.deps.Swarm.OpenDialog(args.UserId, args.TriggerId, key)
	if err != nil {
		return h.failed(args, err, "", "Connect could not read the record's people. Please try again.")
	}
	return ephemeral("#### Bring in the team\n" + swarm.Describe(plan, true))
}
