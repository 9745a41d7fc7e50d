package notify

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

// ChangedEvent is the websocket event (custom_<plugin id>_notifications_changed) that tells a
// user's open clients their preferences for a conversation changed.
const ChangedEvent = "notifications_changed"

// Changed is notifications_changed: the user's preferences for one conversation.
type Changed struct {
	ConversationID string      `json:"conversation_id"`
	Preferences    Preferences `json:"preferences"`
}

// EventName implements wire.Event.
func (Changed) EventName() string { return ChangedEvent }

// Conversations is the conversations domain as the bell uses it.
type Conversations interface {
	// Get returns the caller's conversation, or a failure.Error of kind NotFound.
	Get(userID, channelID string) (conversations.Conversation, error)
	IsConversation(channelID string) bool
}

// Members reads and writes channel members' notify props.
type Members interface {
	Membership(channelID, userID string) (*model.ChannelMember, error)
	UpdateNotifications(channelID, userID string, props map[string]string) error
}

// Users reads a user (their own notification settings and mention keys).
type Users interface {
	User(userID string) (*model.User, error)
}

// KV is the part of the KV store the bell uses.
type KV interface {
	Get(key string) ([]byte, error)
	Set(key string, value []byte) error
}

// Clients publishes websocket events to one user's open clients.
type Clients interface {
	Publish(userID string, event wire.Event)
}

// Log is where failures the caller does not see are written.
type Log interface {
	Warn(message string, keyValuePairs ...any)
}

// Deps is what the bell needs.
type Deps struct {
	Conversations Conversations
	Members       Members
	Users         Users
	KV            KV
	Clients       Clients
	Log           Log
	Config        func() *config.Config
}

// Service reads and sets the bell's preferences.
type Service struct{ d Deps }

// NewService builds the bell.
func NewService(d Deps) *Service { return &Service{d: d} }

// emailMentionKey marks that userID chose "email: only @mentions" in channelID.
func emailMentionKey(userID, channelID string) string {
	return "notify_email_mention_" + userID + "_" + channelID
}

// Get returns userID's preferences for one of their conversations.
func (s *Service) Get(userID, channelID string) (Preferences, error) {
	direct, err := s.directOf(userID, channelID)
	if err != nil {
		return Preferences{}, err
	}
	return s.read(userID, channelID, direct)
}

// Set stores userID's preferences for one of their conversations, tells their open clients
// and returns what is now in force.
func (s *Service) Set(userID, channelID string, prefs Preferences) (Preferences, error) {
	direct, err := s.directOf(userID, channelID)
	if err != nil {
		return Preferences{}, err
	}
	if reason := prefs.Validate(direct); reason != "" {
		return Preferences{}, failure.New(failure.Invalid, reason)
	}
	if err := s.d.Members.UpdateNotifications(channelID, userID, prefs.props()); err != nil {
		return Preferences{}, errors.Wrap(err, "failed to store the notification preferences")
	}
	var mention []byte
	if prefs.Email == Mention {
		mention = []byte("1")
	}
	if err := s.d.KV.Set(emailMentionKey(userID, channelID), mention); err != nil {
		return Preferences{}, errors.Wrap(err, "failed to store the email choice")
	}
	s.d.Clients.Publish(userID, Changed{ConversationID: channelID, Preferences: prefs})
	return prefs, nil
}

// Change reads userID's preferences, applies change and stores the result (the slash command).
func (s *Service) Change(userID, channelID string, change func(*Preferences)) (Preferences, error) {
	prefs, err := s.Get(userID, channelID)
	if err != nil {
		return Preferences{}, err
	}
	change(&prefs)
	return s.Set(userID, channelID, prefs)
}

// IsDirect reports whether channelID is one of userID's conversations and a direct one.
func (s *Service) IsDirect(userID, channelID string) (bool, error) {
	return s.directOf(userID, channelID)
}

func (s *Service) directOf(userID, channelID string) (bool, error) {
	c, err := s.d.Conversations.Get(userID, channelID)
	if err != nil {
		return false, err
	}
	return c.Kind == conversations.Direct, nil
}

func (s *Service) read(userID, channelID string, direct bool) (Preferences, error) {
	member, err := s.d.Members.Membership(channelID, userID)
	if err != nil {
		return Preferences{}, errors.Wrap(err, "failed to read the channel membership")
	}
	user, err := s.d.Users.User(userID)
	if err != nil {
		return Preferences{}, errors.Wrap(err, "failed to read the user")
	}
	email, err := s.emailLevel(userID, channelID, member, user, direct)
	if err != nil {
		return Preferences{}, err
	}
	return Preferences{
		Desktop: effective(member.NotifyProps[model.DesktopNotifyProp], user.NotifyProps[model.DesktopNotifyProp], direct),
		Push:    effective(member.NotifyProps[model.PushNotifyProp], user.NotifyProps[model.PushNotifyProp], direct),
		Email:   email,
		Muted:   member.NotifyProps[model.MarkUnreadNotifyProp] == model.ChannelMarkUnreadMention,
	}, nil
}

// emailLevel is the email choice in force: the channel's email prop, narrowed to @mentions
// by Connect's own mark, and for "default" the admin's rule (opt-in: none; follow: the
// user's own email setting).
func (s *Service) emailLevel(userID, channelID string, member *model.ChannelMember, user *model.User, direct bool) (Level, error) {
	switch member.NotifyProps[model.EmailNotifyProp] {
	case "false":
		return None, nil
	case "true":
		if direct {
			return All, nil
		}
		mention, err := s.d.KV.Get(emailMentionKey(userID, channelID))
		if err != nil {
			return "", errors.Wrap(err, "failed to read the email choice")
		}
		if len(mention) > 0 {
			return Mention, nil
		}
		return All, nil
	}
	if s.d.Config().EmailRule == config.EmailFollow && user.NotifyProps[model.EmailNotifyProp] != "false" {
		return All, nil
	}
	return None, nil
}

// EmailRejection decides, per recipient, whether Mattermost's notification email for post
// goes out: "" lets it through, anything else is the reason it is dropped. Only Connect
// conversations are affected: a choice of @mentions drops posts that do not mention the
// recipient, and a member who chose nothing gets none under the opt-in rule.
func (s *Service) EmailRejection(email *model.EmailNotification, post *model.Post) string {
	if !s.d.Conversations.IsConversation(email.ChannelId) {
		return ""
	}
	member, err := s.d.Members.Membership(email.ChannelId, email.RecipientId)
	if err != nil {
		s.d.Log.Warn("Failed to read a membership for a notification email", "channel_id", email.ChannelId, "error", err.Error())
		return ""
	}
	switch member.NotifyProps[model.EmailNotifyProp] {
	case "false":
		return "the bell's email is set to never"
	case "true":
		return s.mentionRejection(email, post)
	}
	if s.d.Config().EmailRule == config.EmailFollow {
		return ""
	}
	return "Connect conversations send email only to members who chose it in the bell"
}

func (s *Service) mentionRejection(email *model.EmailNotification, post *model.Post) string {
	mention, err := s.d.KV.Get(emailMentionKey(email.RecipientId, email.ChannelId))
	if err != nil {
		s.d.Log.Warn("Failed to read an email choice", "channel_id", email.ChannelId, "error", err.Error())
		return ""
	}
	if len(mention) == 0 || post == nil {
		return ""
	}
	user, err := s.d.Users.User(email.RecipientId)
	if err != nil {
		s.d.Log.Warn("Failed to read a notification email's recipient", "user_id", email.RecipientId, "error", err.Error())
		return ""
	}
	if Mentions(post.Message, user) {
		return ""
	}
	return "the bell's email is set to only @mentions and this message does not mention the recipient"
}
