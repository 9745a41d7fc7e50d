package receipts

import (
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
)

var (
	alice   = model.NewId()
	bob     = model.NewId()
	carol   = model.NewId()
	bot     = model.NewId()
	channel = model.NewId()
)

type fakeMembers struct {
	mu      sync.Mutex
	reads   int
	members map[string][]*model.ChannelMember
}

func (f *fakeMembers) Members(channelID string) ([]*model.ChannelMember, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	return f.members[channelID], nil
}

type fixture struct {
	members *fakeMembers
	kv      *kvtest.Memory
	now     time.Time
	allowed bool
	s       *Service
}

func newFixture() *fixture {
	f := &fixture{
		members: &fakeMembers{members: map[string][]*model.ChannelMember{channel: {
			{ChannelId: channel, UserId: alice, LastViewedAt: 100},
			{ChannelId: channel, UserId: bob, LastViewedAt: 200},
			{ChannelId: channel, UserId: carol, LastViewedAt: 150},
			{ChannelId: channel, UserId: bot, LastViewedAt: 0},
		}}},
		kv:      kvtest.New(),
		now:     time.Unix(1000, 0),
		allowed: true,
	}
	f.s = NewService(Deps{
		Members: f.members, KV: f.kv, BotID: bot,
		IsConversation: func(id string) bool { return id == channel },
		Config:         func() *config.Config { return &config.Config{ReadReceipts: f.allowed} },
		Now:            func() time.Time { return f.now },
	})
	return f
}

func TestSeenAnswersEveryOtherMembersLastView(t *testing.T) {
	f := newFixture()
	seen, err := f.s.Seen(alice, channel)
	require.NoError(t, err)
	assert.Equal(t, Seen{Enabled: true, Readers: []Reader{{UserID: bob, LastViewedAt: 200}, {UserID: carol, LastViewedAt: 150}}}, seen)
}

func TestSeenRefusesAnyoneButAMemberOfAConversation(t *testing.T) {
	f := newFixture()
	for name, call := range map[string]func() error{
		"not a member":       func() error { _, err := f.s.Seen(model.NewId(), channel); return err },
		"not a conversation": func() error { _, err := f.s.Seen(alice, model.NewId()); return err },
		"not an id":          func() error { _, err := f.s.Seen(alice, "../x"); return err },
	} {
		known, ok := failure.As(call())
		require.True(t, ok, name)
		assert.Equal(t, failure.NotFound, known.Kind, name)
	}
}

func TestManyAsksWithinTheIntervalReadTheMembersOnce(t *testing.T) {
	f := newFixture()
	for range 20 {
		_, err := f.s.Seen(alice, channel)
		require.NoError(t, err)
		_, err = f.s.Seen(bob, channel)
		require.NoError(t, err)
	}
	assert.Equal(t, 1, f.members.reads)
	assert.Equal(t, 1, f.kv.Reads())

	f.members.members[channel][1].LastViewedAt = 300
	f.now = f.now.Add(fresh)
	seen, err := f.s.Seen(alice, channel)
	require.NoError(t, err)
	assert.Equal(t, 2, f.members.reads)
	assert.Equal(t, int64(300), seen.Readers[0].LastViewedAt)
}

func TestSomeoneWhoTurnsReceiptsOffNeitherShowsNorSeesThem(t *testing.T) {
	f := newFixture()
	setting, err := f.s.SetEnabled(bob, false)
	require.NoError(t, err)
	assert.Equal(t, Setting{Enabled: false, Allowed: true}, setting)

	seen, err := f.s.Seen(alice, channel)
	require.NoError(t, err)
	assert.Equal(t, []Reader{{UserID: carol, LastViewedAt: 150}}, seen.Readers, "bob's views are not shown")

	seen, err = f.s.Seen(bob, channel)
	require.NoError(t, err)
	assert.Equal(t, Seen{Readers: []Reader{}}, seen, "bob sees nobody's")

	setting, err = f.s.SetEnabled(bob, true)
	require.NoError(t, err)
	assert.True(t, setting.Enabled)
	seen, err = f.s.Seen(bob, channel)
	require.NoError(t, err)
	assert.True(t, seen.Enabled)
	assert.Len(t, seen.Readers, 2)
}

func TestTheSystemConsoleSwitchTurnsReceiptsOffForEveryone(t *testing.T) {
	f := newFixture()
	f.allowed = false
	seen, err := f.s.Seen(alice, channel)
	require.NoError(t, err)
	assert.Equal(t, Seen{Readers: []Reader{}}, seen)
	setting, err := f.s.Setting(alice)
	require.NoError(t, err)
	assert.Equal(t, Setting{Enabled: true, Allowed: false}, setting)
}

func TestSwitchesOfManyPeopleAtOnceAreAllKept(t *testing.T) {
	f := newFixture()
	people := make([]string, 12)
	var wg sync.WaitGroup
	for i := range people {
		people[i] = model.NewId()
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.s.SetEnabled(people[i], false)
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	for _, id := range people {
		setting, err := f.s.Setting(id)
		require.NoError(t, err)
		assert.False(t, setting.Enabled, id)
	}
}
