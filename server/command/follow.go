package command

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Follows is what /connect follow, unfollow and following act on.
type Follows interface {
	List(userID string) ([]follow.Follow, error)
	Follow(userID string, key servicenow.RecordKey) (follow.Follow, error)
	Unfollow(userID string, ref follow.Ref) error
	SetKind(userID, channelID, kind string) (follow.JournalKind, error)
}

var (
	numberOrLinkHint = i18n.M("connect.command.number_or_link", "<number or link>")
	numberHint       = i18n.M("connect.command.number", "<number>")
)

func (h *Handler) followCommands() []subcommand {
	followData := func(l *i18n.Localizer) *model.AutocompleteData {
		data := model.NewAutocompleteData("follow", l.Text(numberOrLinkHint), l.Text(i18n.M("connect.command.follow.description", "Follow a ServiceNow record: join its record conversation")))
		data.AddTextArgument(l.Text(i18n.M("connect.command.follow.argument", "A record number or link, or mode work_notes|comments in a record conversation")), "INC0010001", "")
		return data
	}
	unfollowData := func(l *i18n.Localizer) *model.AutocompleteData {
		data := model.NewAutocompleteData("unfollow", l.Text(numberHint), l.Text(i18n.M("connect.command.unfollow.help", "Stop following a record")))
		data.AddTextArgument(l.Text(i18n.M("connect.command.unfollow.argument", "A record number you follow")), "INC0010001", "")
		return data
	}
	return []subcommand{
		{name: "follow", hint: numberOrLinkHint, help: i18n.M("connect.command.follow.help", "Follow a ServiceNow record: its updates arrive in its record conversation"), autocomplete: followData, execute: h.followRecord},
		{name: "unfollow", hint: numberHint, help: i18n.M("connect.command.unfollow.help", "Stop following a record"), autocomplete: unfollowData, execute: h.unfollowRecord},
		{name: "following", help: i18n.M("connect.command.following.help", "List the records you follow"), execute: h.following},
	}
}

func (h *Handler) followRecord(args *call, words []string) *model.CommandResponse {
	if len(words) == 2 && strings.EqualFold(words[0], "mode") {
		return h.followMode(args, strings.ToLower(words[1]))
	}
	if len(words) != 1 {
		return args.say(i18n.M("connect.command.follow.usage", "Name one record: `/connect follow INC0010001` (or paste its link)."))
	}
	key, ok := h.deps.Records.RecordKey(words[0])
	if !ok {
		return args.say(notARecord(words[0]))
	}
	followed, err := h.deps.Follows.Follow(args.UserId, key)
	if err != nil {
		return h.followFailure(args, err)
	}
	return args.say(i18n.M("connect.command.follow.done", "You follow **{{.Number}}**: its updates arrive in the record conversation **{{.Number}} · {{.Description}}**.",
		i18n.Data{"Number": followed.Number, "Description": followed.ShortDescription}))
}

// notARecord answers text that names no record.
func notARecord(text string) i18n.Message {
	return i18n.M("connect.command.not_a_record", "`{{.Text}}` is not a record number or record link Connect knows.", i18n.Data{"Text": text})
}

// followMode chooses, in a record conversation, whether two-way writes the caller's messages
// as work notes or comments: the same remembered choice as the composer's switch.
func (h *Handler) followMode(args *call, mode string) *model.CommandResponse {
	if _, err := h.deps.Follows.SetKind(args.UserId, args.ChannelId, mode); err != nil {
		return h.followFailure(args, err)
	}
	if mode == "work_notes" {
		return args.say(i18n.M("connect.command.follow.mode_work_notes", "Your messages in this record conversation are written to the record as work notes when two-way is on."))
	}
	return args.say(i18n.M("connect.command.follow.mode_comments", "Your messages in this record conversation are written to the record as comments (visible to the caller in ServiceNow) when two-way is on."))
}

func (h *Handler) unfollowRecord(args *call, words []string) *model.CommandResponse {
	if len(words) != 1 {
		return args.say(i18n.M("connect.command.unfollow.usage", "Name the record: `/connect unfollow INC0010001`."))
	}
	list, err := h.deps.Follows.List(args.UserId)
	if err != nil {
		return h.followFailure(args, err)
	}
	for _, f := range list {
		if strings.EqualFold(f.Number, words[0]) {
			if err := h.deps.Follows.Unfollow(args.UserId, follow.Ref{Table: f.Table, SysID: f.SysID}); err != nil {
				return h.followFailure(args, err)
			}
			return args.say(i18n.M("connect.command.unfollow.done", "You no longer follow **{{.Number}}**; you left its record conversation, whose history stays.", i18n.Data{"Number": f.Number}))
		}
	}
	return args.say(i18n.M("connect.command.unfollow.not_followed", "You do not follow `{{.Text}}`. `/connect following` lists what you follow.", i18n.Data{"Text": words[0]}))
}

func (h *Handler) following(args *call, _ []string) *model.CommandResponse {
	list, err := h.deps.Follows.List(args.UserId)
	if err != nil {
		return h.followFailure(args, err)
	}
	if len(list) == 0 {
		return args.say(i18n.M("connect.command.following.none", "You follow no records. Follow one with `/connect follow <number>` or a card's Follow button."))
	}
	var b strings.Builder
	b.WriteString(args.l.Text(i18n.M("connect.command.following.list", "You follow:")) + "\n")
	for _, f := range list {
		b.WriteString("- **" + f.Number + "** · " + f.ShortDescription + "\n")
	}
	return ephemeral(b.String())
}

func (h *Handler) followFailure(args *call, err error) *model.CommandResponse {
	return h.failed(args, err, i18n.Message{}, i18n.M("connect.command.follow.failed", "Connect could not change what you follow. Please try again."))
}
