package creation

import (
	"context"
	"errors"
	"strings"
	"sync"
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
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

var (
	alice     = model.NewId()
	bob       = model.NewId()
	outsider  = model.NewId()
	room      = model.NewId()
	elsewhere = model.NewId()
	botID     = model.NewId()
	aliceSys  = "0123456789abcdef0123456789abcdef"
	bobSys    = "fedcba9876543210fedcba9876543210"
)

type fakeUpstream struct {
	mu      sync.Mutex
	created []map[string]string
	err     error
	// lost makes the next creation happen but answer a timeout, as a slow instance does.
	lost bool
}

func (f *fakeUpstream) RecordByCorrelation(_ context.Context, table, id string) (*servicenow.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	for _, fields := range f.created {
		if fields["correlation_id"] == id {
			return f.record(table, fields), nil
		}
	}
	return nil, nil
}

func (f *fakeUpstream) record(table string, fields map[string]string) *servicenow.Record {
	return &servicenow.Record{Table: table, SysID: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Number: "INC0010667", ShortDescription: fields["short_description"],
		State: "New", URL: "https://sn.example.com/incident.do?sys_id=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}
}

func (f *fakeUpstream) CreateRecord(_ context.Context, table string, fields map[string]string) (*servicenow.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	f.created = append(f.created, fields)
	if f.lost {
		f.lost = false
		return nil, &servicenow.Error{Kind: servicenow.KindTimeout, Timeout: 10 * time.Second}
	}
	return f.record(table, fields), nil
}

func (f *fakeUpstream) UserByEmail(_ context.Context, email string) (servicenow.User, error) {
	switch email {
	case "alice@example.com":
		return servicenow.User{SysID: aliceSys, Name: "Alice Archer", Email: email}, nil
	case "bob@example.com":
		return servicenow.User{SysID: bobSys, Name: "Bob Baker", Email: email}, nil
	}
	return servicenow.User{}, servicenow.ErrNoUser
}

type fakes struct {
	users map[string]*model.User
	posts map[string]*model.Post
	made  []*model.Post
	kv    map[string][]byte
}

func (f *fakes) Get(userID, channelID string) (conversations.Conversation, error) {
	if channelID != room || userID == outsider {
		return conversations.Conversation{}, failure.New(failure.NotFound, i18n.Text("No such conversation."))
	}
	return conversations.Conversation{ID: room, Members: []conversations.Member{{ID: alice}, {ID: bob}}}, nil
}

func (f *fakes) User(userID string) (*model.User, error) {
	if u, ok := f.users[userID]; ok {
		return u, nil
	}
	return nil, errors.New("no user")
}

func (f *fakes) GetPost(postID string) (*model.Post, error) {
	if p, ok := f.posts[postID]; ok {
		return p, nil
	}
	return nil, errors.New("no post")
}

func (f *fakes) ChannelPosts(channelID string, page, perPage int) ([]*model.Post, error) {
	var out []*model.Post
	for _, p := range f.posts {
		if p.ChannelId == channelID {
			out = append(out, p)
		}
	}
	// newest first
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].CreateAt > out[i].CreateAt {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	start := min(page*perPage, len(out))
	return out[start:min(start+perPage, len(out))], nil
}

func (f *fakes) PostsAfter(channelID string, since int64) ([]*model.Post, error) {
	var out []*model.Post
	for _, p := range f.posts {
		if p.ChannelId == channelID && p.CreateAt > since {
			out = append(out, p)
		}
	}
	return out, nil
}

func (f *fakes) CreatePost(post *model.Post) error {
	post.Id = model.NewId()
	f.made = append(f.made, post)
	return nil
}

func (f *fakes) Verdict(userID string) (staff.Verdict, error) {
	if userID == outsider {
		return staff.Verdict{UserID: userID, Kind: staff.NonStaff}, nil
	}
	return staff.Verdict{UserID: userID, Kind: staff.Staff}, nil
}

type kv struct{ f *fakes }

func (k kv) Get(key string) ([]byte, error) { return k.f.kv[key], nil }

func (k kv) CompareAndSetWithExpiry(key string, oldValue, newValue []byte, _ time.Duration) (bool, error) {
	if string(k.f.kv[key]) != string(oldValue) {
		return false, nil
	}
	k.f.kv[key] = newValue
	return true, nil
}

func (k kv) Delete(key string) error { delete(k.f.kv, key); return nil }

type quietLog struct{}

func (quietLog) Warn(string, ...any) {}

func newTestService(t *testing.T, settings config.Settings) (*Service, *fakes, *fakeUpstream) {
	t.Helper()
	cfg, err := config.Parse(settings)
	require.NoError(t, err)
	f := &fakes{
		users: map[string]*model.User{
			alice:    {Id: alice, Username: "alice", FirstName: "Alice", LastName: "Archer", Email: "alice@example.com", EmailVerified: true},
			bob:      {Id: bob, Username: "bob", FirstName: "Bob", LastName: "Baker", Email: "bob@example.com", EmailVerified: true},
			outsider: {Id: outsider, Username: "eve", Email: "eve@example.com", EmailVerified: true},
		},
		posts: map[string]*model.Post{}, kv: map[string][]byte{},
	}
	up := &fakeUpstream{}
	s := NewService(Deps{
		Upstream: func() Upstream { return up }, Conversations: f, Users: f, Posts: f, Staff: f, KV: kv{f},
		Log: quietLog{}, Config: func() *config.Config { return cfg }, BotID: botID,
	})
	return s, f, up
}

func addPost(f *fakes, channelID, userID, text string, at time.Time) *model.Post {
	p := &model.Post{Id: model.NewId(), ChannelId: channelID, UserId: userID, Message: text, CreateAt: at.UnixMilli()}
	f.posts[p.Id] = p
	return p
}

func TestCreateSendsOneRecordWithItsWorkNoteAndPostsTheCard(t *testing.T) {
	s, f, up := newTestService(t, config.Settings{})
	at := time.Date(2026, 12, 6, 10, 42, 0, 0, time.UTC)
	for i := range 25 {
		addPost(f, room, bob, "message "+string(rune('A'+i)), at.Add(time.Duration(i)*time.Minute))
	}
	addPost(f, room, bob, "joined", at.Add(time.Hour)).Type = model.PostTypeJoinChannel

	created, err := s.Create(context.Background(), alice, room, Request{Table: "Incident", ShortDescription: "  Printer\n on fire "})
	require.NoError(t, err)
	require.Len(t, up.created, 1)
	fields := up.created[0]
	assert.Equal(t, "Printer on fire", fields["short_description"])
	assert.Equal(t, aliceSys, fields["caller_id"], "the asker is the caller by default")
	note := fields["work_notes"]
	assert.Contains(t, note, "Alice Archer via Connect")
	assert.Contains(t, note, "[2026-12-06 10:47 UTC] Bob Baker: message F", "the last 20 of 25 messages")
	assert.NotContains(t, note, "message E")
	assert.NotContains(t, note, "joined")
	assert.Equal(t, "INC0010667", created.Card.Number)
	assert.Equal(t, "Alice Archer", created.Card.Caller)
	require.Len(t, f.made, 1)
	assert.Equal(t, botID, f.made[0].UserId)
	assert.Equal(t, room, f.made[0].ChannelId)
	assert.Contains(t, f.made[0].Message, "INC0010667")
	assert.Equal(t, f.made[0].Id, created.Card.PostID)
}

func TestCreateWithPickedMessagesAndAnotherCaller(t *testing.T) {
	s, f, up := newTestService(t, config.Settings{})
	at := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	second := addPost(f, room, alice, "second", at.Add(time.Minute))
	first := addPost(f, room, bob, "first", at)
	addPost(f, room, bob, "not picked", at.Add(2*time.Minute))
	_, err := s.Create(context.Background(), alice, room, Request{Table: "incident", ShortDescription: "x", CallerID: bob, PostIDs: []string{second.Id, first.Id}})
	require.NoError(t, err)
	assert.Equal(t, bobSys, up.created[0]["caller_id"])
	assert.Equal(t, "Alice Archer via Connect: created from a Connect conversation\n[2026-12-06 09:00 UTC] Bob Baker: first\n[2026-12-06 09:01 UTC] Alice Archer: second", up.created[0]["work_notes"])
}

func TestCreateRefusals(t *testing.T) {
	other := &model.Post{Id: model.NewId(), ChannelId: elsewhere, UserId: bob, Message: "elsewhere"}
	off := false
	tests := []struct {
		name     string
		settings config.Settings
		userID   string
		channel  string
		req      Request
		kind     failure.Kind
		message  string
	}{
		{"a customer", config.Settings{}, outsider, room, Request{Table: "incident", ShortDescription: "x"}, failure.Forbidden, "Only ITIL staff"},
		{"turned off", config.Settings{CreateRecords: &off}, alice, room, Request{Table: "incident", ShortDescription: "x"}, failure.Forbidden, "turned off"},
		{"not a conversation of theirs", config.Settings{}, alice, elsewhere, Request{Table: "incident", ShortDescription: "x"}, failure.NotFound, "No such conversation"},
		{"a table not allowed", config.Settings{}, alice, room, Request{Table: "problem", ShortDescription: "x"}, failure.Invalid, `Records can be created in incident only; "problem" is not one of them.`},
		{"an injected table", config.Settings{}, alice, room, Request{Table: "incident^ORx", ShortDescription: "x"}, failure.Invalid, "is not one of them"},
		{"no short description", config.Settings{}, alice, room, Request{Table: "incident", ShortDescription: " \n "}, failure.Invalid, "short description"},
		{"too long", config.Settings{}, alice, room, Request{Table: "incident", ShortDescription: strings.Repeat("y", 161)}, failure.Invalid, "at most 160"},
		{"caller not a member", config.Settings{}, alice, room, Request{Table: "incident", ShortDescription: "x", CallerID: outsider}, failure.Invalid, "The caller must be a member of this conversation."},
		{"a message from elsewhere", config.Settings{}, alice, room, Request{Table: "incident", ShortDescription: "x", PostIDs: []string{other.Id}}, failure.Invalid, "is not in this conversation"},
		{"a bad message id", config.Settings{}, alice, room, Request{Table: "incident", ShortDescription: "x", PostIDs: []string{"../x"}}, failure.Invalid, "is not in this conversation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, f, up := newTestService(t, tt.settings)
			f.posts[other.Id] = other
			_, err := s.Create(context.Background(), tt.userID, tt.channel, tt.req)
			known, ok := failure.As(err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, tt.kind, known.Kind)
			assert.Contains(t, known.Message, tt.message)
			assert.Empty(t, up.created, "nothing created")
			assert.Empty(t, f.made, "nothing posted")
		})
	}
}

func TestCreateCallerWithoutServiceNowUser(t *testing.T) {
	s, f, up := newTestService(t, config.Settings{})
	f.users[bob].Email = "bob.other@example.com"
	_, err := s.Create(context.Background(), alice, room, Request{Table: "incident", ShortDescription: "x", CallerID: bob})
	assert.EqualError(t, err, "Bob Baker cannot be the caller: ServiceNow has no single active user with the address bob.other@example.com.")
	f.users[bob].Email, f.users[bob].EmailVerified = "bob@example.com", false
	_, err = s.Create(context.Background(), alice, room, Request{Table: "incident", ShortDescription: "x", CallerID: bob})
	assert.ErrorContains(t, err, "email address is not verified")
	assert.Empty(t, up.created)
}

func TestCreateMandatoryFieldIsAClearPermanentError(t *testing.T) {
	s, f, up := newTestService(t, config.Settings{})
	up.err = &servicenow.MissingFieldsError{Table: "incident", Fields: []string{"Caller"}}
	_, err := s.Create(context.Background(), alice, room, Request{RequestID: "r1", Table: "incident", ShortDescription: "x"})
	assert.EqualError(t, err, "ServiceNow requires Caller for a new incident.")
	assert.True(t, Permanent(err))
	assert.Empty(t, f.kv, "the request id is free again")

	up.err = &servicenow.Error{Kind: servicenow.KindUnavailable, StatusCode: 503}
	_, err = s.Create(context.Background(), alice, room, Request{Table: "incident", ShortDescription: "x"})
	assert.True(t, failure.Is(err, failure.Unavailable), "%v", err)
	assert.False(t, Permanent(err))
}

func TestCreateOncePerRequestID(t *testing.T) {
	s, f, up := newTestService(t, config.Settings{})
	req := Request{RequestID: "req-1", Table: "incident", ShortDescription: "x"}
	first, err := s.Create(context.Background(), alice, room, req)
	require.NoError(t, err)
	again, err := s.Create(context.Background(), alice, room, req)
	require.NoError(t, err)
	assert.Equal(t, first, again)
	assert.Len(t, up.created, 1)
	assert.Len(t, f.made, 1)
}

func TestTablesListsTheAllowedTables(t *testing.T) {
	s, _, _ := newTestService(t, config.Settings{CreateTables: "incident, u_facilities", RecordTables: "u_facilities"})
	tables, err := s.Tables(alice)
	require.NoError(t, err)
	assert.Equal(t, []Table{{"incident", "Incident"}, {"u_facilities", "U Facilities"}}, tables.Tables)
	_, err = s.Tables(outsider)
	assert.True(t, failure.Is(err, failure.Forbidden))
}

type fakeOutbox struct {
	handler func(ctx context.Context, w outbox.Write) error
	failed  func(w outbox.Write, err error) i18n.Message
	queued  map[string]outbox.Write
}

func (o *fakeOutbox) Handle(_ string, h outbox.Handler, failed func(w outbox.Write, err error) i18n.Message) {
	o.handler, o.failed = h, failed
}

func (o *fakeOutbox) Enqueue(w outbox.Write) (bool, error) {
	if _, ok := o.queued[w.ID]; ok {
		return false, nil
	}
	o.queued[w.ID] = w
	return true, nil
}

func (o *fakeOutbox) Pending(id string) (bool, error) {
	_, ok := o.queued[id]
	return ok, nil
}

func TestSubmitQueuesWhileServiceNowIsDownAndCreatesOnceLater(t *testing.T) {
	s, f, up := newTestService(t, config.Settings{})
	box := &fakeOutbox{queued: map[string]outbox.Write{}}
	s = NewService(Deps{Upstream: s.d.Upstream, Conversations: f, Users: f, Posts: f, Staff: f, KV: kv{f}, Outbox: box,
		Log: quietLog{}, Config: s.d.Config, BotID: botID})
	require.NotNil(t, box.handler, "the service handles its writes")
	up.err = &servicenow.Error{Kind: servicenow.KindUnavailable, StatusCode: 503}
	req := Request{RequestID: "r1", Table: "incident", ShortDescription: "Printer on fire"}

	answer, err := s.Submit(context.Background(), alice, room, req)
	require.NoError(t, err)
	assert.Equal(t, Created{Queued: true}, answer)
	require.Len(t, box.queued, 1)
	again, err := s.Submit(context.Background(), alice, room, req)
	require.NoError(t, err)
	assert.True(t, again.Queued, "a retry of a queued request is queued, not sent")

	up.err = nil
	for _, w := range box.queued {
		assert.Equal(t, alice, w.UserID)
		assert.Equal(t, room, w.ChannelID)
		require.NoError(t, box.handler(context.Background(), w))
		require.NoError(t, box.handler(context.Background(), w), "run twice, created once")
		assert.Equal(t, `Connect could not create the incident "Printer on fire" in ServiceNow: ServiceNow requires Caller for a new incident. Nothing was created; create it again with `+"`/connect create`"+` or Create record in the workspace.`,
			box.failed(w, errors.New("ServiceNow requires Caller for a new incident")).English())
	}
	assert.Len(t, up.created, 1)
	assert.Equal(t, aliceSys, up.created[0]["caller_id"])
	require.Len(t, f.made, 1, "the card is posted when the queued record is created")
}

func TestSubmitAnswersRefusalsAtOnce(t *testing.T) {
	s, f, up := newTestService(t, config.Settings{})
	box := &fakeOutbox{queued: map[string]outbox.Write{}}
	s = NewService(Deps{Upstream: s.d.Upstream, Conversations: f, Users: f, Posts: f, Staff: f, KV: kv{f}, Outbox: box,
		Log: quietLog{}, Config: s.d.Config, BotID: botID})
	up.err = &servicenow.MissingFieldsError{Table: "incident", Fields: []string{"Category"}}
	_, err := s.Submit(context.Background(), alice, room, Request{Table: "incident", ShortDescription: "x"})
	assert.EqualError(t, err, "ServiceNow requires Category for a new incident.")
	assert.Empty(t, box.queued)
}

func TestACreationWhoseAnswerWasLostIsFoundNotMadeAgain(t *testing.T) {
	s, f, up := newTestService(t, config.Settings{})
	box := &fakeOutbox{queued: map[string]outbox.Write{}}
	s = NewService(Deps{Upstream: s.d.Upstream, Conversations: f, Users: f, Posts: f, Staff: f, KV: kv{f}, Outbox: box,
		Log: quietLog{}, Config: s.d.Config, BotID: botID})
	up.lost = true
	answer, err := s.Submit(context.Background(), alice, room, Request{RequestID: "r1", Table: "incident", ShortDescription: "Slow instance"})
	require.NoError(t, err)
	assert.True(t, answer.Queued, "a timeout is queued")
	require.Len(t, up.created, 1, "ServiceNow made it all the same")
	assert.Regexp(t, `^connect-[0-9a-f]{32}$`, up.created[0]["correlation_id"])
	assert.Equal(t, "Connect Chat", up.created[0]["correlation_display"])

	for _, w := range box.queued {
		require.NoError(t, box.handler(context.Background(), w))
	}
	assert.Len(t, up.created, 1, "the retry finds the record by its correlation id")
	require.Len(t, f.made, 1, "its card is posted")
	assert.Contains(t, f.made[0].Message, "INC0010667")
}

func TestCreateFromAPickedMessageToTheEnd(t *testing.T) {
	s, f, up := newTestService(t, config.Settings{})
	at := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	addPost(f, room, bob, "before", at)
	from := addPost(f, room, bob, "from here", at.Add(time.Minute))
	addPost(f, room, alice, "after", at.Add(2*time.Minute))
	addPost(f, elsewhere, alice, "elsewhere", at.Add(3*time.Minute))
	_, err := s.Create(context.Background(), alice, room, Request{Table: "incident", ShortDescription: "x", FromPostID: from.Id})
	require.NoError(t, err)
	assert.Equal(t, "Alice Archer via Connect: created from a Connect conversation\n[2026-12-06 09:01 UTC] Bob Baker: from here\n[2026-12-06 09:02 UTC] Alice Archer: after", up.created[0]["work_notes"])

	_, err = s.Create(context.Background(), alice, room, Request{Table: "incident", ShortDescription: "x", FromPostID: from.Id, PostIDs: []string{from.Id}})
	assert.EqualError(t, err, "Send post_ids or from_post_id, not both.")
}
