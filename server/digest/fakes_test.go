package digest

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

type sentMail struct{ to, subject, body string }

// world is a fake platform: users, their conversations and messages, counting every call the
// digest makes.
type world struct {
	mu sync.Mutex
	// languages, when set, speaks each user's language (nil: English).
	languages *i18n.Languages
	now       time.Time
	kv        *kvtest.Memory
	users     map[string]*model.User
	status    map[string]string
	convs     map[string][]conversations.Conversation // by user
	posts     map[string][]*model.Post                // by channel
	viewed    map[string]int64                        // channel+user
	bell      map[string]notify.Level                 // channel+user email level
	mails     []sentMail
	mailFail  atomic.Bool
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
	w.kv = kvtest.NewAt(w.clock)
	w.kv.OnCall(func(string, string) { w.calls.Add(1) }) // the digest's round trips, with the other fakes'
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
		KV:            w.kv,
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
		Languages:     w.languages,
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
	return conversations.Conversation{}, failure.New(failure.NotFound, i18n.Text("not found"))
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
