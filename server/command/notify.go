package command

import (
	"fmt"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/notify"
)

// Bell is what /connect notify acts on: the caller's preferences for one conversation.
type Bell interface {
	Get(userID, channelID string) (notify.Preferences, error)
	Change(userID, channelID string, change func(*notify.Preferences)) (notify.Preferences, error)
	IsDirect(userID, channelID string) (bool, error)
}

const notifyHint = "[all|mentions|never] [desktop|push|email] | mute | unmute"

func (h *Handler) notifyCommand() subcommand {
	autocomplete := model.NewAutocompleteData("notify", notifyHint, "Notifications for this conversation (the bell)")
	for _, level := range []struct{ name, help string }{
		{"all", "Notify me of all activity"},
		{"mentions", "Notify me only when I am @mentioned (group conversations)"},
		{"never", "Never notify me"},
	} {
		sub := model.NewAutocompleteData(level.name, "[desktop|push|email]", level.help)
		sub.AddStaticListArgument("Which notifications (desktop and push when left out)", false, []model.AutocompleteListItem{
			{Item: "desktop", HelpText: "Desktop and browser notifications"},
			{Item: "push", HelpText: "Mobile push notifications"},
			{Item: "email", HelpText: "Email notifications"},
		})
		autocomplete.AddCommand(sub)
	}
	autocomplete.AddCommand(model.NewAutocompleteData("mute", "", "Mute this conversation"))
	autocomplete.AddCommand(model.NewAutocompleteData("unmute", "", "Unmute this conversation"))
	return subcommand{
		name: "notify", hint: notifyHint, help: "Show or change your notifications for this conversation",
		autocomplete: autocomplete, execute: h.notify,
	}
}

func (h *Handler) notify(args *model.CommandArgs, words []string) *model.CommandResponse {
	if h.deps.Bell == nil {
		return ephemeral("Notification preferences are not available.")
	}
	if len(words) == 0 {
		prefs, err := h.deps.Bell.Get(args.UserId, args.ChannelId)
		if err != nil {
			return h.notifyFailure(args, err)
		}
		return ephemeral(describePreferences(prefs))
	}
	change, problem := h.parseNotify(args, words)
	if problem != "" {
		return ephemeral(problem)
	}
	prefs, err := h.deps.Bell.Change(args.UserId, args.ChannelId, change)
	if err != nil {
		return h.notifyFailure(args, err)
	}
	return ephemeral("Done. " + describePreferences(prefs))
}

// parseNotify reads "mute", "unmute" or "<level> [channel]" into a change of preferences.
func (h *Handler) parseNotify(args *model.CommandArgs, words []string) (func(*notify.Preferences), string) {
	usage := "Use `/connect notify " + notifyHint + "`, or `/connect notify` to see your choices."
	first := strings.ToLower(words[0])
	if len(words) == 1 && (first == "mute" || first == "unmute") {
		return func(p *notify.Preferences) { p.Muted = first == "mute" }, ""
	}
	level, ok := notify.ParseLevel(first)
	if !ok || len(words) > 2 {
		return nil, usage
	}
	channel := ""
	if len(words) == 2 {
		channel = strings.ToLower(words[1])
		if channel != "desktop" && channel != "push" && channel != "email" {
			return nil, fmt.Sprintf("`%s` is not desktop, push or email. %s", words[1], usage)
		}
	}
	if level == notify.Mention {
		direct, err := h.deps.Bell.IsDirect(args.UserId, args.ChannelId)
		if err != nil {
			return nil, h.notifyFailure(args, err).Text
		}
		if direct {
			return nil, "Only @mentions is for group conversations: in a direct conversation every message is for you. Choose `all` or `never`."
		}
	}
	return func(p *notify.Preferences) {
		switch channel {
		case "desktop":
			p.Desktop = level
		case "push":
			p.Push = level
		case "email":
			p.Email = level
		default:
			p.Desktop, p.Push = level, level
		}
	}, ""
}

func describePreferences(p notify.Preferences) string {
	text := fmt.Sprintf("Notifications for this conversation: desktop %s, mobile push %s, email %s.",
		p.Desktop.Describe(), p.Push.Describe(), p.Email.Describe())
	if p.Muted {
		text += " The conversation is muted."
	}
	return text
}

func (h *Handler) notifyFailure(args *model.CommandArgs, err error) *model.CommandResponse {
	return h.failed(args, err,
		"`/connect notify` works in a Connect conversation (a direct or group conversation of ITIL staff): type it in one.",
		"Connect could not read or change the notifications. Please try again.")
}
