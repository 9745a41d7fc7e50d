package command

import (
	"context"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
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

var recordHint = i18n.M("connect.command.record.hint", "<number|link> ... | test")

func (h *Handler) recordCommand() subcommand {
	help := i18n.M("connect.command.record.help", "Post ServiceNow record cards in this conversation")
	autocomplete := func(l *i18n.Localizer) *model.AutocompleteData {
		data := model.NewAutocompleteData("record", l.Text(i18n.M("connect.command.record.short_hint", "<number|link> ...")), l.Text(help))
		// Mattermost's autocomplete cannot offer both free text and the "test" subcommand.
		data.AddTextArgument(l.Text(i18n.M("connect.command.record.argument", "Record numbers or ServiceNow links (INC0010001 RITM0010002), or test (admins)")), l.Text(recordHint), "")
		return data
	}
	return subcommand{name: "record", hint: recordHint, help: help, autocomplete: autocomplete, execute: h.record}
}

func (h *Handler) record(args *call, words []string) *model.CommandResponse {
	ctx, cancel := context.WithTimeout(context.Background(), recordTimeout)
	defer cancel()
	if len(words) == 1 && strings.EqualFold(words[0], "test") {
		return h.recordTest(ctx, args)
	}
	if err := h.deps.Records.Link(ctx, args.UserId, args.ChannelId, words); err != nil {
		return h.failed(args, err, i18n.Message{}, i18n.M("connect.command.record.failed", "Connect could not post the record cards. Please try again."))
	}
	return &model.CommandResponse{}
}

func (h *Handler) recordTest(ctx context.Context, args *call) *model.CommandResponse {
	if !h.deps.IsAdmin(args.UserId) {
		return args.say(i18n.M("connect.command.admins_only", "Only system admins can use `/connect {{.Command}}`.", i18n.Data{"Command": "record test"}))
	}
	report, err := h.deps.Records.Test(ctx)
	if known, ok := failure.As(err); ok {
		return args.say(i18n.M("connect.command.record.test_failed", "ServiceNow check failed: {{.Problem}}", i18n.Data{"Problem": sentence(known.In(args.l))}))
	}
	if err != nil {
		// ServiceNow's own answer, which admins read as ServiceNow wrote it
		return args.say(i18n.M("connect.command.record.test_failed", "ServiceNow check failed: {{.Problem}}", i18n.Data{"Problem": sentence(err.Error())}))
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
