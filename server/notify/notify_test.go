package notify

import (
	"errors"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

const (
	dm    = "dmdmdmdmdmdmdmdmdmdmdmdmdm"
	group = "grgrgrgrgrgrgrgrgrgrgrgrgr"
	town  = "tstststststststststststststs"
)

type fakes struct {
	props       map[string]map[string]string // channel → member props of u1
	kv          *kvtest.Memory
	published   []map[string]any
	broadcasts  []string
	rule        config.EmailRule
	user        *model.User
	posts       map[string]*model.Post
	memberReads int
	userReads   int
}

func newFakes() *fakes {
	return &fakes{
		props: map[string]map[string]string{dm: {}, group: {}, town: {}},
		kv:    kvtest.New(),
		rule:  config.EmailOptIn,
		user:  &model.User{Id: "u1", Username: "alice", FirstName: "Alice", NotifyProps: model.StringMap{"desktop": "mention", "push": "mention", "email": "true"}},
		posts: map[string]*model.Post{},
	}
}

func (f *fakes) Get(_, channelID string) (conversations.Conversation, error) {
	switch channelID {
	case dm:
		return conversations.Conversation{ID: dm, Kind: conversations.Direct}, nil
	case group:
		return conversations.Conversation{ID: group, Kind: conversations.Group}, nil
	}
	return conversations.Conversation{}, failure.New(failure.NotFound, i18n.Text("No such conversation."))
}

func (f *fakes) IsConversation(channelID string) bool { return channelID != town }

func (f *fakes) Membership(channelID, _ string) (*model.ChannelMember, error) {
	f.memberReads++
	return &model.ChannelMember{ChannelId: channelID, UserId: "u1", NotifyProps: f.props[channelID]}, nil
}

func (f *fakes) MembershipsOf(string) ([]*model.ChannelMember, error) {
	f.memberReads++
	var members []*model.ChannelMember
	for channelID, props := range f.props {
		members = append(members, &model.ChannelMember{ChannelId: channelID, UserId: "u1", NotifyProps: props})
	}
	return members, nil
}

func (f *fakes) GetPost(postID string) (*model.Post, error) {
	if post, ok := f.posts[postID]; ok {
		return post, nil
	}
	return nil, errors.New("no such post")
}

func (f *fakes) UpdateNotifications(channelID, _ string, props map[string]string) error {
	for k, v := range props {
		f.props[channelID][k] = v
	}
	return nil
}

func (f *fakes) User(string) (*model.User, error) {
	f.userReads++
	return f.user, nil
}

func (f *fakes) broadcast(event, data string) error {
	f.broadcasts = append(f.broadcasts, event+" "+data)
	return nil
}

func (f *fakes) Publish(_ string, event wire.Event) {
	f.published = append(f.published, map[string]any{"event": event.EventName(), "payload": wire.Data(event)})
}

func (f *fakes) Warn(string, ...any) {}

func (f *fakes) service() *Service {
	return NewService(Deps{Conversations: f, Members: f, Users: f, Posts: f, KV: f.kv, Clients: f, Log: f,
		Config: func() *config.Config { return &config.Config{EmailRule: f.rule} }, Broadcast: f.broadcast})
}

func TestReadFallsBackToTheUsersSettings(t *testing.T) {
	cases := []struct {
		name    string
		channel string
		props   map[string]string
		rule    config.EmailRule
		want    Preferences
	}{
		{"a group with nothing chosen, opt-in", group, map[string]string{}, config.EmailOptIn, Preferences{Desktop: Mention, Push: Mention, Email: None}},
		{"a DM with nothing chosen: mentions are every message", dm, map[string]string{"desktop": "default"}, config.EmailOptIn, Preferences{Desktop: All, Push: All, Email: None}},
		{"follow Mattermost's email setting", group, map[string]string{"email": "default"}, config.EmailFollow, Preferences{Desktop: Mention, Push: Mention, Email: All}},
		{"chosen in the channel", group, map[string]string{"desktop": "none", "push": "all", "email": "false", "mark_unread": "mention"}, config.EmailFollow, Preferences{Desktop: None, Push: All, Email: None, Muted: true}},
		{"email true", group, map[string]string{"email": "true"}, config.EmailOptIn, Preferences{Desktop: Mention, Push: Mention, Email: All}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakes()
			f.props[c.channel], f.rule = c.props, c.rule
			got, err := f.service().Get("u1", c.channel)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestSetStoresPropsAndTellsTheClients(t *testing.T) {
	f := newFakes()
	s := f.service()
	want := Preferences{Desktop: None, Push: Mention, Email: Mention, Muted: true}
	got, err := s.Set("u1", group, want)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, map[string]string{"desktop": "none", "push": "mention", "email": "true", "mark_unread": "mention"}, f.props[group])
	assert.JSONEq(t, `{"`+group+`":"mention"}`, string(f.kv.Value(emailChoicesKey("u1"))))
	assert.Equal(t, []string{ClusterEvent + " u1"}, f.broadcasts, "the other servers read the choices again")
	require.Len(t, f.published, 1)
	assert.Equal(t, ChangedEvent, f.published[0]["event"])
	assert.Equal(t, map[string]any{"conversation_id": group, "preferences": map[string]any{"desktop": "none", "push": "mention", "email": "mention", "muted": true}}, f.published[0]["payload"])
	read, err := s.Get("u1", group)
	require.NoError(t, err)
	assert.Equal(t, want, read)

	_, err = s.Set("u1", group, Preferences{Desktop: All, Push: All, Email: All})
	require.NoError(t, err)
	assert.JSONEq(t, `{"`+group+`":"all"}`, string(f.kv.Value(emailChoicesKey("u1"))))
	assert.Equal(t, "all", f.props[group]["mark_unread"])

	_, err = s.Set("u1", group, Preferences{Desktop: All, Push: All, Email: None})
	require.NoError(t, err)
	assert.Equal(t, "false", f.props[group]["email"])
}

func TestSetRefuses(t *testing.T) {
	cases := []struct {
		name    string
		channel string
		prefs   Preferences
		kind    failure.Kind
		message string
	}{
		{"mention in a DM", dm, Preferences{Desktop: All, Push: Mention, Email: None}, failure.Invalid, `push cannot be "mention" in a direct conversation: every message there is for you. Choose "all" or "none".`},
		{"an unknown level", group, Preferences{Desktop: "loud", Push: All, Email: None}, failure.Invalid, `desktop must be "all", "mention" or "none", not "loud".`},
		{"the command's words are not the API's", group, Preferences{Desktop: All, Push: All, Email: "never"}, failure.Invalid, `email must be "all", "mention" or "none", not "never".`},
		{"an empty level", group, Preferences{Desktop: All, Push: All}, failure.Invalid, `email must be "all", "mention" or "none", not "".`},
		{"not a conversation of the caller", town, Preferences{Desktop: All, Push: All, Email: All}, failure.NotFound, "No such conversation."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakes()
			_, err := f.service().Set("u1", c.channel, c.prefs)
			var known *failure.Error
			require.True(t, errors.As(err, &known), "%v", err)
			assert.Equal(t, c.kind, known.Kind)
			assert.Equal(t, c.message, known.Message)
			assert.Empty(t, f.published)
			assert.Empty(t, f.props[c.channel])
		})
	}
}

func TestChangeKeepsTheOtherChoices(t *testing.T) {
	f := newFakes()
	got, err := f.service().Change("u1", group, func(p *Preferences) { p.Muted = true })
	require.NoError(t, err)
	assert.Equal(t, Preferences{Desktop: Mention, Push: Mention, Email: None, Muted: true}, got)
}

func TestEmailRejection(t *testing.T) {
	cases := []struct {
		name     string
		channel  string
		email    Level // "" for never chosen in the bell
		rule     config.EmailRule
		message  string
		rejected bool
	}{
		{"not a Connect conversation", town, "", config.EmailOptIn, "hi", false},
		{"nothing chosen, opt-in", group, "", config.EmailOptIn, "hi", true},
		{"nothing chosen, follow", group, "", config.EmailFollow, "hi", false},
		{"email never", group, None, config.EmailFollow, "hi", true},
		{"email all", group, All, config.EmailOptIn, "hi", false},
		{"all in a DM", dm, All, config.EmailOptIn, "hi", false},
		{"@mentions, not mentioned", group, Mention, config.EmailOptIn, "hi @bob", true},
		{"@mentions, mentioned", group, Mention, config.EmailOptIn, "hi @alice!", false},
		{"@mentions, @channel", group, Mention, config.EmailOptIn, "@channel the mail is down", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakes()
			s := f.service()
			if c.email != "" {
				_, err := s.Set("u1", c.channel, Preferences{Desktop: All, Push: All, Email: c.email})
				require.NoError(t, err)
			}
			f.rule = c.rule
			email := &model.EmailNotification{ChannelId: c.channel, RecipientId: "u1",
				EmailNotificationContent: model.EmailNotificationContent{MessageText: c.message}}
			reason := s.EmailRejection(email)
			assert.Equal(t, c.rejected, reason != "", reason)
		})
	}
}

func TestEmailDecisionsReadNoMattermostAfterTheFirst(t *testing.T) {
	f := newFakes()
	s := f.service()
	_, err := s.Set("u1", group, Preferences{Desktop: All, Push: All, Email: Mention})
	require.NoError(t, err)
	f.memberReads, f.userReads = 0, 0
	email := &model.EmailNotification{ChannelId: group, RecipientId: "u1", EmailNotificationContent: model.EmailNotificationContent{MessageText: "hi"}}
	for range 100 {
		assert.NotEmpty(t, s.EmailRejection(email))
	}
	assert.Zero(t, f.memberReads, "the choices are in memory")
	assert.Equal(t, 1, f.userReads, "who the recipient is is read once a while")
}

func TestAnotherServersChoiceIsHonoured(t *testing.T) {
	f := newFakes()
	here, there := f.service(), f.service()
	email := &model.EmailNotification{ChannelId: group, RecipientId: "u1", EmailNotificationContent: model.EmailNotificationContent{MessageText: "hi"}}
	assert.NotEmpty(t, here.EmailRejection(email), "opt-in: nothing chosen yet")

	_, err := there.Set("u1", group, Preferences{Desktop: All, Push: All, Email: All})
	require.NoError(t, err)
	assert.NotEmpty(t, here.EmailRejection(email), "this server still remembers the old choice")
	here.OnClusterEvent([]byte("u1"))
	assert.Empty(t, here.EmailRejection(email), "told, it reads the new one")
}

func TestChoicesMadeBeforeTheDocumentCount(t *testing.T) {
	f := newFakes()
	f.props[group] = map[string]string{"email": "true"}
	f.props[dm] = map[string]string{"email": "false"}
	f.props[town] = map[string]string{"email": "true"}
	require.NoError(t, f.kv.Set(legacyMentionKey("u1", group), []byte("1")))
	s := f.service()

	mentioned := &model.EmailNotification{ChannelId: group, RecipientId: "u1", EmailNotificationContent: model.EmailNotificationContent{MessageText: "@alice"}}
	assert.Empty(t, s.EmailRejection(mentioned))
	mentioned.MessageText = "hi"
	assert.NotEmpty(t, s.EmailRejection(mentioned), "the @mentions mark still counts")
	assert.JSONEq(t, `{"`+group+`":"mention","`+dm+`":"none"}`, string(f.kv.Value(emailChoicesKey("u1"))), "saved once, Connect conversations only")

	f.props[dm] = map[string]string{"email": "true"}
	got, err := s.Get("u1", dm)
	require.NoError(t, err)
	assert.Equal(t, None, got.Email, "after that only the bell chooses email (Mattermost's own dialog can turn it off, not on)")
}

func TestMentionChoiceWithGenericEmailContentsReadsThePost(t *testing.T) {
	f := newFakes()
	s := f.service()
	_, err := s.Set("u1", group, Preferences{Desktop: All, Push: All, Email: Mention})
	require.NoError(t, err)
	f.posts["p1"] = &model.Post{Id: "p1", Message: "ping @alice"}
	assert.Empty(t, s.EmailRejection(&model.EmailNotification{ChannelId: group, RecipientId: "u1", PostId: "p1"}))
}

func TestMentions(t *testing.T) {
	user := &model.User{Username: "alice", FirstName: "Alice", NotifyProps: model.StringMap{"mention_keys": "mailops, Outage", "first_name": "false"}}
	cases := []struct {
		message string
		want    bool
	}{
		{"@alice", true},
		{"hi @Alice, look", true},
		{"ask @alice.", true},
		{"ask @alice.bob", false},
		{"@alice_b", false},
		{"@alicea", false},
		{"mail@alice", false},
		{"email alice", false},
		{"the outage is back", true},
		{"no outages", false},
		{"@here anyone?", true},
		{"", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Mentions(c.message, user), c.message)
	}
	user.NotifyProps["channel"] = "false"
	user.NotifyProps["first_name"] = "true"
	assert.False(t, Mentions("@all please", user))
	assert.True(t, Mentions("thanks Alice", user))
}

func TestParseLevel(t *testing.T) {
	for text, want := range map[string]Level{"all": All, "Mentions": Mention, "mention": Mention, "never": None, "none": None} {
		got, ok := ParseLevel(text)
		assert.True(t, ok, text)
		assert.Equal(t, want, got, text)
	}
	_, ok := ParseLevel("loud")
	assert.False(t, ok)
}
