package notify

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

// Mentions reports whether message mentions user as Mattermost counts mentions for
// notifications: @username, @channel/@all/@here (unless the user turned channel-wide mentions
// off), their first name when they asked for it, and their own mention keys. Case does not
// matter; a key must stand as a word of its own.
func Mentions(message string, user *model.User) bool {
	text := strings.ToLower(message)
	keys := []string{"@" + strings.ToLower(user.Username)}
	if user.NotifyProps[model.ChannelMentionsNotifyProp] != "false" {
		keys = append(keys, "@channel", "@all", "@here")
	}
	if user.NotifyProps[model.FirstNameNotifyProp] == "true" && user.FirstName != "" {
		keys = append(keys, strings.ToLower(user.FirstName))
	}
	for _, key := range strings.Split(user.NotifyProps[model.MentionKeysNotifyProp], ",") {
		if key = strings.ToLower(strings.TrimSpace(key)); key != "" {
			keys = append(keys, key)
		}
	}
	for _, key := range keys {
		if containsWord(text, key) {
			return true
		}
	}
	return false
}

// containsWord reports whether key occurs in text with no name character right before or
// after it (a trailing "." counts as punctuation when nothing of a name follows it).
func containsWord(text, key string) bool {
	for start := 0; start < len(text); {
		i := strings.Index(text[start:], key)
		if i < 0 {
			return false
		}
		i += start
		end := i + len(key)
		if (i == 0 || !isNameByte(text[i-1]) && text[i-1] != '@') && endsWord(text, end) {
			return true
		}
		start = i + 1
	}
	return false
}

func endsWord(text string, end int) bool {
	for end < len(text) && text[end] == '.' {
		end++
	}
	return end == len(text) || !isNameByte(text[end])
}

func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b >= 0x80
}
