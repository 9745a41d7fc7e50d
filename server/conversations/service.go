// Package conversations owns Connect conversations: the caller's list with unread counts
// and last posts, search, starting direct and group conversations, group members and
// names, per-user open/closed state, and the websocket events that keep clients current.
// A conversation is a Mattermost DM, a GM, or a private channel the Connect bot created
// (a managed group, whose members can change while the history stays visible).
package conversations

import (
	"strings"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

// ErrMissing is what Channels and Directory return for something that does not exist.
var ErrMissing = pluginapi.ErrNotFound

// Channels are Mattermost's channels and memberships as the service reads and changes them.
type Channels interface {
	// ChannelsOf returns every channel userID is in, DMs and GMs included.
	ChannelsOf(userID string) ([]*model.Channel, error)
	MembershipsOf(userID string) ([]*model.ChannelMember, error)
	Channel(channelID string) (*model.Channel, error)
	Membership(channelID, userID string) (*model.ChannelMember, error)
	MemberIDs(channelID string) ([]string, error)
	// LatestPost returns the channel's newest post, or nil when it has none.
	LatestPost(channelID string) (*model.Post, error)
	DirectChannel(userID, otherID string) (*model.Channel, error)
	CreateChannel(channel *model.Channel) (*model.Channel, error)
	UpdateChannel(channel *model.Channel) (*model.Channel, error)
	// AddMember adds userID to a channel; actorID is who added them ("" for the system).
	AddMember(channelID, userID, actorID string) error
	RemoveMember(channelID, userID string) error
}

// Directory is Mattermost's users and teams.
type Directory interface {
	Users(userIDs []string) ([]*model.User, error)
	// TeamID is the id of the team named name (ErrMissing when there is none); implementations
	// remember it, as team ids never change.
	TeamID(name string) (string, error)
	JoinTeam(teamID, userID string) error
}

// Clients are the users' open clients (web, desktop, mobile), reached over the websocket.
type Clients interface {
	Publish(userID string, event wire.Event)
}

// Notifier sends a user a private message in a channel.
type Notifier interface {
	Ephemeral(userID, channelID string, message i18n.Message)
}

// Cluster reaches the plugin on the other servers of a cluster.
type Cluster interface {
	Broadcast(event, data string) error
}

// KV is the plugin's key-value store, shared by every server of a cluster.
type KV interface {
	// Get returns nil for a missing key.
	Get(key string) ([]byte, error)
	// Set stores value; nil deletes the key.
	Set(key string, value []byte) error
	// CompareAndSet stores newValue only while the key holds oldValue (nil: the key is
	// missing); a nil newValue deletes the key.
	CompareAndSet(key string, oldValue, newValue []byte) (bool, error)
}

// Staff says who is ITIL staff.
type Staff interface {
	Verdict(userID string) (staff.Verdict, error)
	// ChannelMembersChanged makes the staff rules forget what they knew about a channel.
	ChannelMembersChanged(channelID string)
}

// Logger records what an admin may need to know.
type Logger interface {
	Warn(message string, keyValuePairs ...any)
	Error(message string, keyValuePairs ...any)
}

// Deps are the service's collaborators.
type Deps struct {
	Channels  Channels
	Directory Directory
	Clients   Clients
	Notifier  Notifier
	Cluster   Cluster
	KV        KV
	Staff     Staff
	Log       Logger
	Config    func() *config.Config
	BotID     string
	// SettleDelay gathers the conversation changes (members, names, closing) arriving within
	// it into one update per member.
	SettleDelay time.Duration
	// NameDelay is how long a managed group's members must stay unchanged before its
	// stored name follows them, so a group being filled is renamed once.
	NameDelay time.Duration
	Now       func() time.Time
	// RecordOf is the record of a record conversation (nil for other conversations). Following
	// is built after this service, so the plugin passes a func that reaches it once built.
	RecordOf func(channelID string) *RecordRef
	// Languages: what every member reads (a group's purpose) is in the server's default
	// language (nil: English).
	Languages *i18n.Languages
}

// Service is the conversations domain.
type Service struct {
	channels  Channels
	languages *i18n.Languages
	directory Directory
	clients   Clients
	notifier  Notifier
	cluster   Cluster
	kv        KV
	staff     Staff
	log       Logger
	config    func() *config.Config
	botID     string
	now       func() time.Time

	groups      cache[groupInfo]
	posts       cache[postEntry]
	facts       cache[channelFacts]
	refresh     *refresher
	renaming    sync.Mutex
	nameDelay   time.Duration
	renames     map[string]*time.Timer // pending regenerations of a group's stored name
	renamesMu   sync.Mutex
	removals    removals
	recordIndex func(channelID string) *RecordRef
}

func (s *Service) recordOf(channelID string) *RecordRef {
	if s.recordIndex == nil {
		return nil
	}
	return s.recordIndex(channelID)
}

// NewService builds the service.
func NewService(d Deps) *Service {
	s := &Service{
		channels: d.Channels, directory: d.Directory, clients: d.Clients, notifier: d.Notifier, cluster: d.Cluster,
		kv: d.KV, staff: d.Staff, log: d.Log,
		config: d.Config, botID: d.BotID, now: d.Now, nameDelay: d.NameDelay, renames: map[string]*time.Timer{},
		recordIndex: d.RecordOf, languages: d.Languages,
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.refresh = newRefresher(d.SettleDelay, s.sendUpdates)
	return s
}

// explainFailure says what was being done in an internal error, which the edge that answers
// the caller logs.
func explainFailure(action string, err *error) {
	if _, known := failure.As(*err); *err != nil && !known {
		*err = errors.Wrap(*err, "failed to "+action)
	}
}

// List returns the caller's open conversations, most recent first, with unread totals.
func (s *Service) List(userID string) (list List, err error) {
	defer explainFailure("list conversations", &err)
	everything, err := s.everything(userID)
	if err != nil {
		return List{}, err
	}
	open := openOnly(everything)
	list.Conversations = open
	list.TotalUnread, list.TotalMentions = totals(open)
	return list, nil
}

// Search returns all the caller's conversations, closed ones too, whose name or other
// members match term (case-insensitive).
func (s *Service) Search(userID, term string) (found []Conversation, err error) {
	defer explainFailure("search conversations", &err)
	everything, err := s.everything(userID)
	if err != nil {
		return nil, err
	}
	found = []Conversation{}
	for _, c := range everything {
		if matches(c, strings.ToLower(term), userID) {
			found = append(found, c)
		}
	}
	return found, nil
}

// All returns all the caller's conversations, closed ones too, most recent first.
func (s *Service) All(userID string) (list []Conversation, err error) {
	defer explainFailure("list conversations", &err)
	return s.everything(userID)
}

// IsConversation reports whether channelID is a Connect conversation by its shape (a DM, a GM
// or a managed group), from what is cached after the first time; false when it cannot be read.
func (s *Service) IsConversation(channelID string) bool {
	facts, err := s.factsOf(channelID)
	if err != nil {
		s.log.Warn("Failed to read a channel", "channel_id", channelID, "error", err.Error())
		return false
	}
	return facts.shape.IsConversation()
}

// Get returns one of the caller's conversations.
func (s *Service) Get(userID, channelID string) (c Conversation, err error) {
	defer explainFailure("read a conversation", &err)
	return s.conversation(userID, channelID)
}

func (s *Service) conversation(userID, channelID string) (Conversation, error) {
	l, err := s.load(userID, channelID)
	return l.conversation, err
}

func openOnly(list []Conversation) []Conversation {
	open := make([]Conversation, 0, len(list))
	for _, c := range list {
		if c.Open {
			open = append(open, c)
		}
	}
	return open
}
