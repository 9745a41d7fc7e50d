package command

import (
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"

	"context"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// RecordLinker is what /connect record acts on.
type RecordLinker interface {
	// Link posts the caller's message naming the records, once each was found.
	Link(ctx context.Context, userID, channelID string, words []string) error
	// Test checks the ServiceNow connection and says what it found.
	Test(ctx context.Context) (string, error)
	// RecordKey reads the one record a number or record link names.
	RecordKey(text string) (servicenow.RecordKey, bool)
}

const recordTimeout = 15 * time.Second

func (h *Handler) recordCommand() subcommand {
	autocomplete := model.NewAutocompleteData("record", "<number|link> ...", "Post ServiceNow record cards in this conversation")
	// Mattermost's autocomplete cannot offer both free text and the "test" subcommand.
	autocomplete.AddTextArgument("Record numbers or ServiceNow links (INC0010001 RITM0010002), or test (admins)", "<number|link> ... | test", "")
	return subcommand{
		name: "record", hint: "<number|link> ... | test", help: "Post ServiceNow record cards in this conversation",
		autocomplete: autocomplete, execute: h.record,
	}
}

func (h *Handler) record(args *model.CommandArgs, words []string) *model.CommandResponse {
	ctx, cancel := context.WithTimeout(context.Background(), recordTimeout)
	defer cancel()
	if len(words) == 1 && strings.EqualFold(words[0], "test") {
		return h.recordTest(ctx, args.UserId)
	}
	if err := h.deps.Records.Link(ctx, args.UserId, args.ChannelId, words); err != nil {
		return ephemeral(sentence(err.Error()))
	}
	return &model.CommandResponse{}
}

func (h *Handler) recordTest(ctx context.Context, userID string) *model.CommandResponse {
	if !h.deps.IsAdmin(userID) {
		return ephemeral("Only system admins can use `/connect record test`.")
	}
	report, err := h.deps.Records.Test(ctx)
	if err != nil {
		return ephemeral("ServiceNow check failed: " + sentence(err.Error()))
	}
	return ephemeral(report)
}

// sentence ends text with a full stop unless it already ends a sentence.
func sentence(text string) string {
	if strings.HasSuffix(text, ".") {
		return text
	}
	return text + "."
}
