package notify

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/memo"
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
	MembershipsOf(userID string) ([]*model.ChannelMember, error)
	UpdateNotifications(channelID, userID string, props map[string]string) error
}

// Posts reads a post (an email without the message's text: Mattermost's generic email contents).
type Posts interface {
	GetPost(postID string) (*model.Post, error)
}

// Users reads a user (their own notification settings and mention keys).
type Users interface {
	User(userID string) (*model.User, error)
}

// KV is the part of the KV store the bell uses.
type KV interface {
	Get(key string) ([]byte, error)
	// CompareAndSet stores newValue only while the key holds oldValue (nil: missing).
	CompareAndSet(key string, oldValue, newValue []byte) (bool, error)
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
	Posts         Posts
	KV            KV
	Clients       Clients
	Log           Log
	Config        func() *config.Config
	// Broadcast tells the other servers of the cluster.
	Broadcast func(event, data string) error
}

// Service reads and sets the bell's preferences.
type Service struct {
	d          Deps
	choices    *memo.Cache[emailChoices]
	recipients *memo.Cache[*model.User]
}

// NewService builds the bell.
func NewService(d Deps) *Service {
	return &Service{
		d:          d,
		choices:    memo.New[emailChoices](choicesTTL, maxCachedUsers),
		recipients: memo.New[*model.User](recipientTTL, maxCachedUsers),
	}
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
	if reason := prefs.Validate(direct); !reason.IsZero() {
		return Preferences{}, failure.New(failure.Invalid, reason)
	}
	if err := s.d.Members.UpdateNotifications(channelID, userID, prefs.props()); err != nil {
		return Preferences{}, errors.Wrap(err, "failed to store the notification preferences")
	}
	if err := s.storeEmailChoice(userID, channelID, prefs.Email); err != nil {
		return Preferences{}, err
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
	email, err := s.emailLevel(userID, channelID, member, user)
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

// emailLevel is the email choice in force: the bell's, and for a member who never chose there
// the admin's rule (opt-in: none; follow: Mattermost's own email settings).
func (s *Service) emailLevel(userID, channelID string, member *model.ChannelMember, user *model.User) (Level, error) {
	level, chosen, err := s.emailChoice(userID, channelID)
	if err != nil || chosen {
		return level, err
	}
	if s.d.Config().EmailRule == config.EmailFollow && mattermostEmails(member, user) {
		return All, nil
	}
	return None, nil
}

// mattermostEmails reports whether Mattermost's own settings email member about a DM or GM.
func mattermostEmails(member *model.ChannelMember, user *model.User) bool {
	switch member.NotifyProps[model.EmailNotifyProp] {
	case "false":
		return false
	case "true":
		return true
	}
	return user.NotifyProps[model.EmailNotifyProp] != "false"
}

// EmailRejection decides, per recipient, whether Mattermost's notification email goes out: ""
// lets it through, anything else is the reason it is dropped. Only Connect conversations are
// affected: "never" drops it, "only @mentions" drops posts that do not mention the recipient,
// and a member who never chose gets none under the opt-in rule. It reads only memory, but for
// a recipient's first email on this server (their choices) and for an @mentions choice (who
// they are, kept a while).
func (s *Service) EmailRejection(email *model.EmailNotification) string {
	if !s.d.Conversations.IsConversation(email.ChannelId) {
		return ""
	}
	level, chosen, err := s.emailChoice(email.RecipientId, email.ChannelId)
	if err != nil {
		s.d.Log.Warn("Failed to read the email choices for a notification email", "user_id", email.RecipientId, "error", err.Error())
		return ""
	}
	switch {
	case !chosen && s.d.Config().EmailRule == config.EmailFollow, level == All:
		return ""
	case !chosen:
		return "Connect conversations send email only to members who chose it in the bell"
	case level == Mention:
		return s.mentionRejection(email)
	}
	return "the bell's email is set to never"
}

func (s *Service) mentionRejection(email *model.EmailNotification) string {
	message, err := s.messageOf(email)
	if err != nil {
		s.d.Log.Warn("Failed to read a notification email's post", "post_id", email.PostId, "error", err.Error())
		return ""
	}
	user, err := s.recipients.Get(email.RecipientId, func() (*model.User, error) { return s.d.Users.User(email.RecipientId) })
	if err != nil {
		s.d.Log.Warn("Failed to read a notification email's recipient", "user_id", email.RecipientId, "error", err.Error())
		return ""
	}
	if Mentions(message, user) {
		return ""
	}
	return "the bell's email is set to only @mentions and this message does not mention the recipient"
}

// messageOf is the text of the email's post: the email carries it unless the server sends
// generic email contents.
func (s *Service) messageOf(email *model.EmailNotification) (string, error) {
	if email.MessageText != "" {
		return email.MessageText, nil
	}
	post, err := s.d.Posts.GetPost(email.PostId)
	if err != nil {
		return "", err
	}
	return post.Message, nil
}
