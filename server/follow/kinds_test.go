package follow

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
)

func TestTheJournalFieldIsFilledInRecordConversationsOnly(t *testing.T) {
	twoWay := true
	noKV := kvtest.New() // posts outside record conversations must not reach the store
	noKV.OnCall(func(method, key string) { t.Fatalf("KV %s %s", method, key) })
	s := NewService(Deps{KV: noKV, BotID: "bot", Config: func() *config.Config { return &config.Config{FollowTwoWay: twoWay} }})
	s.byChannel["record"] = conversations.RecordRef{Table: "incident", SysID: "0123456789abcdef0123456789abcdef"}

	elsewhere := &model.Post{ChannelId: "dm", UserId: "alice", Message: "hi"}
	assert.False(t, s.FillJournalKind(elsewhere), "a post outside record conversations is left alone, without the store")
	elsewhere.AddProp(JournalProp, "comments")
	assert.False(t, s.FillJournalKind(elsewhere))
	s.MessageHasBeenUpdated(elsewhere, &model.Post{ChannelId: "dm", Message: "before"})

	chosen := &model.Post{ChannelId: "record", UserId: "alice", Message: "a comment"}
	chosen.AddProp(JournalProp, "comments")
	assert.False(t, s.FillJournalKind(chosen), "a valid choice stays as it is")

	remembered := kvtest.New()
	require.NoError(t, remembered.Set(kindKey("record", "alice"), []byte("comments")))
	s.d.KV = remembered
	filled := &model.Post{ChannelId: "record", UserId: "alice", Message: "from the mobile app"}
	require.True(t, s.FillJournalKind(filled))
	assert.Equal(t, "comments", filled.GetProp(JournalProp), "the author's remembered choice")
	forged := &model.Post{ChannelId: "record", UserId: "bob", Message: "x"}
	forged.AddProp(JournalProp, "everything")
	require.True(t, s.FillJournalKind(forged))
	assert.Equal(t, "work_notes", forged.GetProp(JournalProp), "an unknown value becomes the default")
	assert.False(t, s.FillJournalKind(&model.Post{ChannelId: "record", UserId: "bot", Message: "update"}), "the bot's updates go nowhere")

	twoWay = false
	require.True(t, s.FillJournalKind(chosen))
	assert.Nil(t, chosen.GetProp(JournalProp), "with two-way off nothing goes to the record: no label")
}

func TestARememberedJournalFieldIsReadOnceAndAgainWhenAnotherServerChangesIt(t *testing.T) {
	kv := kvtest.New()
	s := NewService(Deps{KV: kv, BotID: "bot", Config: func() *config.Config { return &config.Config{FollowTwoWay: true} }})
	s.byChannel["record"] = conversations.RecordRef{Table: "incident", SysID: "0123456789abcdef0123456789abcdef"}
	fromMobile := func() any {
		post := &model.Post{ChannelId: "record", UserId: "alice", Message: "from the mobile app"}
		s.FillJournalKind(post)
		return post.GetProp(JournalProp)
	}

	assert.Equal(t, "work_notes", fromMobile())
	assert.Equal(t, "work_notes", fromMobile())
	assert.Equal(t, 1, kv.Reads(), "the choice is read from the store once")

	require.NoError(t, kv.Set(kindKey("record", "alice"), []byte("comments"))) // another server's SetKind
	s.OnKindChanged([]byte(kindKey("record", "alice")))
	assert.Equal(t, "comments", fromMobile(), "its cluster event makes this server read it again")
	assert.Equal(t, 2, kv.Reads())
}
