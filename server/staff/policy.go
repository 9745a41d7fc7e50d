package staff

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Notifier tells one user something privately, in a channel.
type Notifier interface {
	Ephemeral(userID, channelID string, message i18n.Message)
}

// Logger records what an admin may need to know.
type Logger interface {
	Warn(message string, keyValuePairs ...any)
}

// Policy applies the configured enforcement mode to messages and files.
type Policy struct {
	guard     *Guard
	mode      func() config.Mode
	notify    Notifier
	log       Logger
	languages *i18n.Languages
}

// NewPolicy builds the policy; refusals are said in their author's language.
func NewPolicy(guard *Guard, mode func() config.Mode, notify Notifier, log Logger, languages *i18n.Languages) *Policy {
	return &Policy{guard: guard, mode: mode, notify: notify, log: log, languages: languages}
}

// checkFailed keeps the author's message with them when the check itself cannot run.
var checkFailed = i18n.M("connect.staff.check_failed", "Connect could not check who is in this conversation, so nothing was sent. Please try again.")

// Screen returns why authorID may not post in channelID, or "" when they may, in the
// author's language as Connect last read it (the staff check has just read the author: no
// extra call on the post path). postType lets Mattermost's own system messages through.
func (p *Policy) Screen(channelID, authorID, postType string) string {
	if strings.HasPrefix(postType, "system_") {
		return ""
	}
	return p.screen(channelID, authorID, notSent)
}

var (
	notSent    = i18n.M("connect.staff.not_sent", "Not sent: {{.Reason}}")
	notChanged = i18n.M("connect.staff.not_changed", "Not changed: {{.Reason}}")
	sentBut    = i18n.M("connect.staff.sent_but", "Sent, but note: {{.Reason}}")
)

// memberText maps the system messages that carry what a member wrote (a channel header or
// purpose they set) to the props holding the text it replaced.
var memberText = map[string]string{
	model.PostTypeHeaderChange:  "old_header",
	model.PostTypePurposeChange: "old_purpose",
}

// ScreenPost is Screen for a post about to be created. A header or purpose change in a
// conversation its author may not write in is refused like a message, and undone: Mattermost
// saves the channel before it posts about the change.
func (p *Policy) ScreenPost(post *model.Post) string {
	oldProp, isMemberText := memberText[post.Type]
	if !isMemberText {
		return p.Screen(post.ChannelId, post.UserId, post.Type)
	}
	reason := p.screen(post.ChannelId, post.UserId, notChanged)
	if reason != "" {
		previous, _ := post.GetProp(oldProp).(string)
		go p.undo(post.ChannelId, post.Type, previous)
	}
	return reason
}

func (p *Policy) undo(channelID, postType, previous string) {
	channel, err := p.guard.channels.Channel(channelID)
	if err == nil {
		if postType == model.PostTypeHeaderChange {
			channel.Header = previous
		} else {
			channel.Purpose = previous
		}
		_, err = p.guard.channels.UpdateChannel(channel)
	}
	if err != nil {
		p.log.Warn("Failed to undo a refused channel header or purpose change", "channel_id", channelID, "error", err.Error())
	}
}

// Enforced reports whether refused messages are kept out (enforce mode).
func (p *Policy) Enforced() bool { return p.mode() == config.ModeEnforce }

// Refusal is why authorID may not write in channelID (false when they may), telling no one.
func (p *Policy) Refusal(channelID, authorID string) (i18n.Message, bool, error) {
	return p.refusal(channelID, authorID)
}

// screen is the refusal the author reads, in their language ("" when they may post).
func (p *Policy) screen(channelID, authorID string, told i18n.Message) string {
	mode := p.mode()
	if mode == config.ModeOff || channelID == "" {
		return ""
	}
	refusal, refused, err := p.refusal(channelID, authorID)
	if err != nil {
		p.log.Warn("Staff check failed", "channel_id", channelID, "error", err.Error())
		if mode == config.ModeEnforce {
			return p.languages.Cached(authorID).Text(checkFailed)
		}
		return ""
	}
	if !refused {
		return ""
	}
	if mode == config.ModeWarn {
		go p.notify.Ephemeral(authorID, channelID, withReason(sentBut, refusal))
		return ""
	}
	go p.notify.Ephemeral(authorID, channelID, withReason(told, refusal))
	return p.languages.Cached(authorID).Text(refusal)
}

func withReason(msg, reason i18n.Message) i18n.Message {
	msg.Data = i18n.Data{"Reason": reason}
	return msg
}

func (p *Policy) refusal(channelID, authorID string) (i18n.Message, bool, error) {
	outsiders, err := p.guard.outsiders(channelID, authorID)
	if err != nil || len(outsiders) == 0 {
		return i18n.Message{}, false, err
	}
	author, err := p.guard.roster.Verdict(authorID)
	if err != nil || author.Kind == ConnectBot {
		return i18n.Message{}, false, err
	}
	return Refusal(outsiders), true, nil
}
