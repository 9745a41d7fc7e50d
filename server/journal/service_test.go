package journal

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/outbox"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

type fixture struct {
	posts   map[string]*model.Post
	written []string
	fail    error
	told    []string
	box     *outbox.Outbox
}

func (f *fixture) Get(userID, channelID string) (conversations.Conversation, error) {
	if userID == "outsider" {
		return conversations.Conversation{}, failure.New(failure.NotFound, i18n.Text("No such conversation."))
	}
	return conversations.Conversation{ID: channelID}, nil
}

func (f *fixture) GetPost(postID string) (*model.Post, error) {
	for _, p := range f.posts {
		if p.Id == postID {
			return p, nil
		}
	}
	return nil, errors.New("not found")
}

func (f *fixture) PostsAfter(channelID string, since int64) ([]*model.Post, error) {
	var found []*model.Post
	for _, p := range f.posts {
		if p.ChannelId == channelID && p.CreateAt > since {
			found = append(found, p)
		}
	}
	return found, nil
}

func (f *fixture) ChannelPosts(string, int, int) ([]*model.Post, error) { return nil, nil }

func (f *fixture) FileNames(p *model.Post) []string {
	if len(p.FileIds) > 0 {
		return []string{"a.png", "b.pdf"}
	}
	return nil
}

func (f *fixture) User(userID string) (*model.User, error) {
	names := map[string][2]string{"alice": {"Alice", "Archer"}, "bob": {"Bob", "Baker"}}
	return &model.User{Id: userID, Username: userID, FirstName: names[userID][0], LastName: names[userID][1]}, nil
}

func (f *fixture) RecordKey(text string) (servicenow.RecordKey, bool) {
	return servicenow.RecordKey{Table: "incident", Number: strings.ToUpper(text)}, strings.HasPrefix(strings.ToUpper(text), "INC")
}

func (f *fixture) Describe(_ context.Context, _, _ string, keys []servicenow.RecordKey) []records.Entry {
	key := keys[0]
	if key.Number == "INC0000404" {
		return []records.Entry{{Key: key, Number: key.Number, Status: records.Missing, Problem: "INC0000404 was not found in ServiceNow"}}
	}
	return []records.Entry{{Key: key, Number: key.Number, Table: "incident", SysID: strings.Repeat("a", 32), URL: "https://sn/x", Status: records.Found,
		Record: &servicenow.Record{ShortDescription: "Mail down"}}}
}

func (f *fixture) AddJournal(_ context.Context, _, _, element, text string) error {
	if f.fail != nil {
		return f.fail
	}
	f.written = append(f.written, element+": "+text)
	return nil
}

func newFixture() (*fixture, *Service) {
	at := func(minute int) int64 { return time.Date(2026, 12, 6, 10, minute, 0, 0, time.UTC).UnixMilli() }
	f := &fixture{posts: map[string]*model.Post{}}
	for i, p := range []*model.Post{
		{Id: model.NewId(), ChannelId: "c1", UserId: "bob", Message: "Mail is down", CreateAt: at(40)},
		{Id: model.NewId(), ChannelId: "c1", UserId: "alice", Message: "Looking", CreateAt: at(42), FileIds: []string{"f1"}},
		{Id: model.NewId(), ChannelId: "c1", UserId: "bob", Message: "Thanks", CreateAt: at(43)},
		{Id: model.NewId(), ChannelId: "c2", UserId: "bob", Message: "elsewhere", CreateAt: at(44)},
		{Id: model.NewId(), ChannelId: "c1", UserId: "bob", Type: model.PostTypeJoinChannel, CreateAt: at(45)},
	} {
		p.Message = strings.TrimSpace(p.Message)
		f.posts[[]string{"m1", "m2", "m3", "other", "system"}[i]] = p
	}
	kv := kvtest.New()
	f.box = outbox.New(outbox.Deps{KV: kv, Log: quiet{}, Tell: func(_, _ string, message i18n.Message) { f.told = append(f.told, message.English()) }})
	s := NewService(Deps{
		Conversations: f, Posts: f, Files: f, Users: f, Records: f, Outbox: f.box, KV: kv,
		Upstream: func() Upstream { return f },
		Lock:     func(context.Context, string) (func(), error) { return func() {}, nil },
		IsStaff:  func(userID string) bool { return userID != "customer" },
		Config:   func() *config.Config { return &config.Config{SaveToRecords: true} },
		Log:      quiet{},
	})
	return f, s
}

type quiet struct{}

func (quiet) Warn(string, ...any) {}

func (f *fixture) id(name string) string { return f.posts[name].Id }

func TestAnExcerptIsOneEntryWithEachMessageOnce(t *testing.T) {
	f, s := newFixture()
	saved, err := s.Save(context.Background(), "alice", "c1", Request{Record: "inc0010001", PostIDs: []string{f.id("m2"), f.id("m1")}})
	require.NoError(t, err)
	f.box.Wait()
	assert.Equal(t, Saved{Number: "INC0010001", Link: "https://sn/x", Saved: 2, Card: saved.Card}, saved)
	assert.Equal(t, "Mail down", saved.Card.ShortDescription)
	require.Equal(t, []string{"work_notes: Alice Archer via Connect: conversation excerpt\n" +
		"[2026-12-06 10:40 UTC] Bob Baker: Mail is down\n" +
		"[2026-12-06 10:42 UTC] Alice Archer: Looking (files: a.png, b.pdf)"}, f.written)

	again, err := s.Save(context.Background(), "bob", "c1", Request{Record: "INC0010001", FromPostID: f.id("m1"), Kind: "comments"})
	require.NoError(t, err)
	f.box.Wait()
	assert.Equal(t, 1, again.Saved)
	assert.Equal(t, 2, again.Already)
	assert.Equal(t, "comments: Bob Baker via Connect: conversation excerpt\n[2026-12-06 10:43 UTC] Bob Baker: Thanks", f.written[1])

	nothing, err := s.Save(context.Background(), "alice", "c1", Request{Record: "INC0010001", PostIDs: []string{f.id("m3")}})
	require.NoError(t, err)
	assert.Equal(t, Saved{Number: "INC0010001", Link: "https://sn/x", Already: 1, Card: saved.Card}, nothing)
	assert.Len(t, f.written, 2)
}

func TestASaveThatFailsForGoodCanBeMadeAgain(t *testing.T) {
	f, s := newFixture()
	f.fail = &servicenow.Error{Kind: servicenow.KindForbidden, StatusCode: 403}
	_, err := s.Save(context.Background(), "alice", "c1", Request{Record: "INC0010001", PostIDs: []string{f.id("m1")}})
	require.NoError(t, err)
	f.box.Wait()
	require.Len(t, f.told, 1)
	assert.Contains(t, f.told[0], "Connect could not save 1 message to INC0010001")

	f.fail = nil
	saved, err := s.Save(context.Background(), "alice", "c1", Request{Record: "INC0010001", PostIDs: []string{f.id("m1")}})
	require.NoError(t, err)
	f.box.Wait()
	assert.Equal(t, 1, saved.Saved)
	assert.Len(t, f.written, 1)
}

func TestSavesAreRefusedWithAReason(t *testing.T) {
	f, s := newFixture()
	for name, c := range map[string]struct {
		user string
		req  Request
		kind failure.Kind
		says string
	}{
		"customer":        {"customer", Request{Record: "INC1", PostIDs: []string{f.id("m1")}}, failure.Forbidden, "Only ITIL staff"},
		"outsider":        {"outsider", Request{Record: "INC1", PostIDs: []string{f.id("m1")}}, failure.NotFound, "No such conversation"},
		"other channel":   {"alice", Request{Record: "INC1", PostIDs: []string{f.id("m1"), f.id("other")}}, failure.Invalid, "is not in this conversation"},
		"system message":  {"alice", Request{Record: "INC1", PostIDs: []string{f.id("system")}}, failure.Invalid, "system message"},
		"not an id":       {"alice", Request{Record: "INC1", PostIDs: []string{"x"}}, failure.Invalid, "is not a message ID"},
		"nothing picked":  {"alice", Request{Record: "INC1"}, failure.Invalid, "Pick at least one message"},
		"both":            {"alice", Request{Record: "INC1", PostIDs: []string{f.id("m1")}, FromPostID: f.id("m1")}, failure.Invalid, "not both"},
		"not a record":    {"alice", Request{Record: "hello", PostIDs: []string{f.id("m1")}}, failure.Invalid, `"hello" is not a record number`},
		"missing record":  {"alice", Request{Record: "INC0000404", PostIDs: []string{f.id("m1")}}, failure.NotFound, "was not found"},
		"bad kind":        {"alice", Request{Record: "INC1", PostIDs: []string{f.id("m1")}, Kind: "diary"}, failure.Invalid, "kind must be"},
		"too many picked": {"alice", Request{Record: "INC1", PostIDs: make([]string, MaxMessages+1)}, failure.Invalid, "at most 200"},
	} {
		_, err := s.Save(context.Background(), c.user, "c1", c.req)
		require.Error(t, err, name)
		assert.True(t, failure.Is(err, c.kind), "%s: %v", name, err)
		assert.Contains(t, err.Error(), c.says, name)
	}
	assert.Empty(t, f.written)
}
