package conversations

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/shape"
)

const (
	// maxMembers bounds a conversation, the caller included.
	maxMembers = 50
	// maxNameLength is Mattermost's limit for a channel's display name.
	maxNameLength = model.ChannelDisplayNameMaxRunes
)

// kindOf is how a conversation of shape sh shows in the list.
func kindOf(sh shape.Shape) Kind {
	if sh == shape.Direct {
		return Direct
	}
	return Group
}

// cleanMemberIDs validates the ids a caller sent: well formed, without duplicates and
// without the caller.
func cleanMemberIDs(callerID string, ids []string) ([]string, error) {
	if len(ids) == 0 {
		return nil, invalid(i18n.M("connect.conversations.choose_someone", "Choose at least one person."))
	}
	seen := map[string]bool{callerID: true}
	var cleaned []string
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if !model.IsValidId(id) {
			return nil, invalid(i18n.M("connect.conversations.no_such_user", "No user with id \"{{.ID}}\".", i18n.Data{"ID": id}))
		}
		if !seen[id] {
			seen[id] = true
			cleaned = append(cleaned, id)
		}
	}
	return cleaned, nil
}

// checkSize refuses conversations of more than maxMembers people.
func checkSize(people int) error {
	if people > maxMembers {
		return invalid(i18n.M("connect.conversations.too_many", "A conversation can have at most {{.Max}} people.", i18n.Data{"Max": maxMembers}))
	}
	return nil
}

// cleanName trims a group name and checks it: printable, with something visible in it (not
// only spaces and zero-width characters), and not too long. "" means "use the member names".
func cleanName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if !utf8.ValidString(name) || strings.ContainsFunc(name, unicode.IsControl) {
		return "", invalid(i18n.M("connect.conversations.name_control", "A group name cannot contain control characters such as line breaks or NUL."))
	}
	if name != "" && !strings.ContainsFunc(name, isVisible) {
		return "", invalid(i18n.M("connect.conversations.name_empty", "A group name needs at least one visible character."))
	}
	if utf8.RuneCountInString(name) > maxNameLength {
		return "", invalid(i18n.M("connect.conversations.name_long", "A group name can be at most {{.Max}} characters.", i18n.Data{"Max": maxNameLength}))
	}
	return name, nil
}

// isVisible reports a character that shows: not a space, and not a zero-width or other
// formatting character.
func isVisible(r rune) bool {
	return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && unicode.IsGraphic(r)
}

// isOpen: a conversation closed at closedAt reopens with the first post after it.
func isOpen(closedAt, lastPostAt int64) bool {
	return closedAt == 0 || lastPostAt > closedAt
}

// unreadCounts are Mattermost's root-post counts: posts the member has not read, and mentions.
func unreadCounts(ch *model.Channel, member *model.ChannelMember) (unread, mentions int64) {
	if member == nil {
		return 0, 0
	}
	return max(ch.TotalMsgCountRoot-member.MsgCountRoot, 0), member.MentionCountRoot
}

// lastActivity is the last post's time, or the creation time of a conversation without posts.
func lastActivity(ch *model.Channel) int64 {
	return max(ch.LastPostAt, ch.CreateAt)
}

// sortByActivity puts the most recently active conversations first.
func sortByActivity(list []Conversation) {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].LastActivityAt != list[j].LastActivityAt {
			return list[i].LastActivityAt > list[j].LastActivityAt
		}
		return list[i].ID < list[j].ID
	})
}

// matches reports whether term (lower case) is in the conversation's name or in the
// username or display name of a member other than the viewer.
func matches(c Conversation, term, viewerID string) bool {
	if strings.Contains(strings.ToLower(c.Name), term) {
		return true
	}
	for _, m := range c.Members {
		if m.ID == viewerID {
			continue
		}
		if strings.Contains(strings.ToLower(m.Username), term) || strings.Contains(strings.ToLower(m.DisplayName), term) {
			return true
		}
	}
	return false
}

// sameMembers reports whether a conversation has exactly the people in ids.
func sameMembers(c Conversation, ids []string) bool {
	if len(c.Members) != len(ids) {
		return false
	}
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	for _, m := range c.Members {
		if !want[m.ID] {
			return false
		}
	}
	return true
}

func totals(list []Conversation) (unread, mentions int64) {
	for _, c := range list {
		unread += c.UnreadCount
		mentions += c.MentionCount
	}
	return unread, mentions
}
