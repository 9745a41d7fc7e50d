package digest

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

// fakeKV is an in-memory KV store with the plugin API's compare-and-set semantics (nil old
// value: set only when absent) and expiry.
type fakeKV struct {
	mu      sync.Mutex
	values  map[string][]byte
	expires map[string]time.Time
	now     func() time.Time
}

func newFakeKV(now func() time.Time) *fakeKV {
	return &fakeKV{values: map[string][]byte{}, expires: map[string]time.Time{}, now: now}
}

func (k *fakeKV) live(key string) ([]byte, bool) {
	if at, ok := k.expires[key]; ok && !k.now().Before(at) {
		delete(k.values, key)
		delete(k.expires, key)
	}
	v, ok := k.values[key]
	return v, ok
}

func (k *fakeKV) Get(key string) ([]byte, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	v, _ := k.live(key)
	return v, nil
}

func (k *fakeKV) Set(key string, value []byte) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.values[key] = value
	delete(k.expires, key)
	return nil
}

func (k *fakeKV) Delete(key string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.values, key)
	delete(k.expires, key)
	return nil
}

func (k *fakeKV) CompareAndSet(key string, oldValue, newValue []byte) (bool, error) {
	return k.CompareAndSetWithExpiry(key, oldValue, newValue, 0)
}

func (k *fakeKV) CompareAndSetWithExpiry(key string, oldValue, newValue []byte, ttl time.Duration) (bool, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	current, found := k.live(key)
	if (oldValue == nil && found) || (oldValue != nil && (!found || !bytes.Equal(current, oldValue))) {
		return false, nil
	}
	if newValue == nil {
		delete(k.values, key)
		delete(k.expires, key)
		return true, nil
	}
	k.values[key] = newValue
	delete(k.expires, key)
	if ttl > 0 {
		k.expires[key] = k.now().Add(ttl)
	}
	return true, nil
}

func (k *fakeKV) KeysWithPrefix(prefix string) ([]string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	var keys []string
	for key := range k.values {
		if strings.HasPrefix(key, prefix) {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	return keys, nil
}

type sentMail struct{ to, subject, body string }

// world is a fake platform: users, their conversations and messages, counting every call the
// digest makes.
type world struct {
	mu       sync.Mutex
	now      time.Time
	kv       *fakeKV
	users    map[string]*model.User
	status   map[string]string
	convs    map[string][]conversations.Conversation // by user
	posts    map[string][]*model.Post                // by channel
	viewed   map[string]int64                        // channel+user
	bell     map[string]notify.Level                 // channel+user email level
	mails    []sentMail
	mailFail atomic.Bool
	// discardMail counts mail without keeping it (the benchmark's memory is the digest's own).
	discardMail bool
	mailCount   atomic.Int64
	calls       atomic.Int64
	limits      config.Digest
}

func newWorld() *world {
	w := &world{
		now:    time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC),
		users:  map[string]*model.User{},
		status: map[string]string{},
		convs:  map[string][]conversations.Conversation{},
		posts:  map[string][]*model.Post{},
		viewed: map[string]int64{},
		bell:   map[string]notify.Level{},
		limits: config.Digest{Allowed: true, MinMinutes: 15, MaxMinutes: 1440, DefaultMinutes: 60},
	}
	w.kv = newFakeKV(w.clock)
	return w
}

func (w *world) clock() time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.now
}

func (w *world) advance(d time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.now = w.now.Add(d)
}

func (w *world) service() *Service {
	return NewService(Deps{
		Conversations: (*fakeConversations)(w),
		Members:       (*fakeMembers)(w),
		Posts:         (*fakePosts)(w),
		Files:         fakeFiles{},
		Users:         (*fakeUsers)(w),
		Bell:          (*fakeBell)(w),
		KV:            &countingKV{fakeKV: w.kv, calls: &w.calls},
		Mail:          (*fakeMail)(w),
		Links:         fakeLinks{},
		Clients:       fakeClients{},
		Log:           fakeLog{},
		Config:        func() *config.Config { return &config.Config{Digest: w.limits} },
		SiteURL:       func() string { return "http://mm.test/" },
		WorkspaceURL:  func() string { return "http://mm.test/plugins/connect-chat/workspace" },
		StopURLBase:   func() string { return "http://mm.test/plugins/connect-chat/digest/stop" },
		BotID:         "bot",
		Now:           w.clock,
	})
}

func (w *world) addUser(id, status string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.users[id] = &model.User{Id: id, Username: id, FirstName: "F" + id, Email: id + "@example.com"}
	w.status[id] = status
}

// addConversation makes a DM-like conversation of user with other, and its messages by other.
func (w *world) addConversation(user, other, channel string, messages int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	members := []conversations.Member{{ID: user, DisplayName: "User " + user}, {ID: other, DisplayName: "Other " + other}}
	w.convs[user] = append(w.convs[user], conversations.Conversation{ID: channel, Name: "Chat " + channel, Members: members, UnreadCount: int64(messages)})
	for i := 0; i < messages; i++ {
		w.posts[channel] = append(w.posts[channel], &model.Post{Id: fmt.Sprintf("%s-p%d", channel, i), ChannelId: channel, UserId: other,
			Message: fmt.Sprintf("message %d in %s", i, channel), CreateAt: w.now.Add(time.Duration(i-messages) * time.Second).UnixMilli()})
	}
}

func (w *world) post(channel, user, text string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.posts[channel] = append(w.posts[channel], &model.Post{Id: model.NewId(), ChannelId: channel, UserId: user, Message: text, CreateAt: w.now.UnixMilli()})
}

type countingKV struct {
	*fakeKV
	calls *atomic.Int64
}

func (k *countingKV) Get(key string) ([]byte, error) { k.calls.Add(1); return k.fakeKV.Get(key) }
func (k *countingKV) Set(key string, v []byte) error { k.calls.Add(1); return k.fakeKV.Set(key, v) }
func (k *countingKV) Delete(key string) error        { k.calls.Add(1); return k.fakeKV.Delete(key) }
func (k *countingKV) CompareAndSet(key string, o, n []byte) (bool, error) {
	k.calls.Add(1)
	return k.fakeKV.CompareAndSet(key, o, n)
}
func (k *countingKV) CompareAndSetWithExpiry(key string, o, n []byte, ttl time.Duration) (bool, error) {
	k.calls.Add(1)
	return k.fakeKV.CompareAndSetWithExpiry(key, o, n, ttl)
}
func (k *countingKV) KeysWithPrefix(prefix string) ([]string, error) {
	k.calls.Add(1)
	return k.fakeKV.KeysWithPrefix(prefix)
}

type fakeConversations world

func (f *fakeConversations) All(userID string) ([]conversations.Conversation, error) {
	f.calls.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	list := append([]conversations.Conversation(nil), f.convs[userID]...)
	for i, c := range list {
		list[i].UnreadCount = 0
		for _, p := range f.posts[c.ID] {
			if p.CreateAt > f.viewed[c.ID+userID] && p.UserId != userID {
				list[i].UnreadCount++
			}
		}
	}
	return list, nil
}

func (f *fakeConversations) Get(userID, channelID string) (conversations.Conversation, error) {
	f.calls.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.convs[userID] {
		if c.ID == channelID {
			return c, nil
		}
	}
	return conversations.Conversation{}, failure.New(failure.NotFound, "not found")
}

type fakeMembers world

func (f *fakeMembers) Membership(channelID, userID string) (*model.ChannelMember, error) {
	f.calls.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	return &model.ChannelMember{ChannelId: channelID, UserId: userID, LastViewedAt: f.viewed[channelID+userID]}, nil
}

type fakePosts world

func (f *fakePosts) PostsAfter(channelID string, since int64) ([]*model.Post, error) {
	f.calls.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*model.Post
	for _, p := range f.posts[channelID] {
		if p.CreateAt > since {
			out = append(out, p)
		}
	}
	return out, nil
}

type fakeUsers world

func (f *fakeUsers) User(userID string) (*model.User, error) {
	f.calls.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	if u, ok := f.users[userID]; ok {
		return u, nil
	}
	return nil, fmt.Errorf("no user %s", userID)
}

func (f *fakeUsers) Status(userID string) (string, error) {
	f.calls.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.status[userID], nil
}

type fakeBell world

func (f *fakeBell) Get(userID, channelID string) (notify.Preferences, error) {
	f.calls.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	email := notify.None
	if level, ok := f.bell[channelID+userID]; ok {
		email = level
	}
	return notify.Preferences{Desktop: notify.All, Push: notify.All, Email: email}, nil
}

type fakeMail world

func (f *fakeMail) Send(to, subject, body string) error {
	f.calls.Add(1)
	if f.mailFail.Load() {
		return fmt.Errorf("smtp down")
	}
	f.mailCount.Add(1)
	if f.discardMail {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mails = append(f.mails, sentMail{to: to, subject: subject, body: body})
	return nil
}

func (f *fakeMail) Available() bool { return true }

func (w *world) sent() []sentMail {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]sentMail(nil), w.mails...)
}

func (w *world) forget() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.mails = nil
}

type fakeFiles struct{}

func (fakeFiles) FileNames(post *model.Post) []string { return post.FileIds }

type fakeLinks struct{}

func (fakeLinks) TextLinks(post *model.Post) []records.TextLink {
	at := strings.Index(post.Message, "INC0010001")
	if at < 0 {
		return nil
	}
	return []records.TextLink{{Start: at, End: at + len("INC0010001"), URL: "https://sn.test/incident.do?sys_id=a&b=<c>"}}
}

type fakeClients struct{}

func (fakeClients) Publish(string, wire.Event) {}

type fakeLog struct{}

func (fakeLog) Warn(string, ...any) {}
