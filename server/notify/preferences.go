// Package notify owns the bell: each member's notification preferences for one Connect
// conversation (desktop, mobile push, email, mute). They are stored where Mattermost's own
// notifications read them, the channel member's notify props, so every client honours them;
// the email choice is also Connect's own (choices.go: Mattermost has no "only @mentions"), and
// the EmailNotificationWillBeSent hook applies it and the admin's email rule from memory.
package notify

import (
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"

	"strings"
)

// Level is how much of a conversation a channel notifies about.
type Level string

const (
	All     Level = "all"
	Mention Level = "mention"
	None    Level = "none"
)

// Preferences are one member's choices for one conversation, as the bell shows them.
type Preferences struct {
	Desktop Level `json:"desktop"`
	Push    Level `json:"push"`
	Email   Level `json:"email"`
	Muted   bool  `json:"muted"`
}

// ParseLevel reads a level in the API's words or the slash command's ("mentions", "never").
func ParseLevel(text string) (Level, bool) {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "all":
		return All, true
	case "mention", "mentions":
		return Mention, true
	case "none", "never":
		return None, true
	}
	return "", false
}

// Validate says, in the caller's words, what is wrong with p for a conversation ("" when
// nothing is): every channel needs a level, and "mention" is for group conversations only.
func (p Preferences) Validate(direct bool) i18n.Message {
	for _, ch := range []struct {
		name  string
		level Level
	}{{"desktop", p.Desktop}, {"push", p.Push}, {"email", p.Email}} {
		if _, ok := ParseLevel(string(ch.level)); !ok || ch.level == "mentions" || ch.level == "never" {
			return i18n.M("connect.notify.invalid_level", "{{.Channel}} must be \"all\", \"mention\" or \"none\", not \"{{.Level}}\".", i18n.Data{"Channel": ch.name, "Level": string(ch.level)})
		}
		if direct && ch.level == Mention {
			return i18n.M("connect.notify.mention_direct", "{{.Channel}} cannot be \"mention\" in a direct conversation: every message there is for you. Choose \"all\" or \"none\".", i18n.Data{"Channel": ch.name})
		}
	}
	return i18n.Message{}
}

// Describe is the level in Connect's words.
func (l Level) Describe() i18n.Message {
	switch l {
	case All:
		return i18n.M("connect.notify.level_all", "all activity")
	case Mention:
		return i18n.M("connect.notify.level_mentions", "only @mentions")
	default:
		return i18n.M("connect.notify.level_never", "never")
	}
}

// props are the channel member notify props that store p.
func (p Preferences) props() map[string]string {
	email := "true"
	if p.Email == None {
		email = "false"
	}
	markUnread := "all"
	if p.Muted {
		markUnread = "mention"
	}
	return map[string]string{
		"desktop":     string(p.Desktop),
		"push":        string(p.Push),
		"email":       email,
		"mark_unread": markUnread,
	}
}

// effective resolves a channel prop to a level: "default" (or nothing) falls back to the
// user's own setting, and in a direct conversation "mention" is every message.
func effective(channelValue, userValue string, direct bool) Level {
	level, ok := ParseLevel(channelValue)
	if !ok {
		if level, ok = ParseLevel(userValue); !ok {
			level = All
		}
	}
	if direct && level == Mention {
		return All
	}
	return level
}
