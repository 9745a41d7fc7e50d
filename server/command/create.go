package command

import (
	"context"
	"fmt"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/creation"
)

// Creator is what /connect create acts on.
type Creator interface {
	Submit(ctx context.Context, userID, channelID string, req creation.Request) (creation.Created, error)
}

func (h *Handler) createCommand() subcommand {
	autocomplete := model.NewAutocompleteData("create", "<table> <short description>", "Create a ServiceNow record from this conversation")
	autocomplete.AddTextArgument("A table records can be created in (incident), then the short description", "<table> <short description>", "")
	return subcommand{
		name: "create", hint: "<table> <short description>",
		help:         "Create a ServiceNow record from this conversation: you are the caller, its last 20 messages the first work note",
		autocomplete: autocomplete, execute: h.create,
	}
}

func (h *Handler) create(args *model.CommandArgs, words []string) *model.CommandResponse {
	if len(words) < 2 {
		return ephemeral("Name the table and the short description: `/connect create incident The printer on 3 is on fire`.")
	}
	req := creation.Request{
		RequestID: model.NewId(), Table: strings.ToLower(words[0]), ShortDescription: strings.Join(words[1:], " "),
	}
	created, err := h.deps.Creator.Submit(context.Background(), args.UserId, args.ChannelId, req)
	if err != nil {
		return h.failed(args, err, "Use `/connect create` in a Connect conversation: a direct message, a group message or a Connect group.", "Connect could not create the record. Please try again.")
	}
	if created.Queued {
		return ephemeral("ServiceNow cannot be reached just now. Connect creates the record as soon as it can and posts its card here; you are told if it finally cannot.")
	}
	card := created.Card
	return ephemeral(fmt.Sprintf("Created [%s](%s): %s. Its card is in this conversation; **Follow** on the card (or `/connect follow %s`) brings its updates to you.",
		card.Number, created.Link, card.ShortDescription, card.Number))
}
