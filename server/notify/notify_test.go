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
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

const (
	dm    = "dmdmdmdmdmdmdmdmdmdmdmdmdm"
	group = "grgrgrgrgrgrgrgrgrgrgrgrgr"
	town  = "tstststststststststststststs"
)

type fakes struct {
	props     map[string]map[string]string // channel → member props of u1
	kv        map[string][]byte
	published []map[string]any
	rule      config.EmailRule
	user      *model.User
}

func newFakes() *fakes {
	return &fakes{
		props: map[string]map[string]string{dm: {}, group: {}, town: {}},
		kv:    map[string][]byte{},
		rule:  config.EmailOptIn,
		user:  &model.User{Id: "u1", Username: "alice", FirstName: "Alice", NotifyProps: model.StringMap{"desktop": "mention", "push": "mention", "email": "true"}},
	}
}

func (f *fakes) Get(_, channelID string) (conversations.Conversation, error) {
	switch channelID {
	case dm:
		return conversations.Conversation{ID: dm, Kind: conversations.Direct}, nil
	case group:
		return conversations.Conversation{ID: group, Kind: conversations.Group}, nil
	}
	return conversations.Conversation{}, failure.New(failure.NotFound, "No such conversation.")
}

func (f *fakes) IsConversation(channelID string) bool { return channelID != town }

func (f *fakes) Membership(channelID, _ string) (*model.ChannelMember, error) {
	return &model.ChannelMember{ChannelId: channelID, NotifyProps: f.props[channelID]}, nil
}

func (f *fakes) UpdateNotifications(channelID, _ string, props map[string]string) error {
	for k, v := range props {
		f.props[channelID][k] = v
	}
	return nil
}

func (f *fakes) User(string) (*model.User, error) { return f.user, nil }

type kv struct{ f *fakes }

func (k kv) Get(key string) ([]byte, error) { return k.f.kv[key], nil }
func (k kv) Set(key string, value []byte) error {
	if value == nil {
		delete(k.f.kv, key)
	} else {
		k.f.kv[key] = value
	}
	return nil
}

func (f *fakes) Publish(_ string, event wire.Event) {
	f.published = append(f.published, map[string]any{"event": event.EventName(), "payload": wire.Data(event)})
}

func (f *fakes) Warn(string, ...any) {}

func (f *fakes) service() *Service {
	return NewService(Deps{Conversations: f, Members: f, Users: f, KV: kv{f}, Clients: f, Log: f,
		Config: func() *config.Config { return &config.Config{EmailRule: f.rule} }})
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
	assert.Equal(t, []byte("1"), f.kv[emailMentionKey("u1", group)])
	require.Len(t, f.published, 1)
	assert.Equal(t, ChangedEvent, f.published[0]["event"])
	assert.Equal(t, map[string]any{"conversation_id": group, "preferences": map[string]any{"desktop": "none", "push": "mention", "email": "mention", "muted": true}}, f.published[0]["payload"])
	read, err := s.Get("u1", group)
	require.NoError(t, err)
	assert.Equal(t, want, read)

	_, err = s.Set("u1", group, Preferences{Desktop: All, Push: All, Email: All})
	require.NoError(t, err)
	assert.Empty(t, f.kv, "all drops the @mentions mark")
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
		props    map[string]string
		mention  bool
		rule     config.EmailRule
		message  string
		rejected bool
	}{
		{"not a Connect conversation", town, map[string]string{}, false, config.EmailOptIn, "hi", false},
		{"nothing chosen, opt-in", group, map[string]string{}, false, config.EmailOptIn, "hi", true},
		{"nothing chosen, follow", group, map[string]string{"email": "default"}, false, config.EmailFollow, "hi", false},
		{"email never", group, map[string]string{"email": "false"}, false, config.EmailFollow, "hi", true},
		{"email all", group, map[string]string{"email": "true"}, false, config.EmailOptIn, "hi", false},
		{"all in a DM", dm, map[string]string{"email": "true"}, false, config.EmailOptIn, "hi", false},
		{"@mentions, not mentioned", group, map[string]string{"email": "true"}, true, config.EmailOptIn, "hi @bob", true},
		{"@mentions, mentioned", group, map[string]string{"email": "true"}, true, config.EmailOptIn, "hi @alice!", false},
		{"@mentions, @channel", group, map[string]string{"email": "true"}, true, config.EmailOptIn, "@channel the mail is down", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakes()
			f.props[c.channel], f.rule = c.props, c.rule
			if c.mention {
				f.kv[emailMentionKey("u1", c.channel)] = []byte("1")
			}
			reason := f.service().EmailRejection(&model.EmailNotification{ChannelId: c.channel, RecipientId: "u1"}, &model.Post{Message: c.message})
			assert.Equal(t, c.rejected, reason != "", reason)
		})
	}
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
