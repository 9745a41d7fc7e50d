package recovery

import (
	"encoding/json"
	"errors"
	"sort"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
)

type world struct {
	posts    map[string]*model.Post
	deleted  []string
	refusals map[string]string // channel → reason
	enforced bool
	carded   []string
	messages map[string]string
	kv       *kvtest.Memory
}

func newWorld() *world {
	return &world{posts: map[string]*model.Post{}, refusals: map[string]string{}, enforced: true, messages: map[string]string{}, kv: kvtest.New()}
}

func (w *world) PostsSince(since int64, after *model.Post, limit int) ([]*model.Post, error) {
	var found []*model.Post
	for _, p := range w.posts {
		if p.CreateAt >= since && p.DeleteAt == 0 {
			found = append(found, &model.Post{Id: p.Id, CreateAt: p.CreateAt})
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].CreateAt < found[j].CreateAt })
	if after != nil {
		for i, p := range found {
			if p.Id == after.Id {
				found = found[i+1:]
				break
			}
		}
	}
	return found[:min(limit, len(found))], nil
}

func (w *world) GetPost(id string) (*model.Post, error) {
	if p, ok := w.posts[id]; ok {
		return p, nil
	}
	return nil, errors.New("not found")
}

func (w *world) DeletePost(id string) error {
	w.deleted = append(w.deleted, id)
	w.posts[id].DeleteAt = 1
	return nil
}

func (w *world) Enforced() bool { return w.enforced }

func (w *world) Refusal(channelID, _ string) (i18n.Message, bool, error) {
	reason, ok := w.refusals[channelID]
	return i18n.Text(reason), ok, nil
}

func (w *world) AttachLate(post *model.Post) (bool, error) {
	w.carded = append(w.carded, post.Id)
	return true, nil
}

func (w *world) DirectMessage(userID string, message i18n.Message) error {
	w.messages[userID] = message.English()
	return nil
}

func (w *world) post(channelID, userID, message string, at time.Time) *model.Post {
	p := &model.Post{Id: model.NewId(), ChannelId: channelID, UserId: userID, Message: message, CreateAt: at.UnixMilli()}
	w.posts[p.Id] = p
	return p
}

type quiet struct{}

func (quiet) Warn(string, ...any) {}

func newService(w *world, now time.Time) *Service {
	s := NewService(Deps{Posts: w, Screen: w, Cards: w, Bot: w, KV: w.kv, Log: quiet{}})
	s.now = func() time.Time { return now }
	return s
}

func TestPostsMadeWhileAwayAreScreenedAndCarded(t *testing.T) {
	w := newWorld()
	crash := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	newService(w, crash).Heartbeat()
	before := w.post("mixed-dm", "dave", "old news", crash.Add(-time.Hour))
	refused := w.post("mixed-dm", "dave", "my password is hunter2\nplease reset", crash.Add(5*time.Second))
	kept := w.post("staff-dm", "alice", "INC0010001 is back", crash.Add(8*time.Second))
	w.refusals["mixed-dm"] = "@dave is not ITIL staff: Connect conversations are for staff only."

	s := newService(w, crash.Add(30*time.Second))
	s.Recover()

	assert.Equal(t, []string{refused.Id}, w.deleted)
	assert.Equal(t, []string{kept.Id}, w.carded)
	assert.NotContains(t, w.carded, before.Id, "posts from before the last heartbeat's overlap are left alone")
	assert.Equal(t, "Connect removed a message you posted while it was restarting: @dave is not ITIL staff: Connect conversations are for staff only.\n\nYour message:\n> my password is hunter2\n> please reset", w.messages["dave"])
	stats := s.Stats()
	assert.Equal(t, 1, stats.Removed)
	assert.Equal(t, 1, stats.CardsAdded)
	assert.Equal(t, 2, stats.PostsChecked)
}

func TestNothingToRecoverOnTheFirstStartOrAfterALongStop(t *testing.T) {
	w := newWorld()
	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	w.post("mixed-dm", "dave", "hello", start.Add(-time.Minute))
	w.refusals["mixed-dm"] = "not staff"
	newService(w, start).Recover()
	assert.Empty(t, w.deleted, "a first start does not judge history")

	newService(w, start).Stopped()
	w.post("mixed-dm", "dave", "while Connect was off", start.Add(time.Hour))
	newService(w, start.Add(2*time.Hour)).Recover()
	assert.Empty(t, w.deleted, "an admin had turned Connect off: its rules were not in force")

	var note aliveNote
	require.NoError(t, json.Unmarshal(w.kv.Value(newService(w, start).key), &note))
	assert.False(t, note.Stopped, "recovering notes the plugin alive again")
}

func TestAShortCleanStopIsRecovered(t *testing.T) {
	w := newWorld()
	stop := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	newService(w, stop).Stopped()
	w.refusals["mixed-dm"] = "not staff"
	during := w.post("mixed-dm", "dave", "during the upgrade", stop.Add(20*time.Second))
	newService(w, stop.Add(time.Minute)).Recover()
	assert.Equal(t, []string{during.Id}, w.deleted)
}

func TestWarnModeRemovesNothing(t *testing.T) {
	w := newWorld()
	crash := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	newService(w, crash).Heartbeat()
	w.enforced = false
	w.refusals["mixed-dm"] = "not staff"
	w.post("mixed-dm", "dave", "hello", crash.Add(time.Second))
	newService(w, crash.Add(time.Minute)).Recover()
	assert.Empty(t, w.deleted)
	assert.Len(t, w.carded, 1)
}
