package command

import (
	"fmt"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Follows is what /connect follow, unfollow and following act on.
type Follows interface {
	List(userID string) ([]follow.Follow, error)
	Follow(userID string, key servicenow.RecordKey) (follow.Follow, error)
	Unfollow(userID string, ref follow.Ref) error
	SetKind(userID, channelID, kind string) (follow.JournalKind, error)
}

func (h *Handler) followCommands() []subcommand {
	followData := model.NewAutocompleteData("follow", "<number or link>", "Follow a ServiceNow record: join its record conversation")
	followData.AddTextArgument("A record number or link, or mode work_notes|comments in a record conversation", "INC0010001", "")
	unfollowData := model.NewAutocompleteData("unfollow", "<number>", "Stop following a record")
	unfollowData.AddTextArgument("A record number you follow", "INC0010001", "")
	return []subcommand{
		{name: "follow", hint: "<number or link>", help: "Follow a ServiceNow record: its updates arrive in its record conversation", autocomplete: followData, execute: h.followRecord},
		{name: "unfollow", hint: "<number>", help: "Stop following a record", autocomplete: unfollowData, execute: h.unfollowRecord},
		{name: "following", help: "List the records you follow", execute: h.following},
	}
}

func (h *Handler) followRecord(args *model.CommandArgs, words []string) *model.CommandResponse {
	if len(words) == 2 && strings.EqualFold(words[0], "mode") {
		return h.followMode(args, strings.ToLower(words[1]))
	}
	if len(words) != 1 {
		return ephemeral("Name one record: `/connect follow INC0010001` (or paste its link).")
	}
	key, ok := h.deps.Records.RecordKey(words[0])
	if !ok {
		return ephemeral(fmt.Sprintf("`%s` is not a record number or record link Connect knows.", words[0]))
	}
	followed, err := h.deps.Follows.Follow(args.UserId, key)
	if err != nil {
		return h.followFailure(args, err)
	}
	return ephemeral(fmt.Sprintf("You follow **%s**: its updates arrive in the record conversation **%s · %s**.", followed.Number, followed.Number, followed.ShortDescription))
}

// followMode chooses, in a record conversation, whether two-way writes the caller's messages
// as work notes or comments: the same remembered choice as the composer's switch.
func (h *Handler) followMode(args *model.CommandArgs, mode string) *model.CommandResponse {
	if _, err := h.deps.Follows.SetKind(args.UserId, args.ChannelId, mode); err != nil {
		return h.followFailure(args, err)
	}
	what := map[string]string{"work_notes": "work notes", "comments": "comments (visible to the caller in ServiceNow)"}[mode]
	return ephemeral("Your messages in this record conversation are written to the record as " + what + " when two-way is on.")
}

func (h *Handler) unfollowRecord(args *model.CommandArgs, words []string) *model.CommandResponse {
	if len(words) != 1 {
		return ephemeral("Name the record: `/connect unfollow INC0010001`.")
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
			return ephemeral(fmt.Sprintf("You no longer follow **%s**; you left its record conversation, whose history stays.", f.Number))
		}
	}
	return ephemeral(fmt.Sprintf("You do not follow `%s`. `/connect following` lists what you follow.", words[0]))
}

func (h *Handler) following(args *model.CommandArgs, _ []string) *model.CommandResponse {
	list, err := h.deps.Follows.List(args.UserId)
	if err != nil {
		return h.followFailure(args, err)
	}
	if len(list) == 0 {
		return ephemeral("You follow no records. Follow one with `/connect follow <number>` or a card's Follow button.")
	}
	var b strings.Builder
	b.WriteString("You follow:\n")
	for _, f := range list {
		fmt.Fprintf(&b, "- **%s** · %s\n", f.Number, f.ShortDescription)
	}
	return ephemeral(b.String())
}

func (h *Handler) followFailure(args *model.CommandArgs, err error) *model.CommandResponse {
	return h.failed(args, err, "", "Connect could not change what you follow. Please try again.")
}
