package command

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/journal"
)

// Journal is what /connect save acts on.
type Journal interface {
	SaveLast(ctx context.Context, userID, channelID, record string, n int) (journal.Saved, error)
}

// defaultSaveLast is how many messages /connect save writes when not told.
const defaultSaveLast = 10

func (h *Handler) saveCommand() subcommand {
	data := model.NewAutocompleteData("save", "<number or link> [last N | all]", "Save this conversation's last messages to a ServiceNow record as one work note")
	data.AddTextArgument("A record number or link, then optionally last N or all (default: last 10)", "INC0010001 last 10", "")
	return subcommand{
		name: "save", hint: "<number or link> [last N | all]",
		help:         fmt.Sprintf("Save this conversation's last %d messages (or last N, or all) to a ServiceNow record as one work note; each message is saved once", defaultSaveLast),
		autocomplete: data, execute: h.save,
	}
}

func (h *Handler) save(args *model.CommandArgs, words []string) *model.CommandResponse {
	usage := "Name the record and, if you like, how many messages: `/connect save INC0010001`, `/connect save INC0010001 last 20` or `/connect save INC0010001 all`."
	n := defaultSaveLast
	switch {
	case len(words) == 1:
	case len(words) == 2 && strings.EqualFold(words[1], "all"):
		n = 0
	case len(words) == 3 && strings.EqualFold(words[1], "last"):
		count, err := strconv.Atoi(words[2])
		if err != nil || count < 1 || count > journal.MaxMessages {
			return ephemeral(fmt.Sprintf("`last` takes a number from 1 to %d.", journal.MaxMessages))
		}
		n = count
	default:
		return ephemeral(usage)
	}
	if !h.deps.IsStaff(args.UserId) {
		return ephemeral("Only ITIL staff can save conversations to ServiceNow records.")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	saved, err := h.deps.Journal.SaveLast(ctx, args.UserId, args.ChannelId, words[0], n)
	if err != nil {
		return h.failed(args, err, "Type `/connect save` in a Connect conversation: this channel is not one.", "Connect could not save the messages. Please try again.")
	}
	return ephemeral(savedText(saved))
}

// savedText says what a save did, with the record's card in a line and its link.
func savedText(s journal.Saved) string {
	var b strings.Builder
	switch {
	case s.Saved == 0:
		fmt.Fprintf(&b, "Those %d messages were already saved to **%s**: nothing new to write.", s.Already, s.Number)
	case s.Queued:
		fmt.Fprintf(&b, "Saving %d %s to **%s**: ServiceNow has not taken it yet. Connect keeps trying and tells you if it cannot.", s.Saved, messages(s.Saved), s.Number)
	default:
		fmt.Fprintf(&b, "Saved %d %s to **%s**.", s.Saved, messages(s.Saved), s.Number)
	}
	if s.Saved > 0 && s.Already > 0 {
		fmt.Fprintf(&b, " %d were already saved.", s.Already)
	}
	card := []string{}
	for _, part := range []string{s.Card.ShortDescription, s.Card.State, s.Card.Priority, s.Card.AssignedTo} {
		if part != "" {
			card = append(card, part)
		}
	}
	fmt.Fprintf(&b, "\n> [%s](%s)", s.Number, s.Link)
	if len(card) > 0 {
		b.WriteString(" · " + strings.Join(card, " · "))
	}
	return b.String()
}

func messages(n int) string {
	if n == 1 {
		return "message"
	}
	return "messages"
}
