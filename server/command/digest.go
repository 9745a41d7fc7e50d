package command

import (
	"strconv"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/digest"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Digest is what /connect digest acts on: the caller's email digest.
type Digest interface {
	Get(userID string) (digest.View, error)
	Set(userID string, change digest.Change) (digest.View, error)
	Conversation(userID, channelID string) (digest.ConversationView, error)
	SetConversation(userID, channelID string, included bool) (digest.ConversationView, error)
	RunNow() (int, error)
}

var digestHint = i18n.M("connect.command.digest.hint", "[on|off|every <minutes>|include|exclude|run]")

func (h *Handler) digestCommand() subcommand {
	autocomplete := func(l *i18n.Localizer) *model.AutocompleteData {
		data := model.NewAutocompleteData("digest", l.Text(digestHint), l.Text(i18n.M("connect.command.digest.description", "Your email digest of unread Connect messages")))
		data.AddCommand(model.NewAutocompleteData("on", "", l.Text(i18n.M("connect.command.digest.on", "Email me a digest of unread messages while I am away"))))
		data.AddCommand(model.NewAutocompleteData("off", "", l.Text(i18n.M("connect.command.digest.off", "Stop the email digest"))))
		minutes := l.Text(i18n.M("connect.command.digest.minutes_hint", "<minutes>"))
		every := model.NewAutocompleteData("every", minutes, l.Text(i18n.M("connect.command.digest.every", "How often the digest may come")))
		every.AddTextArgument(l.Text(i18n.M("connect.command.digest.every_argument", "Minutes between digests")), minutes, "")
		data.AddCommand(every)
		data.AddCommand(model.NewAutocompleteData("include", "", l.Text(i18n.M("connect.command.digest.include", "Put this conversation in my digest"))))
		data.AddCommand(model.NewAutocompleteData("exclude", "", l.Text(i18n.M("connect.command.digest.exclude", "Leave this conversation out of my digest"))))
		run := model.NewAutocompleteData("run", "", l.Text(i18n.M("connect.command.digest.run", "Send every digest now (system admins)")))
		run.RoleID = model.SystemAdminRoleId
		data.AddCommand(run)
		return data
	}
	return subcommand{
		name: "digest", hint: digestHint, help: i18n.M("connect.command.digest.help", "Show or change your email digest of unread messages"),
		autocomplete: autocomplete, execute: h.digest,
	}
}

func (h *Handler) digest(args *call, words []string) *model.CommandResponse {
	if h.deps.Digest == nil {
		return args.say(i18n.M("connect.command.digest.unavailable", "The email digest is not available."))
	}
	if !h.deps.IsStaff(args.UserId) {
		return args.say(i18n.M("connect.command.digest.staff_only", "The email digest is for ITIL staff: it bundles Connect conversations, which only staff take part in."))
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
	return args.say(i18n.M("connect.command.digest.unknown", "Unknown choice `{{.Choice}}`. Use `/connect digest {{.Hint}}`.", i18n.Data{"Choice": words[0], "Hint": digestHint}))
}

func (h *Handler) digestEvery(args *call, words []string) *model.CommandResponse {
	if len(words) != 1 {
		return args.say(i18n.M("connect.command.digest.every_usage", "Say how many minutes, e.g. `/connect digest every 60`."))
	}
	minutes, err := strconv.Atoi(strings.TrimSuffix(words[0], "m"))
	if err != nil {
		return args.say(i18n.M("connect.command.digest.not_minutes", "`{{.Text}}` is not a number of minutes, e.g. `/connect digest every 60`.", i18n.Data{"Text": words[0]}))
	}
	view, err := h.deps.Digest.Set(args.UserId, digest.Change{IntervalMinutes: &minutes})
	return h.digestAnswer(args, view, err)
}

func (h *Handler) digestRun(args *call) *model.CommandResponse {
	if !h.deps.IsAdmin(args.UserId) {
		return args.say(i18n.M("connect.command.admins_only", "Only system admins can use `/connect {{.Command}}`.", i18n.Data{"Command": "digest run"}))
	}
	sent, err := h.deps.Digest.RunNow()
	if err != nil {
		return args.say(i18n.Plural("connect.command.digest.run_stopped",
			"Sent {{.Count}} digest email; a problem stopped others: {{.Problem}}.",
			"Sent {{.Count}} digest emails; a problem stopped others: {{.Problem}}.", sent, i18n.Data{"Problem": err.Error()}))
	}
	return args.say(i18n.Plural("connect.command.digest.run_done",
		"Sent {{.Count}} digest email (to opted-in staff who are away and have unread messages).",
		"Sent {{.Count}} digest emails (to opted-in staff who are away and have unread messages).", sent))
}

func (h *Handler) digestAnswer(args *call, view digest.View, err error) *model.CommandResponse {
	if err != nil {
		return h.digestFailure(args, err)
	}
	text := args.l.Text(i18n.M("connect.command.digest.is_off",
		"Your email digest is **off**. Turn it on with `/connect digest on` (every {{.Minutes}} minutes; change it with `/connect digest every <{{.Min}}-{{.Max}}>`).",
		i18n.Data{"Minutes": view.IntervalMinutes, "Min": view.MinMinutes, "Max": view.MaxMinutes}))
	if view.Enabled {
		text = args.l.Text(i18n.M("connect.command.digest.is_on",
			"Your email digest is **on**: at most every {{.Minutes}} minutes, one email with the Connect messages you have not read, while you are away.",
			i18n.Data{"Minutes": view.IntervalMinutes}))
	}
	if view.Problem != "" {
		text += "\n" + view.Problem
	}
	return ephemeral(text)
}

func (h *Handler) conversationDigestAnswer(args *call, view digest.ConversationView, err error) *model.CommandResponse {
	if err != nil {
		return h.digestFailure(args, err)
	}
	if view.Included {
		return args.say(i18n.M("connect.command.digest.included", "This conversation is in your email digest."))
	}
	return args.say(i18n.M("connect.command.digest.excluded", "This conversation is not in your email digest. {{.Reason}}", i18n.Data{"Reason": view.Reason}))
}

func (h *Handler) digestFailure(args *call, err error) *model.CommandResponse {
	return h.failed(args, err,
		i18n.M("connect.command.digest.not_here", "`/connect digest include` and `exclude` work in a Connect conversation: type it in one."),
		i18n.M("connect.command.digest.failed", "Connect could not read or change the digest. Please try again."))
}
