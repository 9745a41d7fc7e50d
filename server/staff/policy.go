package staff

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
)

// Notifier tells one user something privately, in a channel.
type Notifier interface {
	Ephemeral(userID, channelID, message string)
}

// Logger records what an admin may need to know.
type Logger interface {
	Warn(message string, keyValuePairs ...any)
}

// Policy applies the configured enforcement mode to messages and files.
type Policy struct {
	guard  *Guard
	mode   func() config.Mode
	notify Notifier
	log    Logger
}

// NewPolicy builds the policy.
func NewPolicy(guard *Guard, mode func() config.Mode, notify Notifier, log Logger) *Policy {
	return &Policy{guard: guard, mode: mode, notify: notify, log: log}
}

// checkFailed keeps the author's message with them when the check itself cannot run.
const checkFailed = "Connect could not check who is in this conversation, so nothing was sent. Please try again."

// Screen returns why authorID may not post in channelID, or "" when they may.
// postType lets Mattermost's own system messages through.
func (p *Policy) Screen(channelID, authorID, postType string) string {
	if strings.HasPrefix(postType, "system_") {
		return ""
	}
	return p.screen(channelID, authorID, "Not sent: ")
}

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
	reason := p.screen(post.ChannelId, post.UserId, "Not changed: ")
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

// Refusal is why authorID may not write in channelID ("" when they may), telling no one.
func (p *Policy) Refusal(channelID, authorID string) (string, error) {
	return p.refusal(channelID, authorID)
}

func (p *Policy) screen(channelID, authorID, notSent string) string {
	mode := p.mode()
	if mode == config.ModeOff || channelID == "" {
		return ""
	}
	refusal, err := p.refusal(channelID, authorID)
	if err != nil {
		p.log.Warn("Staff check failed", "channel_id", channelID, "error", err.Error())
		if mode == config.ModeEnforce {
			return checkFailed
		}
		return ""
	}
	if refusal == "" {
		return ""
	}
	if mode == config.ModeWarn {
		go p.notify.Ephemeral(authorID, channelID, "Sent, but note: "+refusal)
		return ""
	}
	go p.notify.Ephemeral(authorID, channelID, notSent+refusal)
	return refusal
}

func (p *Policy) refusal(channelID, authorID string) (string, error) {
	outsiders, err := p.guard.outsiders(channelID, authorID)
	if err != nil || len(outsiders) == 0 {
		return "", err
	}
	author, err := p.guard.roster.Verdict(authorID)
	if err != nil || author.Kind == ConnectBot {
		return "", err
	}
	return Refusal(outsiders), nil
}
