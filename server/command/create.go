package command

import (
	"context"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/creation"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Creator is what /connect create acts on.
type Creator interface {
	Submit(ctx context.Context, userID, channelID string, req creation.Request) (creation.Created, error)
}

var createHint = i18n.M("connect.command.create.hint", "<table> <short description>")

func (h *Handler) createCommand() subcommand {
	autocomplete := func(l *i18n.Localizer) *model.AutocompleteData {
		data := model.NewAutocompleteData("create", l.Text(createHint), l.Text(i18n.M("connect.command.create.description", "Create a ServiceNow record from this conversation")))
		data.AddTextArgument(l.Text(i18n.M("connect.command.create.argument", "A table records can be created in (incident), then the short description")), l.Text(createHint), "")
		return data
	}
	return subcommand{
		name: "create", hint: createHint,
		help:         i18n.M("connect.command.create.help", "Create a ServiceNow record from this conversation: you are the caller, its last 20 messages the first work note"),
		autocomplete: autocomplete, execute: h.create,
	}
}

func (h *Handler) create(args *call, words []string) *model.CommandResponse {
	if len(words) < 2 {
		return args.say(i18n.M("connect.command.create.usage", "Name the table and the short description: `/connect create incident The printer on 3 is on fire`."))
	}
	req := creation.Request{
		RequestID: model.NewId(), Table: strings.ToLower(words[0]), ShortDescription: strings.Join(words[1:], " "),
	}
	created, err := h.deps.Creator.Submit(context.Background(), args.UserId, args.ChannelId, req)
	if err != nil {
		return h.failed(args, err,
			i18n.M("connect.command.create.not_here", "Use `/connect create` in a Connect conversation: a direct message, a group message or a Connect group."),
			i18n.M("connect.command.create.failed", "Connect could not create the record. Please try again."))
	}
	if created.Queued {
		return args.say(i18n.M("connect.command.create.queued", "ServiceNow cannot be reached just now. Connect creates the record as soon as it can and posts its card here; you are told if it finally cannot."))
	}
	card := created.Card
	return args.say(i18n.M("connect.command.create.done", "Created [{{.Number}}]({{.Link}}): {{.Description}}. Its card is in this conversation; **Follow** on the card (or `/connect follow {{.Number}}`) brings its updates to you.",
		i18n.Data{"Number": card.Number, "Link": created.Link, "Description": card.ShortDescription}))
}
