// Package recovery owns what happens to posts made while the plugin was not running. Mattermost
// runs no hooks for a plugin that is down (crashed, restarting, being upgraded), so those posts
// were neither screened nor given record cards. When the plugin is back, it looks at every post
// made since it was last seen alive: messages in conversations their authors may not write in
// are removed (the author gets the text back with the reason), and the others get their cards.
package recovery

import (
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"

	"encoding/json"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// Posts are Mattermost's posts as recovery reads and removes them.
type Posts interface {
	// PostsSince returns up to limit posts made at or after since, oldest first, after the post
	// after (nil to start), each with only its Id and CreateAt.
	PostsSince(since int64, after *model.Post, limit int) ([]*model.Post, error)
	GetPost(postID string) (*model.Post, error)
	DeletePost(postID string) error
}

// Screen says whether a message may stay where it was posted.
type Screen interface {
	Enforced() bool
	Refusal(channelID, authorID string) (i18n.Message, bool, error)
}

// Cards gives a post made while the plugin was down the record cards it would have had.
type Cards interface {
	AttachLate(post *model.Post) (bool, error)
}

// Messenger writes to a user privately, as the Connect bot.
type Messenger interface {
	DirectMessage(userID string, message i18n.Message) error
}

// KV keeps when this server's plugin was last alive.
type KV interface {
	Get(key string) ([]byte, error)
	Set(key string, value []byte) error
}

// Logger records what an admin may need to know.
type Logger interface {
	Warn(message string, keyValuePairs ...any)
}

const (
	// HeartbeatInterval is how often the plugin notes that it is alive.
	HeartbeatInterval = 10 * time.Second
	// overlap re-reads a little before the last heartbeat: those posts were likely handled,
	// and handling one again changes nothing.
	overlap   = 2 * HeartbeatInterval
	page      = 500
	maxChecks = 50_000
	// shortStop is the longest clean stop (an upgrade, a restart) whose posts are checked:
	// after a longer one an admin had turned Connect off, and its rules were not in force.
	shortStop = 5 * time.Minute
)

// aliveNote is what the heartbeat stores.
type aliveNote struct {
	At      int64 `json:"at"` // ms
	Stopped bool  `json:"stopped"`
}

// Stats are what the last recovery found, for admins.
type Stats struct {
	LastRun      time.Time `json:"last_run"`
	Since        time.Time `json:"since"`
	PostsChecked int       `json:"posts_checked"`
	Removed      int       `json:"removed"`
	CardsAdded   int       `json:"cards_added"`
	Problem      string    `json:"problem,omitempty"`
}

// Service finds and handles the posts made while the plugin was away.
type Service struct {
	posts  Posts
	screen Screen
	cards  Cards
	bot    Messenger
	kv     KV
	log    Logger
	key    string
	now    func() time.Time

	mu    sync.Mutex
	stats Stats
}

// Deps are the service's collaborators.
type Deps struct {
	Posts  Posts
	Screen Screen
	Cards  Cards
	Bot    Messenger
	KV     KV
	Log    Logger
}

// NewService builds the service. Each server of a cluster keeps its own heartbeat, named after
// its host, since a plugin may be down on one server while it runs on the others.
func NewService(d Deps) *Service {
	host, _ := os.Hostname()
	return &Service{
		posts: d.Posts, screen: d.Screen, cards: d.Cards, bot: d.Bot, kv: d.KV, log: d.Log,
		key: "recovery_alive_" + host, now: time.Now,
	}
}

// Heartbeat notes that the plugin is alive now.
func (s *Service) Heartbeat() { s.note(false) }

// Stopped notes a clean stop (the plugin being disabled, upgraded or restarted).
func (s *Service) Stopped() { s.note(true) }

func (s *Service) note(stopped bool) {
	value, _ := json.Marshal(aliveNote{At: s.now().UnixMilli(), Stopped: stopped})
	if err := s.kv.Set(s.key, value); err != nil {
		s.log.Warn("Failed to note whether Connect is running", "error", err.Error())
	}
}

// StartHeartbeat notes every HeartbeatInterval that the plugin is alive, until stop is called.
func (s *Service) StartHeartbeat() (stop func()) {
	ticker := time.NewTicker(HeartbeatInterval)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ticker.C:
				s.Heartbeat()
			case <-done:
				return
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { ticker.Stop(); close(done) }) }
}

// Recover handles every post made since the plugin was last alive on this server; on the
// first start ever there is nothing to recover.
func (s *Service) Recover() {
	started := s.now()
	lastAlive, err := s.lastAlive()
	s.Heartbeat()
	if err != nil || lastAlive.IsZero() {
		s.finish(Stats{LastRun: started}, err)
		return
	}
	since := lastAlive.Add(-overlap)
	stats, err := s.handleSince(since)
	stats.LastRun, stats.Since = started, since
	s.finish(stats, err)
}

// lastAlive is when the plugin was last seen running here; zero when there is nothing to
// recover (the first start, or after an admin had turned it off for a while).
func (s *Service) lastAlive() (time.Time, error) {
	stored, err := s.kv.Get(s.key)
	if err != nil || stored == nil {
		return time.Time{}, err
	}
	var note aliveNote
	if json.Unmarshal(stored, &note) != nil {
		return time.Time{}, nil
	}
	at := time.UnixMilli(note.At)
	if note.Stopped && s.now().Sub(at) > shortStop {
		return time.Time{}, nil
	}
	return at, nil
}

func (s *Service) handleSince(since time.Time) (Stats, error) {
	var stats Stats
	var after *model.Post
	for stats.PostsChecked < maxChecks {
		found, err := s.posts.PostsSince(since.UnixMilli(), after, page)
		if err != nil {
			return stats, err
		}
		for _, post := range found {
			s.handle(post.Id, &stats)
		}
		stats.PostsChecked += len(found)
		if len(found) < page {
			return stats, nil
		}
		after = found[len(found)-1]
	}
	s.log.Warn("Connect stopped checking posts made while it was away", "checked", stats.PostsChecked)
	return stats, nil
}

func (s *Service) handle(postID string, stats *Stats) {
	post, err := s.posts.GetPost(postID)
	if err != nil || post.DeleteAt != 0 || strings.HasPrefix(post.Type, "system_") {
		return
	}
	if s.screen.Enforced() {
		reason, refused, err := s.screen.Refusal(post.ChannelId, post.UserId)
		if err != nil {
			s.log.Warn("Failed to check a post made while Connect was away", "post_id", postID, "error", err.Error())
			return
		}
		if refused {
			s.remove(post, reason, stats)
			return
		}
	}
	added, err := s.cards.AttachLate(post)
	if err != nil {
		s.log.Warn("Failed to add record cards to a post made while Connect was away", "post_id", postID, "error", err.Error())
	}
	if added {
		stats.CardsAdded++
	}
}

// remove takes a refused message out of its conversation and gives it back to its author.
func (s *Service) remove(post *model.Post, reason i18n.Message, stats *Stats) {
	if err := s.posts.DeletePost(post.Id); err != nil {
		s.log.Warn("Failed to remove a message posted while Connect was away", "post_id", post.Id, "error", err.Error())
		return
	}
	stats.Removed++
	if err := s.bot.DirectMessage(post.UserId, returnedMessage(post.Message, reason)); err != nil {
		s.log.Warn("Failed to tell an author why their message was removed", "user_id", post.UserId, "error", err.Error())
	}
}

// returnedMessage tells an author why Connect removed their message, and gives it back.
func returnedMessage(text string, reason i18n.Message) i18n.Message {
	quoted := "> " + strings.ReplaceAll(text, "\n", "\n> ")
	return i18n.M("connect.recovery.removed", "Connect removed a message you posted while it was restarting: {{.Reason}}\n\nYour message:\n{{.Text}}",
		i18n.Data{"Reason": reason, "Text": quoted})
}

func (s *Service) finish(stats Stats, err error) {
	if err != nil {
		stats.Problem = err.Error()
		s.log.Warn("Connect could not check the posts made while it was away", "error", err.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats = stats
}

// Stats are the last recovery's figures.
func (s *Service) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}
