package command

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/digest"
)

// Digest is what /connect digest acts on: the caller's email digest.
type Digest interface {
	Get(userID string) (digest.View, error)
	Set(userID string, change digest.Change) (digest.View, error)
	Conversation(userID, channelID string) (digest.ConversationView, error)
	SetConversation(userID, channelID string, included bool) (digest.ConversationView, error)
	RunNow() (int, error)
}

const digestHint = "[on|off|every <minutes>|include|exclude|run]"

func (h *Handler) digestCommand() subcommand {
	autocomplete := model.NewAutocompleteData("digest", digestHint, "Your email digest of unread Connect messages")
	autocomplete.AddCommand(model.NewAutocompleteData("on", "", "Email me a digest of unread messages while I am away"))
	autocomplete.AddCommand(model.NewAutocompleteData("off", "", "Stop the email digest"))
	every := model.NewAutocompleteData("every", "<minutes>", "How often the digest may come")
	every.AddTextArgument("Minutes between digests", "<minutes>", "")
	autocomplete.AddCommand(every)
	autocomplete.AddCommand(model.NewAutocompleteData("include", "", "Put this conversation in my digest"))
	autocomplete.AddCommand(model.NewAutocompleteData("exclude", "", "Leave this conversation out of my digest"))
	run := model.NewAutocompleteData("run", "", "Send every digest now (system admins)")
	run.RoleID = model.SystemAdminRoleId
	autocomplete.AddCommand(run)
	return subcommand{
		name: "digest", hint: digestHint, help: "Show or change your email digest of unread messages",
		autocomplete: autocomplete, execute: h.digest,
	}
}

func (h *Handler) digest(args *model.CommandArgs, words []string) *model.CommandResponse {
	if h.deps.Digest == nil {
		return ephemeral("The email digest is not available.")
	}
	if !h.deps.IsStaff(args.UserId) {
		return ephemeral("The email digest is for ITIL staff: it bundles Connect conversations, which only staff take part in.")
	}
	if len(words) == 0 {
		view, err := h.deps.Digest.Get(args.UserId)
		return h.digestAnswer(args, view, err)
	}
	switch strings.ToLower(words[0]) {
	case "on", "off":
		enabled := strings.EqualFold(words[0], "on")
		view, err := h.deps.Digest.Set(args.UserId, digest.Change{Enabled: &enabled})
		return h.digestAnswer(args, view, err)
	case "every":
		return h.digestEvery(args, words[1:])
	case "include", "exclude":
		view, err := h.deps.Digest.SetConversation(args.UserId, args.ChannelId, strings.EqualFold(words[0], "include"))
		return h.conversationDigestAnswer(args, view, err)
	case "run":
		return h.digestRun(args)
	}
	return ephemeral(fmt.Sprintf("Unknown choice `%s`. Use `/connect digest %s`.", words[0], digestHint))
}

func (h *Handler) digestEvery(args *model.CommandArgs, words []string) *model.CommandResponse {
	if len(words) != 1 {
		return ephemeral("Say how many minutes, e.g. `/connect digest every 60`.")
	}
	minutes, err := strconv.Atoi(strings.TrimSuffix(words[0], "m"))
	if err != nil {
		return ephemeral(fmt.Sprintf("`%s` is not a number of minutes, e.g. `/connect digest every 60`.", words[0]))
	}
	view, err := h.deps.Digest.Set(args.UserId, digest.Change{IntervalMinutes: &minutes})
	return h.digestAnswer(args, view, err)
}

func (h *Handler) digestRun(args *model.CommandArgs) *model.CommandResponse {
	if !h.deps.IsAdmin(args.UserId) {
		return ephemeral("Only system admins can use `/connect digest run`.")
	}
	sent, err := h.deps.Digest.RunNow()
	if err != nil {
		return ephemeral(fmt.Sprintf("Sent %d digest emails; a problem stopped others: %s.", sent, err.Error()))
	}
	return ephemeral(fmt.Sprintf("Sent %d digest %s (to opted-in staff who are away and have unread messages).", sent, plural(sent, "email", "emails")))
}

func (h *Handler) digestAnswer(args *model.CommandArgs, view digest.View, err error) *model.CommandResponse {
	if err != nil {
		return h.digestFailure(args, err)
	}
	text := fmt.Sprintf("Your email digest is **off**. Turn it on with `/connect digest on` (every %d minutes; change it with `/connect digest every <%d-%d>`).", view.IntervalMinutes, view.MinMinutes, view.MaxMinutes)
	if view.Enabled {
		text = fmt.Sprintf("Your email digest is **on**: at most every %d minutes, one email with the Connect messages you have not read, while you are away.", view.IntervalMinutes)
	}
	if view.Problem != "" {
		text += "\n" + view.Problem
	}
	return ephemeral(text)
}

func (h *Handler) conversationDigestAnswer(args *model.CommandArgs, view digest.ConversationView, err error) *model.CommandResponse {
	if err != nil {
		return h.digestFailure(args, err)
	}
	if view.Included {
		return ephemeral("This conversation is in your email digest.")
	}
	return ephemeral("This conversation is not in your email digest. " + view.Reason)
}

func (h *Handler) digestFailure(args *model.CommandArgs, err error) *model.CommandResponse {
	return h.failed(args, err,
		"`/connect digest include` and `exclude` work in a Connect conversation: type it in one.",
		"Connect could not read or change the digest. Please try again.")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
