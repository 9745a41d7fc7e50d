// Package follow owns following ServiceNow records (F-60 … F-62): one record conversation per
// record, whose members are its followers, and the record's updates posted in it by the
// Connect bot, whether ServiceNow's webhook or Connect's polling brings them.
package follow

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/memo"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

// ChangedEvent tells a user's open clients what they follow changed: Changed.
const ChangedEvent = "follows_changed"

// Changed is follows_changed for one record: the user started or stopped following it, or
// its short description changed; the record is as the follows list shows it.
type Changed struct {
	Follow
	Following bool `json:"following"`
}

// EventName implements wire.Event.
func (Changed) EventName() string { return ChangedEvent }

// ClusterEvent tells the other servers a record conversation started or was renamed.
const ClusterEvent = "follow_index_changed"

// Upstream is ServiceNow as following reads it.
type Upstream interface {
	FollowedRecord(ctx context.Context, key servicenow.RecordKey) (servicenow.Followed, bool, error)
	ChangedRecords(ctx context.Context, sysIDs []string, since time.Time) ([]servicenow.Followed, error)
	JournalSince(ctx context.Context, recordIDs []string, since time.Time) ([]servicenow.JournalEntry, error)
	RecordURL(table, sysID string) string
	AddJournal(ctx context.Context, table, sysID, element, text string) error
	AddAttachment(ctx context.Context, table, sysID, fileName, contentType string, content []byte) error
}

// Users names the authors of messages written to records.
type Users interface {
	User(userID string) (*model.User, error)
}

// Conversations creates, joins and leaves record conversations.
type Conversations interface {
	// Get returns one of the caller's conversations, or an error when they are not in it.
	Get(userID, channelID string) (conversations.Conversation, error)
	CreateRecordGroup(callerID, name string) (conversations.Conversation, error)
	Join(channelID, userID string) error
	RemoveMember(callerID, channelID, memberID string) (conversations.Conversation, error)
	Rename(callerID, channelID, name string) (conversations.Conversation, error)
}

// Posts is where the bot writes updates and keeps the pinned summary current.
type Posts interface {
	CreatePost(post *model.Post) error
	GetPost(postID string) (*model.Post, error)
	UpdatePost(post *model.Post) error
}

// KV is the part of the KV store following uses.
type KV interface {
	Get(key string) ([]byte, error)
	Set(key string, value []byte) error
	SetWithExpiry(key string, value []byte, ttl time.Duration) error
	CompareAndSetWithExpiry(key string, oldValue, newValue []byte, ttl time.Duration) (bool, error)
	KeysWithPrefix(prefix string) ([]string, error)
	Delete(key string) error
}

// Clients publishes websocket events to one user's open clients.
type Clients interface {
	Publish(userID string, event wire.Event)
}

// Log is where failures nobody sees are written.
type Log interface {
	Warn(message string, keyValuePairs ...any)
}

// Deps is what following needs.
type Deps struct {
	Upstream      func() Upstream // nil while ServiceNow is not configured
	Conversations Conversations
	Posts         Posts
	KV            KV
	Clients       Clients
	Log           Log
	Config        func() *config.Config
	Users         Users
	IsStaff       func(userID string) bool
	// Ephemeral tells one user something in a channel, privately, in their language.
	Ephemeral func(userID, channelID string, message i18n.Message)
	// Lock serializes the updates of one record across the cluster.
	Lock func(ctx context.Context, key string) (func(), error)
	// Broadcast tells the other servers of the cluster.
	Broadcast func(event, data string) error
	BotID     string
	Now       func() time.Time
	// Outbox queues the writes to records (two-way); nil leaves two-way off.
	Outbox Outbox
	// Files reads the files two-way attaches to records.
	Files Files
	// Languages: record conversations' posts are in the server's default language (nil: English).
	Languages *i18n.Languages
}

// Service is following.
type Service struct {
	d Deps

	// byChannel maps record conversations to their records (the conversation list, two-way).
	indexMu   sync.RWMutex
	byChannel map[string]conversations.RecordRef

	// kinds holds the remembered journal fields this server read, by KV key.
	kinds *memo.Cache[string]

	// locks holds one mutex per record sys_id.
	locks sync.Map

	stats stats
}

// NewService builds following.
func NewService(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Service{d: d, byChannel: map[string]conversations.RecordRef{}, kinds: memo.New[string](kindsTTL, maxCachedKinds)}
	if d.Outbox != nil {
		d.Outbox.Handle(TwoWayWrite, s.writeTwoWay, twoWayFailed)
		d.Outbox.Handle(AttachWrite, s.attachFile, s.attachFailed)
	}
	return s
}

// Follow is one followed record, as the REST API answers.
type Follow struct {
	Table            string `json:"table"`
	SysID            string `json:"sys_id"`
	Number           string `json:"number"`
	ShortDescription string `json:"short_description"`
	ConversationID   string `json:"conversation_id"`
}

func (r *record) follow() Follow {
	return Follow{Table: r.Table, SysID: r.SysID, Number: r.Number, ShortDescription: r.ShortDescription, ConversationID: r.ChannelID}
}

// lookupTimeout bounds reading a record from ServiceNow for a follow.
const lookupTimeout = 10 * time.Second

// Follow makes userID follow the record key names: they join its record conversation, which
// is created the first time anyone follows it.
func (s *Service) Follow(userID string, key servicenow.RecordKey) (Follow, error) {
	if !s.d.IsStaff(userID) {
		return Follow{}, forbidden(i18n.M("connect.api.follow_staff_only", "Only ITIL staff can follow ServiceNow records."))
	}
	upstream := s.upstream()
	if upstream == nil {
		return Follow{}, failure.New(failure.Unavailable, i18n.M("connect.follow.not_configured", "ServiceNow is not configured, so records cannot be followed."))
	}
	if err := s.checkTable(key.Table); err != nil {
		return Follow{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
	defer cancel()
	found, ok, err := upstream.FollowedRecord(ctx, key)
	switch {
	case err != nil:
		return Follow{}, upstreamError(err)
	case !ok:
		return Follow{}, invalid(i18n.M("connect.swarm.no_record", "ServiceNow has no record {{.Record}} that Connect can read.", i18n.Data{"Record": describeKey(key)}))
	}
	if err := s.checkTable(found.Table); err != nil {
		return Follow{}, err
	}
	return s.join(userID, found)
}

// join adds userID to the record's followers under the record's lock.
func (s *Service) join(userID string, found servicenow.Followed) (Follow, error) {
	ref := Ref{Table: found.Table, SysID: found.SysID}
	unlock, err := s.lock(ref)
	if err != nil {
		return Follow{}, err
	}
	defer unlock()
	r, err := s.load(ref)
	if err != nil {
		return Follow{}, err
	}
	if r == nil {
		r = &record{Ref: ref, Number: found.Number, ShortDescription: found.ShortDescription, Last: snapshotOf(found)}
	}
	if r.ChannelID == "" {
		if err := s.startConversation(userID, r, found); err != nil {
			return Follow{}, err
		}
	} else if err := s.d.Conversations.Join(r.ChannelID, userID); err != nil {
		return Follow{}, err
	}
	added := r.addFollower(userID)
	if err := s.save(r); err != nil {
		return Follow{}, err
	}
	s.indexed(r)
	if added {
		s.changed(userID, r.follow(), true)
	}
	return r.follow(), nil
}

// startConversation creates the record conversation with userID in it and pins the record's
// summary at its top.
func (s *Service) startConversation(userID string, r *record, found servicenow.Followed) error {
	c, err := s.d.Conversations.CreateRecordGroup(userID, conversationName(r.Number, r.ShortDescription))
	if err != nil {
		return err
	}
	r.ChannelID = c.ID
	r.SummaryPostID = s.postMessage(r.ChannelID, r.Number, s.summary(found), true)
	return nil
}

// Unfollow makes userID stop following ref: they leave its record conversation, whose
// history stays.
func (s *Service) Unfollow(userID string, ref Ref) error {
	if !ref.valid() {
		return invalid(notATableAndSysID(ref))
	}
	r, err := s.removeFollower(ref, userID)
	if err != nil {
		return err
	}
	if r == nil {
		return failure.New(failure.NotFound, i18n.M("connect.follow.not_followed", "You do not follow that record."))
	}
	if _, err := s.d.Conversations.RemoveMember(userID, r.ChannelID, userID); err != nil {
		var known *failure.Error
		if !errors.As(err, &known) || known.Kind != failure.NotFound {
			return err
		}
	}
	return nil
}

// removeFollower takes userID off ref's followers; nil when they did not follow it.
func (s *Service) removeFollower(ref Ref, userID string) (*record, error) {
	unlock, err := s.lock(ref)
	if err != nil {
		return nil, err
	}
	defer unlock()
	r, err := s.load(ref)
	if err != nil || r == nil || !r.removeFollower(userID) {
		return nil, err
	}
	if err := s.save(r); err != nil {
		return nil, err
	}
	s.changed(userID, r.follow(), false)
	return r, nil
}

// MemberLeft unfollows someone who left (or was removed from) a record conversation by any
// path, Mattermost's own included.
func (s *Service) MemberLeft(channelID, userID string) {
	ref, ok := s.recordOfChannel(channelID)
	if !ok {
		return
	}
	if _, err := s.removeFollower(ref, userID); err != nil {
		s.d.Log.Warn("Failed to unfollow a record for someone who left", "channel_id", channelID, "user_id", userID, "error", err.Error())
	}
}

// MemberJoined makes staff added to a record conversation by any path (Connect's Members tab,
// Mattermost's own) followers, as its members are its followers. Whoever joined by following
// is a follower already.
func (s *Service) MemberJoined(channelID, userID string) {
	ref, ok := s.recordOfChannel(channelID)
	if !ok || userID == s.d.BotID || !s.d.IsStaff(userID) {
		return
	}
	if err := s.addMember(ref, channelID, userID); err != nil {
		s.d.Log.Warn("Failed to follow a record for someone added to its conversation", "channel_id", channelID, "user_id", userID, "error", err.Error())
	}
}

// addMember adds userID to ref's followers while they are still in its conversation (this
// runs after the join, so they may have left again since).
func (s *Service) addMember(ref Ref, channelID, userID string) error {
	unlock, err := s.lock(ref)
	if err != nil {
		return err
	}
	defer unlock()
	r, err := s.load(ref)
	if err != nil || r == nil || r.ChannelID != channelID || r.follows(userID) {
		return err
	}
	if _, err := s.d.Conversations.Get(userID, channelID); err != nil {
		var known *failure.Error
		if errors.As(err, &known) && known.Kind == failure.NotFound {
			return nil
		}
		return err
	}
	r.addFollower(userID)
	if err := s.save(r); err != nil {
		return err
	}
	s.changed(userID, r.follow(), true)
	return nil
}

// List returns what userID follows, by number.
func (s *Service) List(userID string) ([]Follow, error) {
	refs, err := s.all()
	if err != nil {
		return nil, err
	}
	follows := []Follow{}
	for _, ref := range refs {
		r, err := s.load(ref)
		if err != nil {
			return nil, err
		}
		if r != nil && r.follows(userID) {
			follows = append(follows, r.follow())
		}
	}
	slices.SortFunc(follows, func(a, b Follow) int { return strings.Compare(a.Number, b.Number) })
	return follows, nil
}

func (s *Service) recordOfChannel(channelID string) (Ref, bool) {
	s.indexMu.RLock()
	defer s.indexMu.RUnlock()
	ref, ok := s.byChannel[channelID]
	return Ref{Table: ref.Table, SysID: ref.SysID}, ok
}

// changed tells userID's open clients, on every server of the cluster, about a record.
func (s *Service) changed(userID string, f Follow, following bool) {
	s.d.Clients.Publish(userID, Changed{Follow: f, Following: following})
}

// lock serializes the updates of one record: first among this server's callers (so they
// queue rather than poll the cluster lock with backoff), then across the cluster.
func (s *Service) lock(ref Ref) (func(), error) {
	local, _ := s.locks.LoadOrStore(ref.SysID, &sync.Mutex{})
	mu := local.(*sync.Mutex)
	mu.Lock()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	unlock, err := s.d.Lock(ctx, "follow_lock_"+ref.SysID)
	if err != nil {
		mu.Unlock()
		return nil, errors.Wrap(err, "failed to lock a followed record")
	}
	return func() { unlock(); mu.Unlock() }, nil
}

func (s *Service) upstream() Upstream {
	if s.d.Upstream == nil {
		return nil
	}
	return s.d.Upstream()
}

// checkTable refuses tables the admin does not let anyone follow.
func (s *Service) checkTable(table string) error {
	allowed := s.d.Config().FollowTables
	if len(allowed) == 0 {
		allowed = servicenow.TaskTables
	}
	if table == "" || table == "task" || slices.Contains(allowed, table) {
		return nil
	}
	return invalid(i18n.M("connect.follow.table_not_followable", "Records of the {{.Table}} table cannot be followed here (System Console: Tables that can be followed).", i18n.Data{"Table": table}))
}

// conversationName is "INC0010001 · Email server down", within Mattermost's limit.
func conversationName(number, shortDescription string) string {
	name := number
	if shortDescription != "" {
		name += " · " + shortDescription
	}
	if utf8.RuneCountInString(name) > model.ChannelDisplayNameMaxRunes {
		runes := []rune(name)
		name = string(runes[:model.ChannelDisplayNameMaxRunes-1]) + "…"
	}
	return name
}
