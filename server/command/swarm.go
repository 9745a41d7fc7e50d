package command

import (
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/swarm"
)

// Swarm is bringing in a record's people as /connect swarm uses it.
type Swarm interface {
	OpenDialog(askerID, triggerID string, key servicenow.RecordKey) (swarm.Plan, error)
}

func (h *Handler) swarmCommand() subcommand {
	autocomplete := func(l *i18n.Localizer) *model.AutocompleteData {
		data := model.NewAutocompleteData("swarm", l.Text(numberOrLinkHint), l.Text(i18n.M("connect.command.swarm.description", "Bring in a record's people: its assignee and assignment group join its record conversation")))
		data.AddTextArgument(l.Text(i18n.M("connect.command.swarm.argument", "A record number or link")), "INC0010001", "")
		return data
	}
	return subcommand{
		name: "swarm", hint: numberOrLinkHint,
		help:         i18n.M("connect.command.swarm.help", "Bring in the team of a record: choose who of its assignee and assignment group (staff only) joins its record conversation"),
		autocomplete: autocomplete, execute: h.swarm,
	}
}

// swarm answers with the plan and opens it as a dialog with a checkbox per person; the
// dialog's submission (server/api) brings them in.
func (h *Handler) swarm(args *call, words []string) *model.CommandResponse {
	if len(words) != 1 {
		return args.say(i18n.M("connect.command.swarm.usage", "Name one record: `/connect swarm INC0010001` (or paste its link)."))
	}
	key, ok := h.deps.Records.RecordKey(words[0])
	if !ok {
		return args.say(notARecord(words[0]))
	}
	plan, err := h.deps.Swarm.OpenDialog(args.UserId, args.TriggerId, key)
	if err != nil {
		return h.failed(args, err, i18n.Message{}, i18n.M("connect.command.swarm.failed", "Connect could not read the record's people. Please try again."))
	}
	return ephemeral(args.l.Text(i18n.M("connect.command.swarm.title", "#### Bring in the team")) + "\n" + swarm.Describe(plan, true, args.l))
}
