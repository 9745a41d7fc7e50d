// Package workspace owns what the Connect Workspace's tools pane shows about one
// conversation: the files shared in it, the ServiceNow records its messages mention (with
// what their cards know, and the caller's other conversations that mention them too) and the
// other links shared in it. Only a conversation's members read these, as the conversations
// domain decides; recognition, cards and the mention index are the records domain's.
package workspace

import (
	"context"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Conversations is the conversations domain as the tools pane uses it.
type Conversations interface {
	// Get returns one of userID's conversations, or a *failure.Error of kind NotFound
	// for anyone not in it and any channel that is not a Connect conversation.
	Get(userID, channelID string) (conversations.Conversation, error)
	// All returns all of userID's conversations, closed ones too.
	All(userID string) ([]conversations.Conversation, error)
}

// Files are Mattermost's file infos.
type Files interface {
	// ChannelFiles returns a page of a channel's files, newest first, deleted ones left out.
	ChannelFiles(channelID string, page, perPage int) ([]*model.FileInfo, error)
}

// Posts are Mattermost's posts.
type Posts interface {
	// ChannelPosts returns a page of a channel's posts, newest first, deleted ones left out.
	ChannelPosts(channelID string, page, perPage int) ([]*model.Post, error)
}

// RecordService is the records domain: recognition, what cards know, the mention index.
type RecordService interface {
	Scan(message string) (mentions []servicenow.RecordKey, links []string)
	Describe(ctx context.Context, channelID, viewerID string, keys []servicenow.RecordKey) []records.Entry
	Discussed(channelID string, latest map[servicenow.RecordKey]int64) map[servicenow.RecordKey][]records.Discussion
}

// Logger records what an admin may need to know.
type Logger interface {
	Warn(message string, keyValuePairs ...any)
	Error(message string, keyValuePairs ...any)
}

const (
	// DefaultTTL is how long a conversation's records and links are reused while none of its
	// posts changes.
	DefaultTTL = 30 * time.Second
	// maxScannedPosts is how many of a conversation's newest posts are read for records and links.
	maxScannedPosts = 2000
	scanPage        = 200
	maxRecords      = 100
	maxLinks        = 100
	// fileChunk is how many file infos one read of Mattermost's list asks for.
	fileChunk = 200
	// maxCachedChannels bounds the conversations whose records and links are kept.
	maxCachedChannels = 1000
)

// Deps are the service's collaborators.
type Deps struct {
	Conversations Conversations
	Files         Files
	Posts         Posts
	Records       RecordService
	Log           Logger
	// TTL is how long a computed answer is reused (DefaultTTL when zero).
	TTL time.Duration
	Now func() time.Time
}

// Service is the tools pane's domain.
type Service struct {
	conversations Conversations
	files         Files
	posts         Posts
	records       RecordService
	log           Logger
	ttl           time.Duration
	now           func() time.Time

	mu       sync.Mutex
	channels map[string]*channelState
}

// NewService builds the service.
func NewService(d Deps) *Service {
	s := &Service{
		conversations: d.Conversations, files: d.Files, posts: d.Posts, records: d.Records, log: d.Log,
		ttl: d.TTL, now: d.Now, channels: map[string]*channelState{},
	}
	if s.ttl <= 0 {
		s.ttl = DefaultTTL
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s
}

// Files returns a page of the files shared in one of userID's conversations, newest first.
// Files not (or no longer) in a post are left out: a file uploaded and not sent yet is its
// uploader's draft. As they can be anywhere in Mattermost's list, the pages are counted over
// the files kept, reading Mattermost's list from its start in chunks.
func (s *Service) Files(userID, channelID string, page, perPage int) (FilePage, error) {
	if _, err := s.conversations.Get(userID, channelID); err != nil {
		return FilePage{}, err
	}
	skip := page * perPage
	result := FilePage{Files: make([]File, 0, perPage)}
	for chunk := 0; ; chunk++ {
		infos, err := s.files.ChannelFiles(channelID, chunk, fileChunk)
		if err != nil {
			return FilePage{}, failed("list a conversation's files", channelID, err)
		}
		for _, info := range infos {
			switch {
			case info.DeleteAt != 0 || info.PostId == "":
			case skip > 0:
				skip--
			case len(result.Files) == perPage:
				result.HasMore = true
				return result, nil
			default:
				result.Files = append(result.Files, fileOf(info))
			}
		}
		if len(infos) < fileChunk {
			return result, nil
		}
	}
}

// Records returns the records the newest posts of one of userID's conversations mention, with
// what their cards know and userID's other conversations that mention them, and the other
// links shared there. The answer is reused for the TTL while the conversation's posts do not
// change; a record ServiceNow could not be asked about is asked again next time.
func (s *Service) Records(ctx context.Context, userID, channelID string) (RecordsAndLinks, error) {
	c, err := s.conversations.Get(userID, channelID)
	if err != nil {
		return RecordsAndLinks{}, err
	}
	if answer, ok := s.cachedAnswer(channelID, userID, c.LastActivityAt); ok {
		return answer, nil
	}
	sc, err := s.scanOf(ctx, channelID, c.LastActivityAt)
	if err != nil {
		return RecordsAndLinks{}, failed("read a conversation's records and links", channelID, err)
	}
	answer, lasting := s.answer(ctx, userID, channelID, sc)
	if lasting {
		s.keepAnswer(channelID, userID, sc, answer)
	}
	return answer, nil
}

// answer is sc as userID sees it; lasting is false when part of it should be asked again soon.
func (s *Service) answer(ctx context.Context, userID, channelID string, sc *scan) (answer RecordsAndLinks, lasting bool) {
	keys := make([]servicenow.RecordKey, len(sc.mentions))
	for i, m := range sc.mentions {
		keys[i] = m.key
	}
	entries := s.records.Describe(ctx, channelID, userID, keys)
	lasting = true
	for _, e := range entries {
		lasting = lasting && e.Status != records.Unavailable && e.Status != records.Pending
	}
	places := map[string]Place{}
	if sc.discussedElsewhere(channelID) {
		mine, err := s.conversations.All(userID)
		if err != nil {
			s.log.Warn("Failed to read the conversations a record is also discussed in", "user_id", userID, "error", err.Error())
			lasting = false
		}
		for _, c := range mine {
			places[c.ID] = Place{ID: c.ID, Name: c.Name, Kind: c.Kind}
		}
	}
	return RecordsAndLinks{
		Records:      assemble(channelID, sc.mentions, entries, sc.discussed, places),
		Links:        sc.links,
		ScannedPosts: sc.scanned,
		Complete:     sc.complete,
	}, lasting
}

// PostChanged forgets what was read from channelID's posts: a post was made, edited or
// deleted there. It costs a map look-up for every other channel.
func (s *Service) PostChanged(channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st := s.channels[channelID]; st != nil {
		st.gen++
		st.scan, st.answers = nil, nil
	}
}

// failed says what was being done in a failure the caller cannot act on; the edge that
// answers the caller logs it.
func failed(action, channelID string, err error) error {
	if _, known := failure.As(err); known {
		return err
	}
	return errors.Wrapf(err, "failed to %s (channel %s)", action, channelID)
}
