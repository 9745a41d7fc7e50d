package command

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
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
	autocomplete := func(l *i18n.Localizer) *model.AutocompleteData {
		data := model.NewAutocompleteData("notify", notifyHint, l.Text(i18n.M("connect.command.notify.description", "Notifications for this conversation (the bell)")))
		for _, level := range []struct {
			name string
			help i18n.Message
		}{
			{"all", i18n.M("connect.command.notify.all", "Notify me of all activity")},
			{"mentions", i18n.M("connect.command.notify.mentions", "Notify me only when I am @mentioned (group conversations)")},
			{"never", i18n.M("connect.command.notify.never", "Never notify me")},
		} {
			sub := model.NewAutocompleteData(level.name, "[desktop|push|email]", l.Text(level.help))
			sub.AddStaticListArgument(l.Text(i18n.M("connect.command.notify.which", "Which notifications (desktop and push when left out)")), false, []model.AutocompleteListItem{
				{Item: "desktop", HelpText: l.Text(i18n.M("connect.command.notify.desktop", "Desktop and browser notifications"))},
				{Item: "push", HelpText: l.Text(i18n.M("connect.command.notify.push", "Mobile push notifications"))},
				{Item: "email", HelpText: l.Text(i18n.M("connect.command.notify.email", "Email notifications"))},
			})
			data.AddCommand(sub)
		}
		data.AddCommand(model.NewAutocompleteData("mute", "", l.Text(i18n.M("connect.command.notify.mute", "Mute this conversation"))))
		data.AddCommand(model.NewAutocompleteData("unmute", "", l.Text(i18n.M("connect.command.notify.unmute", "Unmute this conversation"))))
		return data
	}
	return subcommand{
		name: "notify", hint: i18n.Text(notifyHint), help: i18n.M("connect.command.notify.help", "Show or change your notifications for this conversation"),
		autocomplete: autocomplete, execute: h.notify,
	}
}

func (h *Handler) notify(args *call, words []string) *model.CommandResponse {
	if h.deps.Bell == nil {
		return args.say(i18n.M("connect.command.notify.unavailable", "Notification preferences are not available."))
	}
	if len(words) == 0 {
		prefs, err := h.deps.Bell.Get(args.UserId, args.ChannelId)
		if err != nil {
			return h.notifyFailure(args, err)
		}
		return args.say(describePreferences(prefs))
	}
	change, problem := h.parseNotify(args, words)
	if problem != nil {
		return problem
	}
	prefs, err := h.deps.Bell.Change(args.UserId, args.ChannelId, change)
	if err != nil {
		return h.notifyFailure(args, err)
	}
	return args.say(i18n.M("connect.command.notify.done", "Done. {{.Preferences}}", i18n.Data{"Preferences": describePreferences(prefs)}))
}

// parseNotify reads "mute", "unmute" or "<level> [channel]" into a change of preferences, or
// the answer that says what is wrong.
func (h *Handler) parseNotify(args *call, words []string) (func(*notify.Preferences), *model.CommandResponse) {
	usage := i18n.M("connect.command.notify.usage", "Use `/connect notify {{.Hint}}`, or `/connect notify` to see your choices.", i18n.Data{"Hint": notifyHint})
	first := strings.ToLower(words[0])
	if len(words) == 1 && (first == "mute" || first == "unmute") {
		return func(p *notify.Preferences) { p.Muted = first == "mute" }, nil
	}
	level, ok := notify.ParseLevel(first)
	if !ok || len(words) > 2 {
		return nil, args.say(usage)
	}
	channel := ""
	if len(words) == 2 {
		channel = strings.ToLower(words[1])
		if channel != "desktop" && channel != "push" && channel != "email" {
			return nil, args.say(i18n.M("connect.command.notify.not_a_channel", "`{{.Text}}` is not desktop, push or email. {{.Usage}}", i18n.Data{"Text": words[1], "Usage": usage}))
		}
	}
	if level == notify.Mention {
		direct, err := h.deps.Bell.IsDirect(args.UserId, args.ChannelId)
		if err != nil {
			return nil, h.notifyFailure(args, err)
		}
		if direct {
			return nil, args.say(i18n.M("connect.command.notify.mentions_direct", "Only @mentions is for group conversations: in a direct conversation every message is for you. Choose `all` or `never`."))
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
	}, nil
}

func describePreferences(p notify.Preferences) i18n.Message {
	data := i18n.Data{"Desktop": p.Desktop.Describe(), "Push": p.Push.Describe(), "Email": p.Email.Describe()}
	if p.Muted {
		return i18n.M("connect.command.notify.muted", "Notifications for this conversation: desktop {{.Desktop}}, mobile push {{.Push}}, email {{.Email}}. The conversation is muted.", data)
	}
	return i18n.M("connect.command.notify.preferences", "Notifications for this conversation: desktop {{.Desktop}}, mobile push {{.Push}}, email {{.Email}}.", data)
}

func (h *Handler) notifyFailure(args *call, err error) *model.CommandResponse {
	return h.failed(args, err,
		i18n.M("connect.command.notify.not_here", "`/connect notify` works in a Connect conversation (a direct or group conversation of ITIL staff): type it in one."),
		i18n.M("connect.command.notify.failed", "Connect could not read or change the notifications. Please try again."))
}
