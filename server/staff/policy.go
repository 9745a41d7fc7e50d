package staff

import (
	"strings"

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
	mode := p.mode()
	if mode == config.ModeOff || channelID == "" || strings.HasPrefix(postType, "system_") {
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
	go p.notify.Ephemeral(authorID, channelID, "Not sent: "+refusal)
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
