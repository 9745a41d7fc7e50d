package command

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/journal"
)

// Journal is what /connect save acts on.
type Journal interface {
	SaveLast(ctx context.Context, userID, channelID, record string, n int) (journal.Saved, error)
}

// defaultSaveLast is how many messages /connect save writes when not told.
const defaultSaveLast = 10

var saveHint = i18n.M("connect.command.save.hint", "<number or link> [last N | all]")

func (h *Handler) saveCommand() subcommand {
	autocomplete := func(l *i18n.Localizer) *model.AutocompleteData {
		data := model.NewAutocompleteData("save", l.Text(saveHint), l.Text(i18n.M("connect.command.save.description", "Save this conversation's last messages to a ServiceNow record as one work note")))
		data.AddTextArgument(l.Text(i18n.M("connect.command.save.argument", "A record number or link, then optionally last N or all (default: last 10)")), "INC0010001 last 10", "")
		return data
	}
	return subcommand{
		name: "save", hint: saveHint,
		help: i18n.M("connect.command.save.help", "Save this conversation's last {{.Count}} messages (or last N, or all) to a ServiceNow record as one work note; each message is saved once",
			i18n.Data{"Count": defaultSaveLast}),
		autocomplete: autocomplete, execute: h.save,
	}
}

func (h *Handler) save(args *call, words []string) *model.CommandResponse {
	n := defaultSaveLast
	switch {
	case len(words) == 1:
	case len(words) == 2 && strings.EqualFold(words[1], "all"):
		n = 0
	case len(words) == 3 && strings.EqualFold(words[1], "last"):
		count, err := strconv.Atoi(words[2])
		if err != nil || count < 1 || count > journal.MaxMessages {
			return args.say(i18n.M("connect.command.save.last_range", "`last` takes a number from 1 to {{.Max}}.", i18n.Data{"Max": journal.MaxMessages}))
		}
		n = count
	default:
		return args.say(i18n.M("connect.command.save.usage", "Name the record and, if you like, how many messages: `/connect save INC0010001`, `/connect save INC0010001 last 20` or `/connect save INC0010001 all`."))
	}
	if !h.deps.IsStaff(args.UserId) {
		return args.say(i18n.M("connect.journal.staff_only", "Only ITIL staff can save conversations to ServiceNow records."))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	saved, err := h.deps.Journal.SaveLast(ctx, args.UserId, args.ChannelId, words[0], n)
	if err != nil {
		return h.failed(args, err,
			i18n.M("connect.command.save.not_here", "Type `/connect save` in a Connect conversation: this channel is not one."),
			i18n.M("connect.command.save.failed", "Connect could not save the messages. Please try again."))
	}
	return ephemeral(savedText(saved, args.l))
}

// savedText says what a save did, with the record's card in a line and its link.
func savedText(s journal.Saved, l *i18n.Localizer) string {
	var b strings.Builder
	data := i18n.Data{"Number": s.Number}
	switch {
	case s.Saved == 0:
		b.WriteString(l.Text(i18n.Plural("connect.command.save.already",
			"That message was already saved to **{{.Number}}**: nothing new to write.",
			"Those {{.Count}} messages were already saved to **{{.Number}}**: nothing new to write.", s.Already, data)))
	case s.Queued:
		b.WriteString(l.Text(i18n.Plural("connect.command.save.queued",
			"Saving {{.Count}} message to **{{.Number}}**: ServiceNow has not taken it yet. Connect keeps trying and tells you if it cannot.",
			"Saving {{.Count}} messages to **{{.Number}}**: ServiceNow has not taken it yet. Connect keeps trying and tells you if it cannot.", s.Saved, data)))
	default:
		b.WriteString(l.Text(i18n.Plural("connect.command.save.saved", "Saved {{.Count}} message to **{{.Number}}**.", "Saved {{.Count}} messages to **{{.Number}}**.", s.Saved, data)))
	}
	if s.Saved > 0 && s.Already > 0 {
		b.WriteString(" " + l.Text(i18n.Plural("connect.command.save.some_already", "{{.Count}} was already saved.", "{{.Count}} were already saved.", s.Already)))
	}
	card := []string{}
	for _, part := range []string{s.Card.ShortDescription, s.Card.State, s.Card.Priority, s.Card.AssignedTo} {
		if part != "" {
			card = append(card, part)
		}
	}
	b.WriteString("\n> [" + s.Number + "](" + s.Link + ")")
	if len(card) > 0 {
		b.WriteString(" · " + strings.Join(card, " · "))
	}
	return b.String()
}
